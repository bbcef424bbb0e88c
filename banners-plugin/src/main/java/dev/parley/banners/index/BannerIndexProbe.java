package dev.parley.banners.index;

import dev.parley.api.partner.PartnerFilter;
import dev.parley.banners.banner.AudienceKind;
import dev.parley.banners.banner.Banner;
import dev.parley.banners.banner.BannerStyle;
import dev.parley.banners.banner.Placement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Measures resolving a partner's active banners from the index (the hot path of every portal page)
 * next to a plain {@link HashMap} lookup in the same run. Used by the benchmarks module, which loads
 * this plugin's JAR and calls {@link #measure}; it is not a test (no timed assertions in tests).
 *
 * <p>Data: one program, {@code bannerCount} banners over {@code partnerCount} partners; 20 % of the
 * banners are for everyone, the rest target 1-30 % of the partners; a third are not started or have
 * ended.
 */
public final class BannerIndexProbe {

    private BannerIndexProbe() {
    }

    /**
     * @return p50/p99 in microseconds for the index ("index.p50", "index.p99") and the HashMap
     *         baseline ("map.p50", "map.p99"), operations per second ("index.ops", "map.ops"), the
     *         build time ("build.ms") and the average number of banners a partner sees ("avg.banners")
     */
    public static Map<String, Double> measure(int bannerCount, int partnerCount, int runs) {
        Random random = new Random(42);
        Instant now = Instant.parse("2026-11-02T09:00:00Z");
        long[] partnerIds = new long[partnerCount];
        for (int i = 0; i < partnerCount; i++) {
            partnerIds[i] = 10_000 + i * 3L;
        }
        List<Banner> banners = new ArrayList<>();
        long[][] audiences = new long[bannerCount][];
        for (int i = 0; i < bannerCount; i++) {
            Instant start = now.minus(Duration.ofDays(random.nextInt(10))).plus(Duration.ofDays(random.nextInt(3) == 0 ? 20 : 0));
            Instant end = random.nextInt(4) == 0 ? now.minus(Duration.ofDays(1)) : random.nextBoolean() ? null : now.plus(Duration.ofDays(30));
            if (end != null && !end.isAfter(start)) {
                end = start.plus(Duration.ofDays(1));
            }
            boolean everyone = random.nextInt(5) == 0;
            banners.add(new Banner(i + 1, 1, "b" + i, "Banner " + i, "", null, null, null, BannerStyle.INFO, Placement.DASHBOARD,
                    random.nextInt(1000), everyone ? AudienceKind.ALL : AudienceKind.RULES, null, everyone ? null : "t" + i, null, null,
                    null, null, null, true, start, end, true, false, "h" + i, 1, now, now));
            if (!everyone) {
                double share = 0.01 + random.nextDouble() * 0.29;
                audiences[i] = Arrays.stream(partnerIds).filter(p -> random.nextDouble() < share).toArray();
            }
        }
        BannerIndex index = new BannerIndex();
        long buildStart = System.nanoTime();
        index.replaceProgram(1, banners, b -> new BannerIndex.Entry(b, audiences[(int) b.id() - 1] == null ? null
                : PartnerFilter.all(), audiences[(int) b.id() - 1]));
        double buildMs = (System.nanoTime() - buildStart) / 1e6;

        // Baseline: the cheapest possible lookup of "this partner's banners", precomputed in a HashMap.
        Map<Long, List<Banner>> map = new HashMap<>();
        for (long p : partnerIds) {
            map.put(p, List.of(banners.get((int) (p % bannerCount))));
        }
        long sink = 0;
        for (int i = 0; i < Math.min(runs, 200_000); i++) {
            long partner = partnerIds[random.nextInt(partnerCount)];
            sink += index.resolve(1, partner, i, Placement.DASHBOARD, now).size();
            sink += map.get(partner).size();
        }
        long[] indexNanos = new long[runs];
        long[] mapNanos = new long[runs];
        long banner = 0;
        for (int i = 0; i < runs; i++) {
            long partner = partnerIds[random.nextInt(partnerCount)];
            long t0 = System.nanoTime();
            int n = index.resolve(1, partner, i, Placement.DASHBOARD, now).size();
            long t1 = System.nanoTime();
            sink += map.get(partner).size();
            long t2 = System.nanoTime();
            indexNanos[i] = t1 - t0;
            mapNanos[i] = t2 - t1;
            banner += n;
        }
        Arrays.sort(indexNanos);
        Arrays.sort(mapNanos);
        Map<String, Double> result = new HashMap<>();
        result.put("index.p50", indexNanos[runs / 2] / 1000.0);
        result.put("index.p99", indexNanos[(int) (runs * 0.99)] / 1000.0);
        result.put("map.p50", mapNanos[runs / 2] / 1000.0);
        result.put("map.p99", mapNanos[(int) (runs * 0.99)] / 1000.0);
        result.put("index.ops", runs / (Arrays.stream(indexNanos).sum() / 1e9));
        result.put("map.ops", runs / (Arrays.stream(mapNanos).sum() / 1e9));
        result.put("build.ms", buildMs);
        result.put("avg.banners", banner / (double) runs);
        result.put("sink", (double) (sink % 7));
        return result;
    }

    public static void main(String[] args) {
        System.out.println(measure(args.length > 0 ? Integer.parseInt(args[0]) : 1_000,
                args.length > 1 ? Integer.parseInt(args[1]) : 100_000, 1_000_000));
    }
}
