package dev.parley.banners.index;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Gives each partner of a program a small dense number, so audiences can be bit sets. */
final class PartnerSlots {

    private final ConcurrentHashMap<Long, Integer> slots = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    /** @return the partner's slot, or -1 when the partner was never indexed (so it is in no targeted audience) */
    int find(long partnerId) {
        Integer s = slots.get(partnerId);
        return s == null ? -1 : s;
    }

    /** @return the partner's slot, assigning one if needed */
    int slot(long partnerId) {
        return slots.computeIfAbsent(partnerId, k -> next.getAndIncrement());
    }

    int capacity() {
        return next.get();
    }
}
