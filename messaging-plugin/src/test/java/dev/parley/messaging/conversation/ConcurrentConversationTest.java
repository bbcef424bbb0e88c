package dev.parley.messaging.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.api.testing.FixtureHost;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.settings.ProgramSettings;
import dev.parley.messaging.testing.MessagingFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The brand team and the partner answer and open one conversation at the same moment, many times
 * over (as the soak run does): no request fails — in particular no database deadlock between a
 * message insert and someone opening the thread — and every message is stored exactly once. The
 * same holds when many conversations are started at the same moment (partners answering a bulk
 * message all at once, managers writing to partners meanwhile).
 */
class ConcurrentConversationTest {

    @Test
    void simultaneousRepliesAndOpensOfOneConversationAllSucceedAndEveryMessageIsStoredOnce() throws Exception {
        MessagingFixture f = new MessagingFixture("concurrent");
        CurrentUser admin = FixtureHost.brandUser(f.carlos.id(), f.acme.id(), "Owner", Permissions.ADMINISTER);
        f.services.settings().save(admin, new ProgramSettings(true, 5000, ProgramSettings.SENDS_LIMIT));
        ConversationService conversations = f.services.conversations();
        CurrentUser carlos = f.carlosUser();
        CurrentUser chloe = f.chloeUser();
        CurrentUser maya = f.member(f.maya);
        CurrentUser tom = f.member(f.tom);
        Conversation thread = conversations.start(carlos, f.trail.id(), null, "Busy", "Many hands", List.of());

        int threads = 8;
        int rounds = 40;
        CurrentUser[] people = {carlos, maya, chloe, tom};
        assertEquals(List.of(), together(threads, rounds, (worker, i) -> {
            CurrentUser who = people[worker % people.length];
            conversations.reply(who, thread.id(), "w" + worker + "-" + i, List.of(), false);
            conversations.open(who, thread.id());
        }));
        List<String> bodies = new ArrayList<>();
        try (var c = f.host.dataSource().getConnection();
                var ps = c.prepareStatement("SELECT body FROM msg_message WHERE conversation_id = ? AND body LIKE 'w%'")) {
            ps.setLong(1, thread.id());
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    bodies.add(rs.getString(1));
                }
            }
        }
        assertEquals(threads * rounds, bodies.size());
        assertEquals(threads * rounds, bodies.stream().distinct().count(), "no message stored twice");
        assertEquals(threads * rounds + 1, conversations.find(carlos, thread.id()).messageCount(),
                "the conversation's count matches its messages");
    }

    @Test
    void conversationsStartedAtTheSameMomentAllSucceedAndEachIsStoredOnceWithItsInboxEntry() throws Exception {
        MessagingFixture f = new MessagingFixture("concurrent-start");
        CurrentUser admin = FixtureHost.brandUser(f.carlos.id(), f.acme.id(), "Owner", Permissions.ADMINISTER);
        f.services.settings().save(admin, new ProgramSettings(true, 5000, ProgramSettings.SENDS_LIMIT));
        ConversationService conversations = f.services.conversations();
        CurrentUser carlos = f.carlosUser();
        CurrentUser chloe = f.chloeUser();
        CurrentUser maya = f.member(f.maya);
        CurrentUser tom = f.member(f.tom);
        // An existing conversation answered meanwhile: its index rows are rewritten beside the new ones.
        Conversation existing = conversations.start(carlos, f.trail.id(), null, "Existing", "Before", List.of());

        int threads = 8;
        int rounds = 15;
        assertEquals(List.of(), together(threads, rounds, (worker, i) -> {
            String subject = "s" + worker + "-" + i;
            switch (worker % 4) {
                case 0 -> conversations.start(carlos, f.summit.id(), null, subject, "From the team", List.of());
                case 1 -> conversations.startByPartner(maya, subject, "From a partner", List.of());
                case 2 -> conversations.startReplyToBulk(tom, subject, "Answer to a bulk message");
                default -> {
                    conversations.start(chloe, f.trail.id(), null, subject, "From the team", List.of());
                    conversations.reply(chloe, existing.id(), "r" + worker + "-" + i, List.of(), false);
                }
            }
        }));
        try (var c = f.host.dataSource().getConnection();
                var ps = c.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT cv.subject), COUNT(DISTINCT k.conversation_id)"
                        + " FROM msg_conversation cv LEFT JOIN msg_inbox_key k ON k.conversation_id = cv.id"
                        + " AND k.dim = 'A' AND k.box = 'OPEN' WHERE cv.subject LIKE 's%-%'");
                var rs = ps.executeQuery()) {
            rs.next();
            assertEquals(threads * rounds, rs.getInt(1), "every conversation started, none twice");
            assertEquals(threads * rounds, rs.getInt(2), "each subject once");
            assertEquals(threads * rounds, rs.getInt(3), "each conversation is in the inbox");
        }
    }

    /** One round of one worker: throws when the product refuses or fails. */
    private interface Step {
        void run(int worker, int round);
    }

    /**
     * Runs {@code threads} workers released at the same instant, each doing {@code rounds} steps.
     *
     * @return the steps that failed, as "worker/round: exception"
     */
    private static List<String> together(int threads, int rounds, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Future<?>> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            all.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < rounds; i++) {
                    try {
                        step.run(worker, i);
                    } catch (RuntimeException e) {
                        failures.add(worker + "/" + i + ": " + e);
                    }
                }
                return null;
            }));
        }
        go.countDown();
        try {
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return List.copyOf(failures);
    }
}
