package dev.parley.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap in use right after a full collection, sampled over a run. A leak shows as a floor that keeps
 * rising; short-lived work (a send's chunk, a page being rendered) does not survive the collection, and
 * a few MB up or down between samples is noise. So the heap counts as growing when even the lowest
 * sample of the last third of the run is above the highest of the first third by more than
 * {@link #TOLERANCE_MB} or 20 %, whichever is larger.
 */
final class HeapTrend {

    /** Growth of the floor below which the heap counts as stable, whatever its size. */
    static final long TOLERANCE_MB = 16;
    /** Fewest samples for a verdict (the first and last thirds need two each). */
    static final int MIN_SAMPLES = 6;

    /** One sample: seconds since the run started, MB in use after a full collection. */
    record Sample(double seconds, long mb) {
    }

    private final long started = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();

    /** Collects and records the heap in use after the collection. */
    synchronized Sample sample() {
        Sample s = new Sample((System.nanoTime() - started) / 1e9, heapAfterGcMb());
        samples.add(s);
        return s;
    }

    synchronized Figures figures() {
        return new Figures(List.copyOf(samples));
    }

    /** The samples and what they say. */
    record Figures(List<Sample> samples) {

        long first() {
            return samples.isEmpty() ? 0 : samples.get(0).mb();
        }

        long last() {
            return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).mb();
        }

        long max() {
            return samples.stream().mapToLong(Sample::mb).max().orElse(0);
        }

        /** @return least-squares slope of the samples in MB per minute */
        double slopeMbPerMinute() {
            int n = samples.size();
            if (n < 2) {
                return 0;
            }
            double mx = samples.stream().mapToDouble(Sample::seconds).average().orElse(0);
            double my = samples.stream().mapToDouble(Sample::mb).average().orElse(0);
            double num = 0;
            double den = 0;
            for (Sample s : samples) {
                num += (s.seconds() - mx) * (s.mb() - my);
                den += (s.seconds() - mx) * (s.seconds() - mx);
            }
            return den == 0 ? 0 : num / den * 60;
        }

        boolean enoughSamples() {
            return samples.size() >= MIN_SAMPLES;
        }

        /** @return whether the floor of the heap rose over the run (see the class comment) */
        boolean growing() {
            if (!enoughSamples()) {
                return false;
            }
            int third = samples.size() / 3;
            long firstMax = samples.subList(0, third).stream().mapToLong(Sample::mb).max().orElse(0);
            long lastMin = samples.subList(samples.size() - third, samples.size()).stream().mapToLong(Sample::mb).min()
                    .orElse(0);
            return lastMin - firstMax > Math.max(TOLERANCE_MB, firstMax / 5);
        }

        @Override
        public String toString() {
            return String.format("heap after GC: first %d MB, last %d MB, max %d MB, slope %+.1f MB/min over %d samples (%s)",
                    first(), last(), max(), slopeMbPerMinute(), samples.size(),
                    !enoughSamples() ? "too few samples for a verdict" : growing() ? "GROWING" : "stable");
        }
    }

    /** Heap in use right after a full collection, as the collector reports it for each heap pool. */
    static long heapAfterGcMb() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used / (1024 * 1024);
    }
}
