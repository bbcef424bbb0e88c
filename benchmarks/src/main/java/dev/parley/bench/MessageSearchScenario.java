package dev.parley.bench;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Message search at scale: the messaging plugin's index (loaded from the plugin JAR, with its own
 * Lucene, as the host would) against raw Lucene of the same shape and analyzer in the same run:
 * indexing throughput, and query p99 (the plugin's side includes parsing, access scope and highlighting).
 */
final class MessageSearchScenario {

    private MessageSearchScenario() {
    }

    @SuppressWarnings("unchecked")
    static List<Result> run(Path plugins, DataSource dataSource, Path scratch, int messages, int queries) throws Exception {
        Path jar = plugins.resolve("messaging-plugin.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No messaging plugin JAR at " + jar);
        }
        Files.createDirectories(scratch);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                MessageSearchScenario.class.getClassLoader())) {
            Class<?> probe = Class.forName("dev.parley.messaging.search.SearchIndexProbe", true, loader);
            Map<String, Double> m = (Map<String, Double>) probe
                    .getMethod("measure", DataSource.class, Path.class, int.class, int.class)
                    .invoke(null, dataSource, scratch, messages, queries);
            double ours = m.get("ours.docs_per_s");
            double raw = m.get("raw.docs_per_s");
            double p99 = m.get("ours.p99_ms");
            double rawP99 = m.get("raw.p99_ms");
            boolean sameHits = m.get("hits.mismatches") == 0;
            return List.of(
                    new Result("message search", messages + " messages, indexing", "docs/s", ours, raw, ours / raw,
                            ">= 0.7x raw Lucene", ours / raw >= 0.7, "same analyzer, same text"),
                    new Result("message search", messages + " messages, query", "p99 ms", p99, rawP99, p99 / rawP99,
                            "<= 1.5x raw Lucene", p99 / rawP99 <= 1.5 && sameHits,
                            String.format("p50 %.2f vs %.2f ms; %d queries; same hit counts: %s", m.get("ours.p50_ms"),
                                    m.get("raw.p50_ms"), queries, sameHits)));
        }
    }
}
