package dev.parley.bench;

import dev.parley.api.user.BrandUser;
import dev.parley.host.ParleyHost;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The messaging plugin's hot paths, reached through {@code MessagingBenchProbe} loaded by the
 * running host's plugin class loader (the plugin's own copy of its classes, never the benchmark's
 * class path): inbox page per filter against raw keyset SQL, and bulk in-app send against a raw JDBC
 * batch insert of the same rows.
 */
final class MessagingScenarios {

    static final String PLUGIN = "parley-messaging";
    private static final String PROBE = "dev.parley.messaging.bench.MessagingBenchProbe";

    private MessagingScenarios() {
    }

    static Class<?> probe(ParleyHost host) throws ClassNotFoundException {
        ClassLoader loader = host.pluginManager().getPluginClassLoader(PLUGIN);
        if (loader == null) {
            throw new IllegalStateException("The messaging plugin is not loaded");
        }
        return Class.forName(PROBE, true, loader);
    }

    static long userId(ParleyHost host, String email) throws Exception {
        try (Connection c = host.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM brand_user WHERE email = ?")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No brand user " + email);
                }
                return rs.getLong(1);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Double> fillInbox(ParleyHost host, long program, int conversations, int messages) throws Exception {
        long[] managers = host.partners().managers(program).stream().mapToLong(BrandUser::id).toArray();
        if (managers.length == 0) {
            throw new IllegalStateException("The program has no managers");
        }
        Method m = probe(host).getMethod("fillInbox", long.class, long[].class, int.class, int.class);
        return (Map<String, Double>) m.invoke(null, program, managers, conversations, messages);
    }

    @SuppressWarnings("unchecked")
    static List<Result> inbox(ParleyHost host, long program, long userId, int iterations, String scale) throws Exception {
        long manager = host.partners().managers(program).get(0).id();
        Map<String, Callable<Object>[]> cases = (Map<String, Callable<Object>[]>) probe(host)
                .getMethod("inboxCases", long.class, long.class, long.class).invoke(null, program, userId, manager);
        // Warm every path first (JIT, MyBatis caches, buffer pool), so the first case measured is not
        // also the one that pays for the warm-up.
        for (int i = 0; i < Math.max(20, iterations); i++) {
            for (Callable<Object>[] pair : cases.values()) {
                pair[0].call();
                pair[1].call();
            }
        }
        List<Result> results = new ArrayList<>();
        for (var e : cases.entrySet()) {
            Callable<Object> parley = e.getValue()[0];
            Callable<Object> raw = e.getValue()[1];
            Object rows = parley.call();
            Object rawRows = raw.call();
            if (!rows.equals(rawRows)) {
                throw new IllegalStateException("inbox " + e.getKey() + ": Parley returned " + rows + " rows, raw SQL " + rawRows);
            }
            Stats[] s = Bench.timePair(Math.min(100, iterations), iterations, parley, raw);
            double ratio = s[0].p99() / s[1].p99();
            results.add(new Result("inbox page query", e.getKey() + " (" + rows + " rows, " + scale + ")", "p99 ms",
                    s[0].p99(), s[1].p99(), ratio, "p99 <= 2x", ratio <= 2.0,
                    String.format("p50 %.2f vs %.2f ms (%.2fx)", s[0].p50(), s[1].p50(), s[0].p50() / s[1].p50())));
        }
        return results;
    }

    /**
     * Bulk in-app send against the raw batch insert, {@code rounds} rounds alternating (raw first in
     * each); the figure is the median round's rate.
     */
    @SuppressWarnings("unchecked")
    static List<Result> fanOut(ParleyHost host, long program, long userId, int recipients, int rounds) throws Exception {
        Method m = probe(host).getMethod("fanOut", long.class, long.class, int.class, int.class);
        double[] job = new double[rounds];
        double[] raw = new double[rounds];
        double[] fan = new double[rounds];
        double peak = 0;
        double before = 0;
        for (int r = 0; r < rounds; r++) {
            Map<String, Double> x = (Map<String, Double>) m.invoke(null, program, userId, recipients, r);
            if (x.get("delivered").intValue() != recipients) {
                throw new IllegalStateException("Fan-out delivered " + x.get("delivered") + " of " + recipients);
            }
            job[r] = recipients / x.get("job.s");
            raw[r] = recipients / x.get("raw.s");
            fan[r] = recipients / x.get("fanout.s");
            peak = Math.max(peak, x.get("heap.peak.mb"));
            before = x.get("heap.before.mb");
        }
        double jobRate = median(job);
        double rawRate = median(raw);
        double fanRate = median(fan);
        List<Result> results = new ArrayList<>();
        results.add(new Result("bulk in-app send", String.format("%,d recipients, whole send job", recipients), "recipients/s",
                jobRate, rawRate, jobRate / rawRate, ">= 0.7x", jobRate / rawRate >= 0.7,
                String.format("fan-out alone (after the snapshot) %.0f/s = %.2fx; rounds job %s raw %s; peak heap %.0f MiB "
                        + "(%.0f MiB before); directory answered from memory", fanRate, fanRate / rawRate, list(job), list(raw),
                        peak, before)));
        results.add(new Result("bulk in-app send", String.format("%,d recipients: peak heap during the send job", recipients),
                "MiB", peak, before, peak / before, "recorded (baseline: heap in use before the job)", true,
                "whole benchmark JVM, sum of heap pool peaks; -Xmx " + Runtime.getRuntime().maxMemory() / 1048576 + " MiB"));
        return results;
    }


    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String list(double[] values) {
        StringBuilder b = new StringBuilder("[");
        for (double v : values) {
            b.append(b.length() > 1 ? " " : "").append(String.format("%.0f", v));
        }
        return b.append("]").toString();
    }
}
