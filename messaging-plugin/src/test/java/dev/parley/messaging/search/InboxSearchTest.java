package dev.parley.messaging.search;

import static dev.parley.messaging.search.SearchAssertions.byDate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.user.CurrentUser;
import dev.parley.messaging.conversation.Conversation;
import dev.parley.messaging.conversation.ConversationStatus;
import dev.parley.messaging.conversation.Message;
import dev.parley.messaging.testing.MessagingFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end with the inbox: messages written through the real conversation service land in the
 * change log in their own transaction, the index follows it, and a rebuild reads the inbox's tables.
 */
class InboxSearchTest {

    private MessagingFixture f;
    private MessageIndex index;
    private SearchService search;
    private InboxMessageSource source;

    @BeforeEach
    void setUp() {
        f = new MessagingFixture("inbox-search");
        source = new InboxMessageSource(f.host.dataSource());
        index = new MessageIndex(f.host.dataDirectory("search-test").resolve("search"), source,
                new SearchChangeLog(f.host.dataSource(), f.host.clock()), f.host.clock());
        index.open();
        index.awaitRebuild();
        search = new SearchService(index, f.host, source);
    }

    @AfterEach
    void tearDown() throws Exception {
        index.close();
    }

    private List<String> q(CurrentUser u, String query) {
        index.catchUp();
        return byDate(search, u, query);
    }

    @Test
    void conversationsWrittenByTheInboxAreFoundWithTheirConversation() {
        Conversation c = f.services.conversations().start(f.carlosUser(), f.trail.id(), null, "Winter jackets launch",
                "The **winter** campaign starts Monday. 请所有合作伙伴查看附件。", List.of());
        List<String> hits = q(f.carlosUser(), "winter");
        assertEquals(1, hits.size());
        SearchHit hit = search.search(f.carlosUser(), SearchRequest.of("合作伙伴", SearchRequest.Sort.DATE)).hits().get(0);
        assertEquals(c.id(), hit.conversationId());
        assertTrue(hit.snippetHtml().contains("<mark>合作伙伴</mark>"), hit.snippetHtml());
        assertEquals("Carlos Manager", hit.senderName());
        assertEquals("Trail Blazers Media", hit.partnerNames());

        Message reply = f.services.conversations().reply(f.member(f.maya), c.id(), "Thanks, the jackets look great", List.of(), false);
        assertEquals(List.of("M" + reply.id()), q(f.member(f.tom), "jackets great"), "Tom sees his team's conversation");
        assertEquals(List.of(), q(f.member(f.leo), "jackets"), "another partner never does");
        assertEquals(List.of("M" + reply.id()), q(f.carlosUser(), "from:maya"));
        Conversation other = f.services.conversations().start(f.carlosUser(), f.summit.id(), null, "Jackets for Summit",
                "Summit jackets are ready.", List.of());
        assertEquals(2, q(f.carlosUser(), "jackets").stream().filter(k -> !k.equals("M" + reply.id())).count());
        assertEquals(List.of("M" + reply.id(), hits.get(0)), q(f.carlosUser(), "is:unread jackets"),
                "the conversation with the partner's reply is unread for the team; " + other.subject() + " is not");
        assertEquals(List.of("M" + (reply.id() + 1)), q(f.member(f.leo), "is:unread jackets"),
                "Summit has not read what the brand wrote to it");
        assertEquals(List.of(), q(f.member(f.maya), "is:unread jackets"), "Trail Blazers wrote last: nothing unread there");
    }

    @Test
    void memberConversationsStayWithTheirMember() {
        f.services.conversations().start(f.carlosUser(), f.trail.id(), f.tom.id(), "Payout for Tom", "Your payout is ready.",
                List.of());
        assertEquals(1, q(f.member(f.tom), "payout").size());
        assertEquals(List.of(), q(f.member(f.maya), "payout"), "a colleague does not see a member's conversation");
    }

    @Test
    void statusChangesReachTheIndex() {
        Conversation c = f.services.conversations().start(f.carlosUser(), f.summit.id(), null, "Coupon codes",
                "New coupon codes for Kayak Rentals.", List.of());
        f.services.conversations().setStatus(f.carlosUser(), c.id(), ConversationStatus.DONE);
        index.catchUp();
        SearchRequest done = new SearchRequest("coupon", SearchRequest.Sort.DATE, 0, 20, null, Set.of(MessageDocument.State.DONE), null);
        assertEquals(1, search.search(f.carlosUser(), done).hits().size());
        assertEquals(0, search.search(f.carlosUser(), done.withStates(Set.of(MessageDocument.State.OPEN))).hits().size());
    }

    @Test
    void aSentBulkMessageIsFoundByTheTeamAndItsRecipientsOnly() throws Exception {
        var bulk = f.services.broadcasts();
        var draft = bulk.newDraft(f.carlosUser());
        draft.subject = "Autumn bonus";
        draft.body = "Double commission on kayak rentals this **autumn**. 秋季双倍佣金。";
        draft.mode = dev.parley.messaging.audience.Audience.Mode.SPECIFIC;
        draft.specific.add(f.trail.id());
        long id = bulk.sendNow(f.carlosUser(), draft);
        assertEquals(dev.parley.messaging.broadcast.SendJob.Outcome.SENT, bulk.job().run(id));
        assertEquals(List.of("B" + id), q(f.carlosUser(), "autumn"));
        assertEquals(List.of("B" + id), q(f.member(f.maya), "双倍佣金"), "a recipient finds it, in Chinese too");
        assertEquals(List.of(), q(f.member(f.leo), "autumn"), "a partner it was not sent to never does");
        Path other = Files.createTempDirectory("parley-bulk-rebuild");
        try (MessageIndex rebuilt = new MessageIndex(other, source, new SearchChangeLog(f.host.dataSource(), f.host.clock()),
                f.host.clock())) {
            rebuilt.open();
            rebuilt.awaitRebuild();
            assertEquals(List.of("B" + id), byDate(new SearchService(rebuilt, f.host, source), f.member(f.tom), "kayak"),
                    "a rebuild reads bulk messages too");
        } finally {
            MessageIndex.deleteRecursively(other);
        }
    }

    @Test
    void aRebuildReadsTheInboxTables() throws Exception {
        f.services.conversations().start(f.carlosUser(), f.trail.id(), null, "Kayak season", "Kayak rentals open in May.", List.of());
        f.services.conversations().start(f.carlosUser(), f.summit.id(), null, "Kayak coupons", "Coupons for kayak rentals.", List.of());
        Path other = Files.createTempDirectory("parley-inbox-rebuild");
        try (MessageIndex rebuilt = new MessageIndex(other, source, new SearchChangeLog(f.host.dataSource(), f.host.clock()),
                f.host.clock())) {
            rebuilt.open();
            rebuilt.awaitRebuild();
            assertEquals("missing", rebuilt.progress().reason());
            assertEquals(2, byDate(new SearchService(rebuilt, f.host, source), f.carlosUser(), "kayak").size());
        } finally {
            MessageIndex.deleteRecursively(other);
        }
    }
}
