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
import java.util.Set;
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
        Options o = new Options(options.getInt("partners", 100_000), options.getInt("iterations", 300),
                options.getInt("start.runs", 5), options.getInt("conversations", 100_000),
                options.getInt("messages", 1_000_000), parseInts(options.get("fanout", "100000,1000000")),
                options.getInt("fanout.rounds", 2), options.getInt("http.connections", 16),
                Double.parseDouble(options.get("http.seconds", "20")), options.getInt("search.messages", 1_000_000),
                Set.of(options.get("only", "").split(",")).stream().map(String::trim).filter(x -> !x.isEmpty())
                        .collect(java.util.stream.Collectors.toSet()));
        Path out = Path.of(options.get("out", ".")).toAbsolutePath();
        Path data = Path.of(options.get("data", "benchmarks/target/bench-data")).toAbsolutePath();
        Path plugins = Path.of(options.get("plugins", System.getProperty("parley.bench.plugins",
                "host-demo/target/plugins"))).toAbsolutePath();
        run(o, out, data, plugins, options.getBoolean("append", false));
    }

    /**
     * The scale of a run.
     *
     * @param partners partners in the main demo program (audience count, banners)
     * @param iterations measured iterations per query case
     * @param startRuns fresh-JVM host starts (each side)
     * @param conversations inbox conversations added to the main program
     * @param messages inbox messages over those conversations
     * @param fanout recipient counts of the bulk send cases
     * @param fanoutRounds rounds per bulk send case (raw and Parley alternate)
     * @param httpConnections concurrent HTTP clients
     * @param httpSeconds measured seconds per side of the HTTP scenario
     * @param searchMessages messages indexed by the search scenarios
     * @param only scenarios to run (audience, inbox, http, fanout, search, banners, start); empty: all
     */
    record Options(int partners, int iterations, int startRuns, int conversations, int messages, int[] fanout,
            int fanoutRounds, int httpConnections, double httpSeconds, int searchMessages, Set<String> only) {

        boolean runs(String scenario) {
            return only.isEmpty() || only.contains(scenario);
        }

        String command() {
            StringBuilder f = new StringBuilder();
            for (int n : fanout) {
                f.append(f.length() > 0 ? "," : "").append(n);
            }
            return "java -jar benchmarks/target/parley-benchmarks.jar --partners=" + partners + " --iterations=" + iterations
                    + " --start.runs=" + startRuns + " --conversations=" + conversations + " --messages=" + messages
                    + " --fanout=" + f + " --fanout.rounds=" + fanoutRounds + " --http.connections=" + httpConnections
                    + " --http.seconds=" + httpSeconds + " --search.messages=" + searchMessages
                    + (only.isEmpty() ? "" : " --only=" + String.join(",", new java.util.TreeSet<>(only)));
        }
    }

    private static int[] parseInts(String csv) {
        return java.util.Arrays.stream(csv.split(",")).map(String::trim).filter(x -> !x.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
    }

    static List<Result> run(Options o, Path out, Path data, Path plugins) throws Exception {
        return run(o, out, data, plugins, false);
    }

    /** @param append add this run's results as a further section of an existing report in {@code out} */
    static List<Result> run(Options o, Path out, Path data, Path plugins, boolean append) throws Exception {
        int partners = o.partners();
        int iterations = o.iterations();
        int startRuns = o.startRuns();
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
                if (o.runs("audience")) {
                    results.addAll(AudienceCountScenario.run(host, programs.acme(), offer, iterations));
                    progress(results);
                }
                if (o.runs("search")) {
                    results.addAll(MessageSearchScenario.run(plugins, host.dataSource(), data.resolve("search"),
                            o.searchMessages(), Math.max(100, iterations * 10)));
                    progress(results);
                }
                long user = MessagingScenarios.userId(host, "cm@acme.test");
                if (o.runs("inbox") || o.runs("http")) {
                    Map<String, Double> inbox = MessagingScenarios.fillInbox(host, programs.acme(), o.conversations(),
                            o.messages());
                    String scale = String.format("%,d conversations / %,d messages", inbox.get("conversations").longValue(),
                            inbox.get("messages").longValue());
                    facts.put("inbox data", String.format("%s in all, %,d inbox index rows, added in %.1f s", scale,
                            inbox.get("keys").longValue(), inbox.get("seconds")));
                    if (o.runs("inbox")) {
                        results.addAll(MessagingScenarios.inbox(host, programs.acme(), user, iterations, scale));
                        progress(results);
                    }
                    if (o.runs("http")) {
                        results.addAll(HttpPageScenario.run(host, o.httpConnections(), o.httpSeconds(), "/inbox", scale));
                        progress(results);
                    }
                }
                if (o.runs("fanout")) {
                    for (int n : o.fanout()) {
                        results.addAll(MessagingScenarios.fanOut(host, programs.acme(), user, n, o.fanoutRounds()));
                        progress(results);
                    }
                }
            }
            if (o.runs("banners")) {
                results.addAll(BannerResolutionScenario.run(plugins, 1_000, partners, Math.max(1_000, iterations * 1_000)));
                progress(results);
            }
            if (startRuns > 0 && o.runs("start")) {
                results.addAll(HostStartScenario.run(db.serverUrl(), "bench", plugins, data.resolve("probe"), startRuns));
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("partners in the main program", String.valueOf(partners));
        settings.put("iterations per case", String.valueOf(iterations));
        settings.put("host start runs", String.valueOf(startRuns));
        settings.put("inbox", o.conversations() + " conversations, " + o.messages() + " messages added to the main program");
        settings.put("bulk send recipients", java.util.Arrays.toString(o.fanout()) + ", " + o.fanoutRounds() + " round(s) each");
        settings.put("HTTP", o.httpConnections() + " connections, " + o.httpSeconds() + " s measured per side");
        settings.put("messages indexed by the search scenarios", String.valueOf(o.searchMessages()));
        settings.put("load", String.format("system load average at the end of the run %.1f on %d cores (a shared machine: "
                + "other work may run alongside; ratios compare figures of the same run)",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors()));
        settings.put("command", o.command());
        Report.write(out, settings, facts, results, append);
        progress(results);
        printed = 0;
        return results;
    }

    private static int printed;

    private static void progress(List<Result> results) {
        for (; printed < results.size(); printed++) {
            Result r = results.get(printed);
            System.out.printf("%-20s %-55s %s parley=%.2f baseline=%.2f ratio=%.2f %s | %s%n", r.scenario(), r.variant(),
                    r.metric(), r.parley(), r.baseline(), r.ratio(), r.met() ? "met" : "MISSED", r.detail());
        }
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
