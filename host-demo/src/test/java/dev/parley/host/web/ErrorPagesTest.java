package dev.parley.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.host.testing.TestHost;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Refusals from plugin pages and resources, and unknown URLs, answer with the host's own error page
 * (its layout and navigation, in the viewer's language) and the right status code, never the
 * servlet container's bare error page.
 */
class ErrorPagesTest {

    @RegisterExtension
    static final TestHost host = TestHost.perClass();

    /** Asserts the host's error page in its layout: title, explanation, way home and the header. */
    private static void assertHostErrorPage(WicketTester t, int status, String title, String text) {
        assertEquals(status, t.getLastResponse().getStatus());
        String html = t.getLastResponseAsString();
        assertTrue(t.getLastRenderedPage() instanceof HttpErrorPage, "the host's error page: " + t.getLastRenderedPage() + " " + html);
        assertTrue(html.contains("<h1 class=\"h3\">" + title + "</h1>"), html);
        assertTrue(html.contains(text), html);
        assertTrue(html.matches("(?s).*<html[^>]* lang=\"(en|zh-CN)\".*"), "the page declares its language: " + html);
        assertTrue(html.contains("class=\"navbar"), "in the host's layout with its navigation");
        assertTrue(html.contains("bootstrap"), "styled like every other page");
        assertFalse(html.contains("Powered by Jetty"), "not the servlet container's page");
    }

    @Test
    void aProgramAdminOpeningTheSearchIndexGetsTheHostsForbiddenPage() {
        // Acme's owner holds the administer permission, but the index serves every program: the
        // plugin itself refuses (only platform admins), with a bare 403 until the host took it over
        WicketTester owner = host.loggedIn("owner@acme.test");
        owner.executeUrl("inbox/search/index");
        assertHostErrorPage(owner, 403, "You do not have access to this page",
                "Ask an Account Admin of your program for the permission you need.");
        assertTrue(owner.getLastResponseAsString().contains("Go to the start page"));
        // without the permission the host's own check refuses first, the same way
        WicketTester cm = host.loggedIn("cm@acme.test");
        cm.executeUrl("inbox/search/index");
        assertHostErrorPage(cm, 403, "You do not have access to this page", "Ask an Account Admin");

        WicketTester admin = host.loggedIn("admin@parley.test");
        admin.executeUrl("inbox/search/index");
        assertEquals(200, admin.getLastResponse().getStatus(), "the platform admin still reaches it");
        assertTrue(admin.getLastResponseAsString().contains("Rebuild from the database"));
    }

    @Test
    void theForbiddenPageSpeaksTheViewersLanguage() {
        WicketTester owner = host.loggedIn("owner@acme.test");
        owner.getSession().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        owner.executeUrl("inbox/search/index");
        assertHostErrorPage(owner, 403, "您无权访问此页面", "请向您项目的账户管理员申请所需权限。");
        assertTrue(owner.getLastResponseAsString().contains("返回首页"));
    }

    @Test
    void aConversationThatIsNotThePartnersIsTheHostsNotFoundPage() {
        WicketTester leo = host.loggedIn("leo@summitdeals.test");
        leo.executeUrl("portal/conversation/99999999");
        assertHostErrorPage(leo, 404, "Page not found", "The page does not exist, or the feature is not part of your plan.");
        WicketTester cm = host.loggedIn("cm@acme.test");
        cm.executeUrl("inbox/conversation/99999999");
        assertHostErrorPage(cm, 404, "Page not found", "The page does not exist");
        cm.executeUrl("inbox/new?partner=99999999");
        assertHostErrorPage(cm, 404, "Page not found", "The page does not exist");
    }

    @Test
    void linksToAttachmentsAndBannersOneMayNotSeeAreTheHostsNotFoundPage() {
        WicketTester maya = host.loggedIn("maya@trailblazers.test");
        maya.executeUrl("messaging/attachment?id=99999999");
        assertHostErrorPage(maya, 404, "Page not found", "The page does not exist");
        maya.executeUrl("banner-click?banner=99999999");
        assertHostErrorPage(maya, 404, "Page not found", "The page does not exist");
    }

    @Test
    void anUnknownUrlIsTheHostsNotFoundPageForEveryone() {
        WicketTester anonymous = host.newTester();
        anonymous.executeUrl("no/such/page");
        assertHostErrorPage(anonymous, 404, "Page not found", "The page does not exist");
        WicketTester cm = host.loggedIn("cm@acme.test");
        cm.executeUrl("wicket/bookmarkable/dev.parley.NoSuchPage");
        assertHostErrorPage(cm, 404, "Page not found", "The page does not exist");
    }
}
