package dev.parley.messaging.search;

import static dev.parley.messaging.search.SearchAssertions.byDate;
import static dev.parley.messaging.search.SearchAssertions.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.parley.api.user.CurrentUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * New, edited and deleted messages reach the index through the change log: committed in the same
 * transaction as the message, applied by the follower, visible to the next search. Two nodes on one
 * database each follow the log into their own index.
 */
class NearRealTimeTest {

    private SearchFixture f;
    private CurrentUser nora;

    @BeforeEach
    void setUp() {
        f = new SearchFixture("nrt");
        nora = f.acmeManager();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private MessageDocument zebra(long id, String body) {
        return MessageDocument.message(id, SearchFixture.C_SPRING, f.acme.id(), f.trailhead, null, "Quarterly report",
                body, "Nora Brand", MessageDocument.SenderKind.BRAND, "Trailhead Media", null, null,
                MessageDocument.Channel.APP, SearchFixture.at("2026-04-01T09:00:00Z"), null);
    }

    @Test
    void newMessagesAreFoundAfterTheFollowerRan() {
        f.store.save(zebra(20, "The zebra numbers are in."));
        assertEquals(List.of(), byDate(f.service, nora, "zebra"), "not applied yet: the follower has not run");
        assertEquals(1, f.index.catchUp());
        assertEquals(List.of("M20"), byDate(f.service, nora, "zebra"));
        assertEquals(0, f.index.catchUp(), "nothing applied twice");
    }

    @Test
    void editedMessagesAreFoundByTheirNewTextOnly() {
        assertEquals(List.of("M2", "M4"), byDate(f.service, nora, "thanks"));
        MessageDocument m4 = f.store.find(MessageDocument.Kind.MESSAGE, 4).orElseThrow();
        f.store.save(new MessageDocument(m4.kind(), m4.id(), m4.conversationId(), m4.programId(), m4.partnerId(),
                m4.memberId(), m4.recipientPartnerIds(), m4.recipientMembers(), m4.subject(), "Received the transfer",
                m4.senderName(), m4.senderKind(), m4.partnerNames(), m4.memberNames(), m4.attachmentNames(), m4.channel(),
                m4.sentAt(), m4.state()));
        f.index.catchUp();
        assertEquals(List.of("M2"), byDate(f.service, nora, "thanks"));
        assertEquals(List.of("M4"), byDate(f.service, nora, "transfer"));
        assertEquals(13, f.index.documents(), "an edit replaces, never duplicates");
    }

    @Test
    void deletedMessagesAreGone() {
        f.store.delete(MessageDocument.Kind.MESSAGE, 2);
        f.store.delete(MessageDocument.Kind.BULK, 2);
        f.index.catchUp();
        assertEquals(List.of("M4"), byDate(f.service, nora, "thanks"));
        assertEquals(List.of(), byDate(f.service, f.member(f.mia, f.acme.id()), "spotlight"));
        assertEquals(11, f.index.documents());
    }

    @Test
    void conversationChangesReindexEveryMessageOfIt() {
        f.store.setConversationState(SearchFixture.C_ZH, MessageDocument.State.DONE);
        f.index.catchUp();
        SearchRequest r = new SearchRequest("合作伙伴", SearchRequest.Sort.DATE, 0, 50, null, Set.of(MessageDocument.State.DONE), null);
        assertEquals(List.of("M8", "M6", "M5"), keys(f.service.search(nora, r)));
        assertEquals(List.of(), keys(f.service.search(nora, r.withStates(Set.of(MessageDocument.State.OPEN)))));
        assertEquals(13, f.index.documents());
    }

    @Test
    void aChangeCommittedLateBehindANewerOneIsNotSkipped() throws Exception {
        long before = f.index.appliedChange();
        try (Connection slow = f.host.dataSource().getConnection()) {
            slow.setAutoCommit(false);
            f.store.save(slow, zebra(21, "The slow zebra."));           // takes the lower change id, not committed
            f.store.save(zebra(22, "The quick zebra."));                 // a higher id, committed first
            f.index.catchUp();
            assertEquals(List.of("M22"), byDate(f.service, nora, "zebra"));
            assertEquals(before, f.index.appliedChange(), "the follower waits below the open transaction");
            slow.commit();
        }
        f.index.catchUp();
        assertEquals(Set.of("M21", "M22"), Set.copyOf(byDate(f.service, nora, "zebra")));
        assertEquals(before + 2, f.index.appliedChange());
    }

    @Test
    void aRolledBackChangeIsGivenUpAfterTheGapTimeout() throws Exception {
        long before = f.index.appliedChange();
        try (Connection rolledBack = f.host.dataSource().getConnection()) {
            rolledBack.setAutoCommit(false);
            f.store.save(rolledBack, zebra(23, "Never committed."));
            f.store.save(zebra(24, "Committed zebra."));
            rolledBack.rollback();
        }
        f.index.catchUp();
        assertEquals(before, f.index.appliedChange());
        f.host.mutableClock().advance(MessageIndex.GAP_TIMEOUT.plus(Duration.ofSeconds(1)));
        f.index.catchUp();
        assertEquals(before + 2, f.index.appliedChange());
        assertEquals(List.of("M24"), byDate(f.service, nora, "zebra"));
    }

    @Test
    void twoNodesFollowTheSameLog() throws Exception {
        Path otherFolder = Files.createTempDirectory("parley-node2");
        try (MessageIndex node2 = f.secondNode(otherFolder)) {
            SearchService service2 = new SearchService(node2, f.host, f.store);
            assertEquals(List.of("M2", "M1"), byDate(service2, nora, "spring"), "node 2 built its index from the database");
            f.store.save(zebra(25, "Zebra on both nodes."));
            f.index.catchUp();
            assertEquals(List.of("M25"), byDate(f.service, nora, "zebra"));
            assertEquals(List.of(), byDate(service2, nora, "zebra"));
            node2.catchUp();
            assertEquals(List.of("M25"), byDate(service2, nora, "zebra"));
            f.store.delete(MessageDocument.Kind.MESSAGE, 25);
            node2.catchUp();
            f.index.catchUp();
            assertEquals(List.of(), byDate(service2, nora, "zebra"));
            assertEquals(List.of(), byDate(f.service, nora, "zebra"));
            assertEquals(f.index.appliedChange(), node2.appliedChange());
        } finally {
            MessageIndex.deleteRecursively(otherFolder);
        }
    }

    @Test
    void theFollowerPositionSurvivesARestart() throws Exception {
        f.store.save(zebra(26, "Zebra before the restart."));
        f.index.catchUp();
        long position = f.index.appliedChange();
        f.index.close();
        f.store.save(zebra(27, "Zebra while the node was down."));
        try (MessageIndex reopened = new MessageIndex(f.indexRoot(), f.store, f.changes, f.host.clock())) {
            reopened.open();
            assertNull(reopened.progress().reason(), "a healthy index is not rebuilt");
            assertEquals(position, reopened.appliedChange());
            assertEquals(1, reopened.catchUp(), "only the change made while down");
            assertEquals(List.of("M27", "M26"), byDate(new SearchService(reopened, f.host, f.store), nora, "zebra"));
        }
    }

    @Test
    void theBackgroundFollowerStartsAndStopsCleanly() throws Exception {
        f.index.close();
        try (MessageIndex running = new MessageIndex(f.indexRoot(), f.store, f.changes, f.host.clock())) {
            running.start();
            f.store.save(zebra(28, "Zebra with a running follower."));
            running.catchUp(); // the background thread may have applied it already; either way it is visible now
            assertEquals(List.of("M28"), byDate(new SearchService(running, f.host, f.store), nora, "zebra"));
        }
    }
}
