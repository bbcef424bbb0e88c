package dev.parley.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Host start with both plugins against Jetty + Wicket alone: each start in a fresh JVM, measured
 * from JVM start to the first page served, alternating the two, medians of several runs.
 */
final class HostStartScenario {

    private HostStartScenario() {
    }

    static List<Result> run(String dbUrl, String dbName, Path plugins, Path dataDir, int runs) throws Exception {
        long[] host = new long[runs];
        long[] baseline = new long[runs];
        for (int i = 0; i < runs; i++) {
            baseline[i] = probe(List.of("baseline"));
            host[i] = probe(List.of("host", dbUrl, dbName, plugins.toString(), dataDir.toString()));
        }
        Stats h = Stats.of(toNanos(host));
        Stats b = Stats.of(toNanos(baseline));
        double diff = h.p50() - b.p50();
        List<Result> results = new ArrayList<>();
        results.add(new Result("host start", "both plugins vs Jetty + Wicket alone", "median ms to first page", h.p50(),
                b.p50(), h.p50() / b.p50(), "<= +1000 ms", diff <= 1000,
                String.format("difference %.0f ms over %d runs each", diff, runs)));
        return results;
    }

    private static long[] toNanos(long[] millis) {
        long[] n = new long[millis.length];
        for (int i = 0; i < millis.length; i++) {
            n[i] = millis[i] * 1_000_000L;
        }
        return n;
    }

    private static long probe(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StartProbe.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        long result = -1;
        List<String> output = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                output.add(line);
                if (line.startsWith("FIRST_PAGE_MS=")) {
                    result = Long.parseLong(line.substring("FIRST_PAGE_MS=".length()));
                }
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS) || result < 0) {
            p.destroyForcibly();
            throw new IllegalStateException("Start probe " + args.get(0) + " failed: "
                    + String.join("\n", output.subList(Math.max(0, output.size() - 20), output.size())));
        }
        return result;
    }
}
