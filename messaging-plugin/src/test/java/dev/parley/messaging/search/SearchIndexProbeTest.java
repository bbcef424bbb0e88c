package dev.parley.messaging.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.testing.FixtureHost;
import dev.parley.messaging.MessagingPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark probe runs and compares like with like: both indexes find the same hits for every query. */
class SearchIndexProbeTest {

    @Test
    void bothSidesFindTheSameHits() throws Exception {
        FixtureHost host = FixtureHost.create("probe");
        host.schema().migrate(MessagingPlugin.ID, MessagingPlugin.class.getClassLoader(), "dev/parley/messaging/db");
        Path dir = Files.createTempDirectory("parley-probe");
        try {
            Map<String, Double> m = SearchIndexProbe.measure(host.dataSource(), dir, 3_000, 200);
            assertEquals(0.0, m.get("hits.mismatches"));
            for (String key : new String[] {"raw.docs_per_s", "ours.docs_per_s", "raw.p50_ms", "raw.p99_ms", "ours.p50_ms",
                    "ours.p99_ms"}) {
                assertTrue(m.get(key) > 0, key + " measured");
            }
            assertEquals(3_000, SearchIndexProbe.corpus(3_000).size());
        } finally {
            MessageIndex.deleteRecursively(dir);
        }
    }

    @Test
    void theProbeCorpusHasChineseAndEnglish() throws Exception {
        var docs = SearchIndexProbe.corpus(500);
        assertTrue(docs.stream().anyMatch(d -> d.body().contains("合作伙伴")));
        assertTrue(docs.stream().anyMatch(d -> d.body().contains("payout")));
        assertEquals(docs.get(7).body(), SearchIndexProbe.corpus(500).get(7).body(), "deterministic");
    }
}
