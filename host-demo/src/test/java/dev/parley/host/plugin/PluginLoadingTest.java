package dev.parley.host.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.host.dashboard.BrandDashboardPage;
import dev.parley.host.testing.TestHost;
import java.util.HashMap;
import java.util.Map;
import org.apache.wicket.Page;
import org.apache.wicket.serialize.java.JavaSerializer;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real plugin JARs, dropped into a plugins folder, load into the real host and show up per plan and role. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginLoadingTest {

    @RegisterExtension
    static final TestHost host = TestHost.perClass();

    @Test
    @Order(1)
    void bothPluginsStartFromTheirJars() {
        Map<String, String> states = new HashMap<>();
        host.host().pluginManager().statuses().forEach(s -> states.put(s.id(), s.state()));
        assertEquals("STARTED", states.get("parley-messaging"));
        assertEquals("STARTED", states.get("parley-banners"));
    }

    @Test
    @Order(2)
    void communityManagerOnAdvancedPlanSeesInboxAndBannersTabs() {
        WicketTester t = host.loggedIn("cm@acme.test");
        t.startPage(BrandDashboardPage.class);
        String html = t.getLastResponseAsString();
        assertTrue(html.contains(">Inbox<"), html);
        assertTrue(html.contains(">Banners<"), html);
    }

    @Test
    @Order(2)
    void analystWithoutThePermissionsSeesNeitherTab() {
        WicketTester t = host.loggedIn("analyst@acme.test");
        t.startPage(BrandDashboardPage.class);
        String html = t.getLastResponseAsString();
        assertFalse(html.contains(">Inbox<"));
        assertFalse(html.contains(">Banners<"));
        assertTrue(html.contains(">Partners<"));
    }

    @Test
    @Order(2)
    void programOnThePartnerPlanGetsMessagingButNotBanners() {
        WicketTester t = host.loggedIn("cm@cedar.test");
        t.startPage(BrandDashboardPage.class);
        String html = t.getLastResponseAsString();
        assertTrue(html.contains(">Inbox<"));
        assertFalse(html.contains(">Banners<"));
    }

    @Test
    @Order(2)
    void programOnTheStarterPlanGetsNeither() {
        WicketTester t = host.loggedIn("owner@bolt.test");
        t.startPage(BrandDashboardPage.class);
        String html = t.getLastResponseAsString();
        assertFalse(html.contains(">Inbox<"));
        assertFalse(html.contains(">Banners<"));
    }

    @Test
    @Order(2)
    void pluginPagesRenderByUrlAndSurviveThePageStore() {
        WicketTester t = host.loggedIn("cm@acme.test");
        t.executeUrl("inbox");
        assertEquals(200, t.getLastResponse().getStatus());
        Page inbox = t.getLastRenderedPage();
        assertEquals("dev.parley.messaging.inbox.InboxPage", inbox.getClass().getName());
        assertTrue(inbox.getClass().getClassLoader() != BrandDashboardPage.class.getClassLoader(),
                "plugin pages come from the plugin's class loader");
        JavaSerializer serializer = new JavaSerializer(t.getApplication().getApplicationKey());
        Object copy = serializer.deserialize(serializer.serialize(inbox));
        assertNotNull(copy);
        assertEquals(inbox.getClass(), copy.getClass());
        t.executeUrl("banners");
        assertEquals(200, t.getLastResponse().getStatus());
        assertEquals("dev.parley.banners.editor.BannersPage", t.getLastRenderedPage().getClass().getName());
        // Going back to the stored inbox page reads it from the page store (deserialization).
        t.executeUrl("inbox?" + inbox.getPageId());
        assertEquals(200, t.getLastResponse().getStatus());
        assertEquals(inbox.getClass(), t.getLastRenderedPage().getClass());
    }

    @Test
    @Order(3)
    void aDisabledPluginsTabDisappearsAndItsUrlsAnswer404() {
        WicketTester t = host.loggedIn("cm@acme.test");
        t.executeUrl("inbox");
        Page storedInbox = t.getLastRenderedPage();
        assertTrue(host.host().pluginManager().disablePlugin("parley-messaging"));
        try {
            t.startPage(BrandDashboardPage.class);
            assertFalse(t.getLastResponseAsString().contains(">Inbox<"));
            assertTrue(t.getLastResponseAsString().contains(">Banners<"));
            t.executeUrl("inbox");
            assertEquals(404, t.getLastResponse().getStatus());
            t.executeUrl("inbox?" + storedInbox.getPageId());
            assertEquals(404, t.getLastResponse().getStatus());
            t.executeUrl("wicket/bookmarkable/dev.parley.messaging.inbox.InboxPage");
            assertEquals(404, t.getLastResponse().getStatus());
        } finally {
            host.host().pluginManager().enablePlugin("parley-messaging");
            host.host().pluginManager().startSafely("parley-messaging");
        }
        t.executeUrl("inbox");
        assertEquals(200, t.getLastResponse().getStatus());
        t.startPage(BrandDashboardPage.class);
        assertTrue(t.getLastResponseAsString().contains(">Inbox<"));
    }
}
