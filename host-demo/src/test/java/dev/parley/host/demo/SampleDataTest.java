package dev.parley.host.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.event.SampleDataCreated;
import dev.parley.host.portal.PortalDashboardPage;
import dev.parley.host.testing.TestHost;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A demo program comes with sample conversations and banners from the plugins, made through their real services. */
class SampleDataTest {

    @RegisterExtension
    static final TestHost host = TestHost.perClass();

    @BeforeAll
    static void start() {
        for (long program : new long[] {host.programs().acme(), host.programs().bolt(), host.programs().cedar()}) {
            host.host().events().publish(new SampleDataCreated(program));
        }
    }

    @Test
    void theTeamFindsSampleConversationsWithPartnerRepliesInTheInbox() {
        WicketTester t = host.loggedIn("cm@acme.test");
        t.executeUrl("inbox");
        String html = t.getLastResponseAsString();
        assertTrue(html.contains("Spring catalogue"), html);
        assertTrue(html.contains("关于夏季推广活动"));
    }

    @Test
    void aPartnerSeesThePersonalisedSampleBannerAndTheConversation() {
        WicketTester t = host.loggedIn("maya@trailblazers.test");
        t.startPage(PortalDashboardPage.class);
        String html = t.getLastResponseAsString();
        assertTrue(html.contains("Black Friday starts now, Maya!"), html);
        t.executeUrl("portal/messages");
        assertTrue(t.getLastResponseAsString().contains("Spring catalogue"));
    }

    @Test
    void programsWithoutTheFeaturesGetNoSampleContent() {
        WicketTester t = host.loggedIn("cm@cedar.test");
        t.executeUrl("inbox");
        assertTrue(t.getLastResponseAsString().contains("Spring catalogue"), "Cedar has messaging");
        WicketTester bolt = host.loggedIn("owner@bolt.test");
        bolt.executeUrl("inbox");
        assertFalse(bolt.getLastResponseAsString().contains("Spring catalogue"));
    }
}
