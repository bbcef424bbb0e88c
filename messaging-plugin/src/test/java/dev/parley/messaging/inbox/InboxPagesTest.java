package dev.parley.messaging.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.user.CurrentUser;
import dev.parley.messaging.conversation.Conversation;
import dev.parley.messaging.conversation.Message;
import dev.parley.messaging.portal.PortalConversationPage;
import dev.parley.messaging.portal.PortalMessagesPage;
import dev.parley.messaging.portal.PortalNewConversationPage;
import dev.parley.messaging.testing.MessagingFixture;
import dev.parley.messaging.testing.PluginUnderTest;
import dev.parley.messaging.testing.TestFiles;
import java.util.List;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.file.File;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin's pages with WicketTester and FormTester: inbox, thread, compose, and the portal side. */
class InboxPagesTest {

    private MessagingFixture f;
    private PluginUnderTest plugin;
    private WicketTester t;

    @TempDir
    java.nio.file.Path tmp;

    @BeforeEach
    void setUp() {
        f = new MessagingFixture("pages");
        plugin = new PluginUnderTest(f);
        t = plugin.tester;
    }

    @AfterEach
    void tearDown() {
        plugin.close();
    }

    @Test
    void theBrandStartsAConversationRepliesWithAFileAndMarksItUnread() throws Exception {
        f.host.actAs(f.carlosUser());
        t.startPage(NewConversationPage.class, new PageParameters().set("partner", f.trail.id()).set("member", f.maya.id()));
        t.assertRenderedPage(NewConversationPage.class);
        t.assertContains("Maya Garcia");
        FormTester compose = t.newFormTester("compose");
        compose.setValue("subject", "Winter campaign");
        compose.setValue("body", "Could you post on Friday?");
        compose.submit();
        t.assertRenderedPage(ConversationPage.class);
        t.assertContains("Winter campaign");
        t.assertContains("Could you post on Friday?");

        java.nio.file.Path png = tmp.resolve("logo.png");
        java.nio.file.Files.write(png, TestFiles.png());
        FormTester reply = t.newFormTester("reply");
        reply.setValue("body", "Here is the logo.");
        reply.setFile("files", new File(png.toFile()), "image/png");
        reply.submit();
        t.assertRenderedPage(ConversationPage.class);
        t.assertNoErrorMessage();
        t.assertContains("Here is the logo.");
        t.assertContains("logo.png");
        t.assertContains("/messaging/attachment\\?id=");

        // The member downloads it: always as an attachment, with the type found at upload, never sniffed.
        Conversation c = f.services.conversations().partnerConversations(f.member(f.maya), null, 1).get(0);
        long fileId = f.services.conversations().messages(f.member(f.maya), c.id(), 0).get(1).attachments().get(0).id();
        f.host.actAs(f.member(f.maya));
        t.getRequest().setMethod("GET");
        t.executeUrl("messaging/attachment?id=" + fileId);
        assertEquals(200, t.getLastResponse().getStatus());
        assertTrue(t.getLastResponse().getHeader("Content-Disposition").startsWith("attachment; filename=\"logo.png\""),
                t.getLastResponse().getHeader("Content-Disposition"));
        assertEquals("nosniff", t.getLastResponse().getHeader("X-Content-Type-Options"));
        assertEquals("image/png", t.getLastResponse().getContentType());
        org.junit.jupiter.api.Assertions.assertArrayEquals(TestFiles.png(), t.getLastResponse().getBinaryContent());
        f.host.actAs(f.member(f.tom));
        t.executeUrl("messaging/attachment?id=" + fileId);
        assertEquals(404, t.getLastResponse().getStatus(), "Tom is not in Maya's own conversation");
        f.host.actAs(null);
        t.executeUrl("messaging/attachment?id=" + fileId);
        assertEquals(404, t.getLastResponse().getStatus(), "nobody logged in");

        f.host.actAs(f.carlosUser());
        t.startPage(ConversationPage.class, new PageParameters().set("id", c.id()));
        t.clickLink("markUnread");
        t.assertRenderedPage(InboxPage.class);
        CurrentUser chloe = f.chloeUser();
        assertEquals(1, f.services.inbox().unread(chloe));
    }

    @Test
    void theUnreadCountIsCountedOncePerRequestAgainAfterAChangeInThatRequestAndAfreshInTheNext() throws Exception {
        CurrentUser carlos = f.carlosUser();
        // Between requests the tester's next request cycle is bound to this thread: these calls run as
        // a page's code would, in one request.
        assertNotNull(org.apache.wicket.request.cycle.RequestCycle.get());
        assertEquals(0, f.services.inbox().unread(carlos));
        f.services.conversations().startByPartner(f.member(f.maya), null, "Where is my report?", List.of());
        assertEquals(1, f.services.inbox().unread(carlos), "a change made in this request is counted again");

        // Written elsewhere (another node, another request): this request keeps its first answer ...
        Thread other = new Thread(() -> f.services.conversations().startByPartner(f.member(f.leo), null, "Hello?", List.of()));
        other.start();
        other.join();
        assertEquals(1, f.services.inbox().unread(carlos), "one answer per request");

        // ... and the next request counts again: both places of the page show 2.
        f.host.actAs(carlos);
        t.startPage(InboxPage.class);
        t.assertRenderedPage(InboxPage.class);
        java.util.regex.Matcher tab = java.util.regex.Pattern
                .compile("Unread</span>\\s*<span[^>]*>(\\d+)</span>").matcher(t.getLastResponseAsString());
        assertTrue(tab.find(), t.getLastResponseAsString());
        assertEquals("2", tab.group(1));
        assertEquals(2, f.services.inbox().unread(carlos));
    }

