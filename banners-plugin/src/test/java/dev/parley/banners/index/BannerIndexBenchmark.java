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
import java.util.List;
import java.util.Random;

/**
 * Benchmark (not a test; no timed assertions in tests): resolving a partner's active banners from the
 * index with 1,000 banners and 100,000 partners in one program. 20 % of the banners are for everyone,
 * the rest target 1-30 % of the partners; schedules are mixed (a third not started or ended).
 *
 * <p>Run after {@code mvn verify -pl banners-plugin -am}:
 * {@code java -cp banners-plugin/target/classes:banners-plugin/target/test-classes:<plugin-api classes and deps>
 * dev.parley.banners.index.BannerIndexBenchmark}. Prints p50, p99 and p99.9 in microseconds.
 */
public final class BannerIndexBenchmark {

    private BannerIndexBenchmark() {
    }

    public static void main(String[] args) {
        int bannerCount = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int partnerCount = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
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
                long[] ids = Arrays.stream(partnerIds).filter(p -> random.nextDouble() < share).toArray();
                audiences[i] = ids;
            }
        }
        BannerIndex index = new BannerIndex();
        long buildStart = System.nanoTime();
        index.replaceProgram(1, banners, b -> new BannerIndex.Entry(b, audiences[(int) b.id() - 1] == null ? null
                : PartnerFilter.all(), audiences[(int) b.id() - 1]));
        System.out.printf("built index of %d banners over %d partners in %d ms%n", bannerCount, partnerCount,
                (System.nanoTime() - buildStart) / 1_000_000);

        long sink = 0;
        for (int i = 0; i < 200_000; i++) {
            sink += index.resolve(1, partnerIds[random.nextInt(partnerCount)], i, Placement.DASHBOARD, now).size();
        }
        int runs = 1_000_000;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long partner = partnerIds[random.nextInt(partnerCount)];
            long t0 = System.nanoTime();
            sink += index.resolve(1, partner, i, Placement.DASHBOARD, now).size();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf("resolve: p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us (avg banners per partner %.1f)%n",
                nanos[runs / 2] / 1000.0, nanos[(int) (runs * 0.99)] / 1000.0, nanos[(int) (runs * 0.999)] / 1000.0,
                nanos[runs - 1] / 1000.0, sink / (double) (runs + 200_000));
    }
}
