package dev.parley.bench;

import java.util.concurrent.Callable;

/** Runs a piece of work repeatedly and records each duration. */
final class Bench {

    private Bench() {
    }

    static Stats time(int warmup, int iterations, Callable<?> work) throws Exception {
        for (int i = 0; i < warmup; i++) {
            work.call();
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            work.call();
            nanos[i] = System.nanoTime() - start;
        }
        return Stats.of(nanos);
    }

    /** Alternates the two pieces of work so background noise hits both alike. */
    static Stats[] timePair(int warmup, int iterations, Callable<?> parley, Callable<?> baseline) throws Exception {
        for (int i = 0; i < warmup; i++) {
            parley.call();
            baseline.call();
        }
        long[] a = new long[iterations];
        long[] b = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long s = System.nanoTime();
            parley.call();
            a[i] = System.nanoTime() - s;
            s = System.nanoTime();
            baseline.call();
            b[i] = System.nanoTime() - s;
        }
        return new Stats[] {Stats.of(a), Stats.of(b)};
    }
}
