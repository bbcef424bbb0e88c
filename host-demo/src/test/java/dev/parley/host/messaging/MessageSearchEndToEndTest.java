package dev.parley.host.messaging;

import static dev.parley.host.testing.TestHost.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.host.testing.TestHost;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Message search with the plugin JAR in the real host: a conversation written through the inbox pages
 * is found (with its Lucene private to the plugin) by the team and the partner, never by another
 * partner, and the hit opens the conversation at the message.
 */
class MessageSearchEndToEndTest {

    @RegisterExtension
    static final TestHost host = TestHost.perClass();
    private static long trailId;

    @BeforeAll
    static void start() {
        trailId = host.acmePartner("Trail Blazers");
    }

    /** Waits for the plugin's index to be built and to have applied every committed change (no clock involved). */
    private static void indexCaughtUp() throws Exception {
        Object plugin = host.host().pluginManager().getPlugin("parley-messaging").getPlugin();
        Object services = plugin.getClass().getMethod("services").invoke(plugin);
        Object search = services.getClass().getMethod("search").invoke(services);
        Object index = search.getClass().getMethod("index").invoke(search);
        index.getClass().getMethod("awaitRebuild").invoke(index);
        index.getClass().getMethod("catchUp").invoke(index);
    }

    @Test
    void aMessageWrittenInTheInboxIsFoundByWordsInEveryLanguage() throws Exception {
        WicketTester carlos = host.loggedIn("cm@acme.test");
        get(carlos, "inbox/new?partner=" + trailId);
        FormTester form = carlos.newFormTester("compose");
        form.setValue("subject", "Okapi catalogue");
        form.setValue("body", "The okapi catalogue is out. 所有收发附件都会进行病毒扫描。");
        form.submit();
        long conversationId = Long.parseLong(carlos.getLastRenderedPage().getPageParameters().get("id").toString());
        String thread = carlos.getLastResponseAsString();
        Matcher anchor = Pattern.compile("id=\"message-(\\d+)\"").matcher(thread);
        assertTrue(anchor.find(), "every message of the thread has an anchor");
        String messageId = anchor.group(1);
        indexCaughtUp();

        String results = get(carlos, "inbox/search?q=okapi&sort=date");
        assertTrue(results.contains("<mark>Okapi</mark> catalogue"), results);
        assertTrue(results.contains("inbox/conversation/" + conversationId + "#message-" + messageId), results);
        assertTrue(get(carlos, "inbox/search?q=%E7%97%85%E6%AF%92%E6%89%AB%E6%8F%8F").contains("<mark>病毒扫描</mark>"));

        WicketTester maya = host.loggedIn("maya@trailblazers.test");
        String portal = get(maya, "portal/messages/search?q=okapi");
        assertTrue(portal.contains("<mark>Okapi</mark> catalogue"), portal);
        assertTrue(portal.contains("portal/conversation/" + conversationId + "#message-" + messageId));
        assertTrue(get(maya, "portal/messages").contains("search"), "the search box is on the Messages page");

        WicketTester leo = host.loggedIn("leo@summitdeals.test");
        String other = get(leo, "portal/messages/search?q=okapi");
        assertFalse(other.contains("Okapi catalogue"), "another partner never finds it");
        assertTrue(other.contains("No messages found"));
    }

    @Test
    void thePlatformAdminSeesTheIndex() throws Exception {
        indexCaughtUp();
        WicketTester admin = host.loggedIn("admin@parley.test");
        String html = get(admin, "inbox/search/index");
        assertEquals(200, admin.getLastResponse().getStatus());
        assertTrue(html.contains("Ready"), html);
    }
}
