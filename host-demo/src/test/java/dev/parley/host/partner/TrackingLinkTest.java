package dev.parley.host.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PerformancePeriod;
import dev.parley.host.testing.TestHost;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A partner's tracking link counts a click; a tampered one is not found. */
class TrackingLinkTest {

    @RegisterExtension
    static final TestHost host = TestHost.perClass();

    @Test
    void aSignedLinkCountsAClickAndATamperedOneIs404() {
        long program = host.programs().acme();
        Partner summit = host.host().partners().page(program, PartnerFilter.all().withText("Summit Deals"), 0, 1).get(0);
        long offer = host.host().partners().offers(program).get(0).id();
        String link = host.host().trackingLinks().linkFor(program, offer, summit.id());
        String path = link.substring(link.indexOf("/t/") + 1);
        long before = host.host().partners().performance(program, summit.id(), PerformancePeriod.thisMonth(host.clock())).clicks();
        WicketTester t = host.newTester();
        t.executeUrl(path);
        assertEquals(200, t.getLastResponse().getStatus());
        assertTrue(t.getLastResponseAsString().contains("Summit Deals"));
        long after = host.host().partners().performance(program, summit.id(), PerformancePeriod.thisMonth(host.clock())).clicks();
        assertEquals(before + 1, after);
        t.executeUrl(path.substring(0, path.length() - 1) + (path.endsWith("0") ? "1" : "0"));
        assertEquals(404, t.getLastResponse().getStatus());
        Partner trail = host.host().partners().page(program, PartnerFilter.all().withText("Trail Blazers"), 0, 1).get(0);
        t.executeUrl(path.replace("/" + summit.id() + "/", "/" + trail.id() + "/"));
        assertEquals(404, t.getLastResponse().getStatus(), "another partner's id with this signature");
    }
}
