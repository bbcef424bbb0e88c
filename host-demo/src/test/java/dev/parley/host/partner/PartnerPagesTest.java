package dev.parley.host.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.event.PartnerJoined;
import dev.parley.api.event.PartnershipStatusChanged;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.host.testing.TestHost;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The brand's partner list (filters in the URL, keyset pages) and profile (status, manager, adding partners). */
class PartnerPagesTest {

    @RegisterExtension
    static final TestHost host = TestHost.perClass();

    @Test
    void filtersGoIntoTheUrlSoAViewCanBeBookmarked() {
        WicketTester t = host.loggedIn("cm@acme.test");
        t.startPage(PartnersPage.class);
        FormTester f = t.newFormTester("filters");
        f.setValue("q", "Summit");
        f.select("status", 1);
        f.submit();
        t.assertRenderedPage(PartnersPage.class);
        PageParameters p = t.getLastRenderedPage().getPageParameters();
        assertEquals("Summit", p.get("q").toString());
        assertEquals("APPROVED", p.get("status").toString());
        String html = t.getLastResponseAsString();
        assertTrue(html.contains("Summit Deals"));
        assertFalse(html.contains("Trail Blazers Media"));
    }

    @Test
    void theNextPageContinuesAfterTheLastPartnerShown() {
        WicketTester t = host.loggedIn("cm@acme.test");
        t.startPage(PartnersPage.class);
        t.assertVisible("next");
        long total = host.host().partners().count(host.programs().acme(), PartnerFilter.all());
        assertTrue(total > PartnersPage.PAGE_SIZE, "demo data has more than one page");
        List<Partner> firstPage = host.host().partners().page(host.programs().acme(), PartnerFilter.all(), 0,
                PartnersPage.PAGE_SIZE);
        t.clickLink("next");
        assertEquals(String.valueOf(firstPage.get(firstPage.size() - 1).id()),
                t.getLastRenderedPage().getPageParameters().get("after").toString());
        assertFalse(t.getLastResponseAsString().contains(">" + firstPage.get(0).name() + "<"));
    }

    @Test
    void approvingAPendingPartnerPublishesTheStatusChange() {
        List<PartnershipStatusChanged> events = new CopyOnWriteArrayList<>();
        host.host().events().subscribe(PartnershipStatusChanged.class, events::add);
        Partner pending = host.host().partners().page(host.programs().acme(),
                PartnerFilter.allOf(dev.parley.api.partner.PartnerRule.status(PartnershipStatus.PENDING)), 0, 1).get(0);
        WicketTester t = host.loggedIn("cm@acme.test");
        t.startPage(PartnerProfilePage.class, new PageParameters().set("partnerId", pending.id()));
        FormTester f = t.newFormTester("manage");
        f.select("statusChoice", PartnershipStatus.APPROVED.ordinal());
        f.submit();
        assertEquals(PartnershipStatus.APPROVED,
                host.host().partners().partner(host.programs().acme(), pending.id()).orElseThrow().status());
        assertEquals(1, events.size());
        assertEquals(PartnershipStatus.PENDING, events.get(0).before());
    }

    @Test
    void analystsSeeProfilesButCannotChangeThem() {
        Partner any = host.host().partners().page(host.programs().acme(), PartnerFilter.all(), 0, 1).get(0);
        WicketTester t = host.loggedIn("analyst@acme.test");
        t.startPage(PartnerProfilePage.class, new PageParameters().set("partnerId", any.id()));
        t.assertRenderedPage(PartnerProfilePage.class);
        t.assertInvisible("manage");
    }

    @Test
    void addingAPartnerCreatesAPendingApplicationAndAnnouncesIt() {
        List<PartnerJoined> joined = new CopyOnWriteArrayList<>();
        host.host().events().subscribe(PartnerJoined.class, joined::add);
        WicketTester t = host.loggedIn("cm@acme.test");
        t.startPage(PartnersPage.class);
        FormTester f = t.newFormTester("add");
        f.setValue("company", "Fresh Creators Co");
        f.setValue("contact", "Rita Fresh");
        f.setValue("contactEmail", "rita@fresh.test");
        f.submit();
        t.assertRenderedPage(PartnerProfilePage.class);
        assertEquals(1, joined.size());
        Partner added = host.host().partners().partner(host.programs().acme(), joined.get(0).partnerId()).orElseThrow();
        assertEquals("Fresh Creators Co", added.name());
        assertEquals(PartnershipStatus.PENDING, added.status());
        // the same e-mail twice is refused with a message, nothing is added
        t.startPage(PartnersPage.class);
        f = t.newFormTester("add");
        f.setValue("company", "Copy Co");
        f.setValue("contact", "Rita Again");
        f.setValue("contactEmail", "RITA@fresh.test");
        f.submit();
        t.assertErrorMessages("A partner member with the e-mail rita@fresh.test already exists.");
        assertEquals(1, joined.size());
    }
}
