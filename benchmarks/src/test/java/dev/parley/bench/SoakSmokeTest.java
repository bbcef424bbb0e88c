package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The soak run at a tiny scale (4 users for a few seconds, bulk messages to 300 partners), so it
 * cannot rot: real logins, pages, replies, searches and bulk sends over HTTP, partners opening the
 * bulk messages, then the database and JVM checks. No timing is asserted.
 */
class SoakSmokeTest {

    @Test
    void usersWorkWhileBulkMessagesAreSentAndNothingIsLostDuplicatedOrDeadlocked() throws Exception {
        SoakMain.Figures f = SoakMain.run(new SoakMain.Settings(4, Duration.ofSeconds(5), 3_000, 300,
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(400),
                Path.of("target", "soak-smoke-data").toAbsolutePath(),
                Path.of(System.getProperty("parley.bench.plugins"))));
        System.out.println(f);
        assertEquals(List.of(), f.errorSamples());
        assertEquals(0, f.errors());
        assertTrue(f.requests() > 0);

        assertTrue(f.replies().confirmed() > 0, "partner members reply in their first round");
        assertEquals(0, f.replies().lost(), "every confirmed reply is in the database");
        assertEquals(0, f.replies().duplicated(), "no reply is stored twice");
        assertEquals(0, f.replies().unconfirmed(), "no reply was stored that its sender did not see confirmed");

        assertTrue(f.sendsUnderLoad() >= 1, "at least one bulk message is sent while the users work");
        assertEquals(f.sends().size(), f.bulks().size());
        for (SoakChecks.Bulk b : f.bulks()) {
            assertEquals("SENT", b.status(), "bulk " + b.id());
            assertTrue(b.audience() >= 300, "every partner of the program is in the audience");
            assertEquals(b.audience(), b.copies(), "one copy per partner of bulk " + b.id());
            assertEquals(b.copies(), b.distinctPartners(), "no partner has two copies of bulk " + b.id());
            assertEquals(0, b.missing());
            assertEquals(0, b.stray());
            assertEquals(b.copies(), b.deliveredCounter(), "delivered counter of bulk " + b.id());
            assertEquals(b.opened(), b.opensCounter(), "opens counter of bulk " + b.id());
            assertEquals(b.replied(), b.repliesCounter(), "replies counter of bulk " + b.id());
            assertEquals(0, b.confirmedOpensMissing(), "every open a partner saw is recorded");
        }
        assertTrue(f.opensSeen() > 0, "partner members read the bulk messages sent before they started");

        assertEquals(0, f.deadlockedThreads());
        assertEquals(0, f.innodbDeadlocks(), "InnoDB detected no deadlock");
        assertNull(f.latestDeadlock());
        assertTrue(f.heap().enoughSamples(), "heap sampled often enough for a verdict: " + f.heap());
        assertFalse(f.heap().growing(), f.heap().toString());
        assertEquals(List.of(), f.violations());
    }
}