    @Test
    void refusedMessagesShowAClearMessageAndSendNothing() throws Exception {
        f.host.actAs(f.carlosUser());
        Conversation c = f.services.conversations().start(f.carlosUser(), f.trail.id(), null, "Hi", "Hello", List.of());
        t.startPage(ConversationPage.class, new PageParameters().set("id", c.id()));
        java.nio.file.Path fake = tmp.resolve("invoice.pdf");
        java.nio.file.Files.write(fake, TestFiles.exe());
        FormTester reply = t.newFormTester("reply");
        reply.setValue("body", "See invoice");
        reply.setFile("files", new File(fake.toFile()), "application/pdf");
        reply.submit();
        t.assertErrorMessages("“invoice.pdf” is not a CSV, PDF, JPEG, PNG or GIF file (judged by its content, not its name). Nothing was sent.");
        assertEquals(1, f.services.conversations().messages(f.carlosUser(), c.id(), 0).size());
    }

    @Test
    void theInboxListsFiltersAndKeepsTheFilterInTheUrl() {
        Conversation fromMaya = f.services.conversations().startByPartner(f.member(f.maya), "Payout", "When?", List.of());
        f.services.conversations().startByPartner(f.member(f.leo), "Coupons", "New codes", List.of());
        f.host.actAs(f.carlosUser());
        t.startPage(InboxPage.class);
        t.assertContains("Trail Blazers Media");
        t.assertContains("Summit Deals");
        FormTester filters = t.newFormTester("filters");
        filters.select("tag", f.host.directory().tags(f.acme.id()).indexOf("VIP"));
        filters.submit();
        t.assertRenderedPage(InboxPage.class);
        assertEquals("VIP", t.getLastRenderedPage().getPageParameters().get("tag").toString());
        t.assertContains("Payout");
        t.assertContainsNot("Coupons");

        t.startPage(InboxPage.class, new PageParameters().set("q", "summit"));
        t.assertContains("team@summitdeals.test");
        t.clickLink("results:partners:0:start");
        t.assertRenderedPage(NewConversationPage.class);

        t.startPage(ConversationPage.class, new PageParameters().set("id", fromMaya.id()));
        t.assertContains("When?");
        assertFalse(f.services.conversations().find(f.carlosUser(), fromMaya.id()).brandUnread(), "opened = read");
    }

    @Test
    void thePartnerReadsRepliesStartsConversationsAndChoosesEmail() {
        Conversation team = f.services.conversations().start(f.carlosUser(), f.trail.id(), null, "Welcome aboard",
                "Glad to have you", List.of());
        f.services.conversations().start(f.carlosUser(), f.summit.id(), null, "Summit only", "Secret", List.of());
        f.host.actAs(f.member(f.maya));
        t.startPage(PortalMessagesPage.class);
        t.assertContains("Welcome aboard");
        t.assertContainsNot("Summit only");
        t.clickLink("conversations:0:open");
        t.assertRenderedPage(PortalConversationPage.class);
        FormTester reply = t.newFormTester("reply");
        reply.setValue("body", "Thanks, happy to be here!");
        reply.submit();
        t.assertNoErrorMessage();
        List<Message> thread = f.services.conversations().messages(f.carlosUser(), team.id(), 0);
        assertEquals("Thanks, happy to be here!", thread.get(thread.size() - 1).body());
        assertEquals("Maya Garcia", thread.get(thread.size() - 1).authorName());

        t.startPage(PortalNewConversationPage.class);
        FormTester compose = t.newFormTester("compose");
        compose.setValue("subject", "Question about payouts");
        compose.setValue("body", "When do you pay?");
        compose.submit();
        t.assertRenderedPage(PortalConversationPage.class);

        t.startPage(PortalMessagesPage.class);
        FormTester prefs = t.newFormTester("prefs");
        prefs.setValue("emailNotify", true);
        prefs.submit();
        assertTrue(f.services.settings().emailNotify(f.member(f.maya)));
    }

    @Test
    void aPartnerOpeningAnotherPartnersConversationGets404() {
        Conversation summit = f.services.conversations().start(f.carlosUser(), f.summit.id(), null, "Summit only",
                "Secret", List.of());
        f.host.actAs(f.member(f.maya));
        t.getRequest().setMethod("GET");
        t.executeUrl("portal/conversation/" + summit.id());
        assertEquals(404, t.getLastResponse().getStatus());
        t.executeUrl("messaging/attachment?id=1");
        assertEquals(404, t.getLastResponse().getStatus());
    }

}
