package dev.parley.bench;

import java.util.Arrays;

/** Percentiles of a series of measurements (nanoseconds). */
record Stats(long[] sorted) {

    static Stats of(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Stats(copy);
    }

    double percentileMillis(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
    }

    double p50() {
        return percentileMillis(50);
    }

    double p99() {
        return percentileMillis(99);
    }
}
