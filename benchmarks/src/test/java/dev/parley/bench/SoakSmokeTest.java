package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The soak run at a tiny scale (4 users for a few seconds), so it cannot rot: real logins, pages,
 * replies and searches over HTTP, then the database check. No timing is asserted.
 */
class SoakSmokeTest {

    @Test
    void fourUsersReadReplyAndSearchWithoutErrorsAndEveryReplyIsStoredOnce() throws Exception {
        SoakMain.Figures f = SoakMain.run(4, Duration.ofSeconds(4), 2_000, 300,
                Path.of("target", "soak-smoke-data").toAbsolutePath(), Path.of(System.getProperty("parley.bench.plugins")));
        System.out.println(f);
        assertEquals(List.of(), f.errorSamples());
        assertEquals(0, f.errors());
        assertTrue(f.requests() > 0);
        assertTrue(f.repliesConfirmed() > 0, "partner members reply in their first round");
        assertEquals(0, f.lost(), "every confirmed reply is in the database");
        assertEquals(0, f.duplicated(), "no reply is stored twice");
        assertEquals(0, f.repliesUnconfirmed(), "no reply was stored that its sender did not see confirmed");
        assertEquals(0, f.deadlockedThreads());
    }
}
