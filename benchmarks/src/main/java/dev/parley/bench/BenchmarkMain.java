package dev.parley.bench;

import dev.parley.host.HostConfig;
import dev.parley.host.ParleyHost;
import dev.parley.host.db.EmbeddedMariaDb;
import dev.parley.host.demo.DemoDataGenerator;
import dev.parley.host.demo.DemoDataGenerator.DemoPrograms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs Parley's benchmark scenarios on a fresh embedded MariaDB filled by the host-demo data
 * generator, and writes BENCHMARKS.md and benchmarks.csv.
 *
 * <pre>
 * java -jar benchmarks/target/parley-benchmarks.jar --partners=100000 --iterations=300 --out=.
 * </pre>
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        HostConfig options = HostConfig.load(args);
        int partners = options.getInt("partners", 100_000);
        int iterations = options.getInt("iterations", 300);
        int startRuns = options.getInt("start.runs", 5);
        Path out = Path.of(options.get("out", ".")).toAbsolutePath();
        Path data = Path.of(options.get("data", "benchmarks/target/bench-data")).toAbsolutePath();
        Path plugins = Path.of(options.get("plugins", System.getProperty("parley.bench.plugins",
                "host-demo/target/plugins"))).toAbsolutePath();
        run(partners, iterations, startRuns, out, data, plugins);
    }

    static List<Result> run(int partners, int iterations, int startRuns, Path out, Path data, Path plugins)
            throws Exception {
        deleteRecursively(data);
        Files.createDirectories(data);
        List<Result> results = new ArrayList<>();
        Map<String, String> facts = new LinkedHashMap<>();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(data)) {
            HostConfig config = HostConfig.of(Map.of("db.url", db.serverUrl(), "db.name", "bench",
                    "plugins.dir", plugins.toString(), "data.dir", data.resolve("host").toString()));
            try (ParleyHost host = ParleyHost.start(config, Clock.systemUTC())) {
                facts.put("MariaDB", version(host));
                long start = System.nanoTime();
                DemoPrograms programs = new DemoDataGenerator(host.sessions(), host.dataSource(), host.clock(), 42)
                        .generate(partners, n -> { });
                double seconds = (System.nanoTime() - start) / 1e9;
                facts.put("demo data", String.format("%d partners generated in %.1f s", partners, seconds));
                long offer = host.partners().offers(programs.acme()).get(0).id();
                results.addAll(AudienceCountScenario.run(host, programs.acme(), offer, iterations));
                // 10 messages per partner: 1M messages at the default 100,000 partners
                results.addAll(MessageSearchScenario.run(plugins, host.dataSource(), data.resolve("search"), partners * 10,
                        Math.max(100, iterations * 10)));
            }
            results.addAll(BannerResolutionScenario.run(plugins, 1_000, partners, Math.max(1_000, iterations * 1_000)));
            if (startRuns > 0) {
                results.addAll(HostStartScenario.run(db.serverUrl(), "bench", plugins, data.resolve("probe"), startRuns));
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("partners in the main program", String.valueOf(partners));
        settings.put("iterations per case", String.valueOf(iterations));
        settings.put("host start runs", String.valueOf(startRuns));
        settings.put("messages indexed (10 per partner)", String.valueOf(partners * 10));
        settings.put("command", "java -jar benchmarks/target/parley-benchmarks.jar --partners=" + partners
                + " --iterations=" + iterations + " --start.runs=" + startRuns);
        Report.write(out, settings, facts, results);
        results.forEach(r -> System.out.printf("%-16s %-45s %s parley=%.2f baseline=%.2f ratio=%.2f %s%n",
                r.scenario(), r.variant(), r.metric(), r.parley(), r.baseline(), r.ratio(), r.met() ? "met" : "MISSED"));
        return results;
    }

    private static String version(ParleyHost host) throws Exception {
        try (Connection c = host.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
