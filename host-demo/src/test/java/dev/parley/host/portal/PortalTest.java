package dev.parley.host.portal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.host.testing.TestHost;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The partner portal: own offers with unique tracking links, and switching between programs. */
class PortalTest {

    @RegisterExtension
    static final TestHost host = TestHost.perClass();

    @Test
    void aPartnerSeesOnlyOffersItIsApprovedForWithItsOwnTrackingLinks() {
        WicketTester t = host.loggedIn("leo@summitdeals.test");
        t.startPage(PortalDashboardPage.class);
        String html = t.getLastResponseAsString();
        assertTrue(html.contains("Winter Jackets"));
        assertTrue(html.contains("Black Friday"));
        assertFalse(html.contains("Hiking Boots"), "not approved for it");
        assertTrue(html.contains("/t/"), "tracking link shown");
    }

    @Test
    void aMemberOfTwoProgramsSwitchesBetweenThem() {
        WicketTester t = host.loggedIn("maya@trailblazers.test");
        t.startPage(PortalDashboardPage.class);
        assertTrue(t.getLastResponseAsString().contains("Acme Outdoor"));
        assertTrue(t.getLastResponseAsString().contains("Switch to"));
        t.clickLink("parleyHeader:programs:0:switch");
        t.assertRenderedPage(PortalDashboardPage.class);
        String html = t.getLastResponseAsString();
        assertTrue(html.contains("Bolt Fitness"), "now acting in Bolt");
        assertTrue(html.contains("Gym Membership"));
        assertFalse(html.contains("Winter Jackets"));
    }

    @Test
    void aMemberOfOneProgramHasNoSwitch() {
        WicketTester t = host.loggedIn("leo@summitdeals.test");
        t.startPage(PortalDashboardPage.class);
        assertFalse(t.getLastResponseAsString().contains("Switch to"));
    }
}
