package dev.parley.bench;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Message search at scale: the messaging plugin's index (loaded from the plugin JAR, with its own
 * Lucene, as the host would) against raw Lucene of the same shape and analyzer in the same run:
 * indexing throughput, index size, and query p50/p99 per query shape (term, phrase, CJK, prefix,
 * sender filter; every query also filtered by program). The plugin's side includes parsing, access
 * scope and highlighting.
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
            String scale = String.format("%,d messages", messages);
            List<Result> results = new ArrayList<>();
            results.add(new Result("message indexing", scale, "docs/s", ours, raw, ours / raw, ">= 0.7x raw Lucene",
                    ours / raw >= 0.7, "same analyzer, same text; the plugin's full rebuild from its message source"));
            double perMillion = 1_000_000.0 / messages;
            double oursMb = m.get("ours.index_mb") * perMillion;
            double rawMb = m.get("raw.index_mb") * perMillion;
            results.add(new Result("message indexing", "index size per million messages", "MiB", oursMb, rawMb, oursMb / rawMb,
                    "(recorded)", true, String.format("%.1f vs %.1f MiB for %s", m.get("ours.index_mb"), m.get("raw.index_mb"),
                            scale)));
            results.add(new Result("message search", scale + ", all queries", "p99 ms", p99, rawP99, p99 / rawP99,
                    "p99 <= 1.5x raw Lucene", p99 / rawP99 <= 1.5 && sameHits,
                    String.format("p50 %.2f vs %.2f ms; %d queries; same hit counts: %s", m.get("ours.p50_ms"),
                            m.get("raw.p50_ms"), queries, sameHits)));
            for (String key : m.keySet()) {
                if (key.startsWith("shape.") && key.endsWith(".n")) {
                    String shape = key.substring("shape.".length(), key.length() - ".n".length());
                    double o = m.get("shape." + shape + ".ours.p99_ms");
                    double r = m.get("shape." + shape + ".raw.p99_ms");
                    results.add(new Result("message search", shape + " (" + scale + ")", "p99 ms", o, r, o / r,
                            "p99 <= 1.5x raw Lucene", o / r <= 1.5, String.format("p50 %.2f vs %.2f ms; %.0f queries",
                                    m.get("shape." + shape + ".ours.p50_ms"), m.get("shape." + shape + ".raw.p50_ms"),
                                    m.get(key))));
                }
            }
            return results;
        }
    }
}
