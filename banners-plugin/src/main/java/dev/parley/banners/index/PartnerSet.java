package dev.parley.banners.index;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A set of partner slots (dense per-program numbers, see {@link PartnerSlots}) as bits: 100,000
 * partners take 12.5 KB per banner, and a membership test is one array read. Readers never lock;
 * single-bit changes are atomic, and growing swaps in a larger copy.
 */
final class PartnerSet {

    private volatile AtomicLongArray words;

    PartnerSet(int capacity) {
        words = new AtomicLongArray(Math.max(1, (capacity + 63) >>> 6));
    }

    boolean contains(int slot) {
        AtomicLongArray w = words;
        int i = slot >>> 6;
        return i < w.length() && (w.get(i) & (1L << (slot & 63))) != 0;
    }

    synchronized void add(int slot) {
        int i = slot >>> 6;
        AtomicLongArray w = words;
        if (i >= w.length()) {
            AtomicLongArray bigger = new AtomicLongArray(Math.max(i + 1, w.length() * 2));
            for (int k = 0; k < w.length(); k++) {
                bigger.set(k, w.get(k));
            }
            words = bigger;
            w = bigger;
        }
        long bit = 1L << (slot & 63);
        w.getAndUpdate(i, v -> v | bit);
    }

    synchronized void remove(int slot) {
        int i = slot >>> 6;
        AtomicLongArray w = words;
        if (i < w.length()) {
            long bit = 1L << (slot & 63);
            w.getAndUpdate(i, v -> v & ~bit);
        }
    }

    /** @return the number of members */
    int size() {
        AtomicLongArray w = words;
        int n = 0;
        for (int k = 0; k < w.length(); k++) {
            n += Long.bitCount(w.get(k));
        }
        return n;
    }
}
