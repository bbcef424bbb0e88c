package dev.parley.host.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.host.testing.TestHost;
import java.util.Map;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real plugin JARs, dropped into a plugins folder, load into the real host and show up per plan and role. */
class PluginLoadingTest {

    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void bothPluginsStartFromTheirJars() {
        Map<String, String> states = new java.util.HashMap<>();
        host.host().pluginManager().statuses().forEach(s -> states.put(s.id(), s.state()));
        assertEquals("STARTED", states.get("parley-messaging"));
        assertEquals("STARTED", states.get("parley-banners"));
    }

    @Test
    void communityManagerOnAdvancedPlanSeesInboxAndBannersTabs() {
        WicketTester t = host.newTester();
        TestHost.login(t, "cm@acme.test");
        t.startPage(dev.parley.host.dashboard.BrandDashboardPage.class);
        String html = t.getLastResponseAsString();
        assertTrue(html.contains(">Inbox<"), html);
        assertTrue(html.contains(">Banners<"), html);
    }

    @Test
    void analystWithoutPermissionsSeesNeitherTab() {
        WicketTester t = host.newTester();
        TestHost.login(t, "analyst@acme.test");
        t.startPage(dev.parley.host.dashboard.BrandDashboardPage.class);
        String html = t.getLastResponseAsString();
        assertFalse(html.contains(">Inbox<"));
        assertFalse(html.contains(">Banners<"));
        assertTrue(html.contains(">Partners<"));
    }
}
