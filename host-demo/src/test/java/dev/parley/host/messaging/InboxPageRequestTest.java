package dev.parley.host.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.host.testing.TestHost;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The brand inbox is a stateless page: it is rendered at its own address (no redirect to a stored page
 * version, nothing kept in the session), and its forms and header links work from any copy of it.
 */
class InboxPageRequestTest {

    @RegisterExtension
    static final TestHost host = TestHost.perClass();

    @Test
    void theInboxIsRenderedAtItsOwnAddressAndNotStored() {
        WicketTester t = host.loggedIn("cm@acme.test");
        t.executeUrl("inbox?view=unread");
        assertEquals(200, t.getLastResponse().getStatus());
        assertTrue(t.getLastRenderedPage().isPageStateless(), "the inbox page is stateless");
        String html = t.getLastResponseAsString();
        assertFalse(Pattern.compile("href=\"[^\"]*inbox\\?\\d+").matcher(html).find(), "no link to a stored page version");
    }

    @Test
    void theMenuBadgeAndTheUnreadTabShowTheSameCountAndAPartnersReplyRaisesBothAtTheNextRequest() {
        WicketTester cm = host.loggedIn("cm@acme.test");
        long before = unreadShown(cm);
        long id = host.startConversation(host.acmePartner("trailblazers"), "Badge check", "Is the badge right?");
        WicketTester maya = host.loggedIn("maya@trailblazers.test");
        TestHost.get(maya, "portal/conversation/" + id);
        FormTester reply = maya.newFormTester("reply");
        reply.setValue("body", "It is.");
        reply.submit();

        long after = unreadShown(cm);
        assertEquals(before + 1, after);
        assertEquals(after, host.queryLong("SELECT COUNT(*) FROM msg_inbox_key WHERE program_id = "
                + host.programs().acme() + " AND dim = 'A' AND val = '' AND box = 'UNREAD'"));
    }

    /** @return the unread count of the inbox page, checked to be the same in the menu and on the tab */
    private static long unreadShown(WicketTester t) {
        String html = TestHost.get(t, "inbox");
        Matcher menu = Pattern.compile("aria-label=\"Inbox, (\\d+) unread\"").matcher(html);
        Matcher tab = Pattern.compile("Unread</span>\\s*<span class=\"badge[^\"]*\">(\\d+)</span>").matcher(html);
        boolean inMenu = menu.find();
        boolean onTab = tab.find();
        assertEquals(inMenu, onTab, "a count in the menu and on the tab, or in neither");
        if (!inMenu) {
            return 0;
        }
        assertEquals(menu.group(1), tab.group(1));
        return Long.parseLong(menu.group(1));
    }

    @Test
    void thePartnerSearchAndTheFiltersWorkFromAFreshCopyOfThePage() {
        WicketTester t = host.loggedIn("cm@acme.test");
        t.executeUrl("inbox");
        FormTester search = t.newFormTester("search");
        search.setValue("q", "Trailblazers");
        search.submit();
        assertEquals(200, t.getLastResponse().getStatus());
        assertTrue(t.getLastResponseAsString().contains("Trailblazers"), t.getLastResponseAsString());
        assertEquals("Trailblazers", t.getLastRenderedPage().getPageParameters().get("q").toString());

        TestHost.get(t, "inbox");
        FormTester filters = t.newFormTester("filters");
        filters.select("status", 0);
        filters.submit();
        assertEquals(200, t.getLastResponse().getStatus());
        assertFalse(t.getLastRenderedPage().getPageParameters().isEmpty(), "the chosen filter is kept in the URL");
    }

    @Test
    void theLanguageLinkOfTheHeaderSwitchesToChinese() {
        WicketTester t = host.loggedIn("cm@acme.test");
        t.executeUrl("inbox");
        t.clickLink("parleyHeader:chinese");
        TestHost.get(t, "inbox");
        assertTrue(t.getLastResponseAsString().contains("收件箱"), "Chinese navigation");
    }
}
