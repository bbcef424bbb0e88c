package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark suite at a tiny scale, so it cannot rot. Checks that every scenario runs and the
 * report is written; it never asserts on timings.
 */
class BenchmarkSmokeTest {

    @Test
    void everyScenarioRunsAndTheReportIsWritten() throws Exception {
        Path out = Path.of("target", "bench-smoke").toAbsolutePath();
        Path plugins = Path.of(System.getProperty("parley.bench.plugins"));
        List<Result> results = BenchmarkMain.run(300, 5, 1, out, Path.of("target", "bench-smoke-data").toAbsolutePath(),
                plugins);
        assertFalse(results.isEmpty());
        assertTrue(results.stream().anyMatch(r -> r.scenario().equals("audience count")));
        assertTrue(results.stream().anyMatch(r -> r.scenario().equals("host start")));
        assertTrue(results.stream().filter(r -> r.scenario().equals("message search")).count() == 2);
        String md = Files.readString(out.resolve("BENCHMARKS.md"));
        assertTrue(md.contains("| audience count |"));
        assertTrue(Files.readAllLines(out.resolve("benchmarks.csv")).size() == results.size() + 1);
    }
}
