package dev.parley.banners.index;

import dev.parley.api.partner.PartnerFilter;
import dev.parley.banners.banner.Banner;
import dev.parley.banners.banner.DismissalRow;
import dev.parley.banners.banner.Placement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The in-memory index of live banners: per program, the published, not archived banners in priority
 * order with their schedule and their audience as a sorted array of partner ids (or everyone), plus
 * the members' dismissals. Resolving a partner's banners reads only this index, never the database.
 *
 * <p>Each program's entry list is immutable and swapped as a whole, so readers never lock.
 */
public final class BannerIndex {

    private static final Comparator<Entry> ORDER = Comparator.comparingInt((Entry e) -> e.banner().priority())
            .thenComparingLong(e -> e.banner().id());

    private final Map<Long, List<Entry>> programs = new ConcurrentHashMap<>();
    /** bannerId → (memberId → dismissed content hash). */
    private final Map<Long, Map<Long, String>> dismissals = new ConcurrentHashMap<>();

    /**
     * One live banner and its audience.
     *
     * @param banner the banner
     * @param filter its audience filter, {@code null} for every partner
     * @param partners sorted partner ids of the audience, {@code null} for every partner
     */
    public record Entry(Banner banner, PartnerFilter filter, long[] partners) {

        boolean includes(long partnerId) {
            return partners == null || Arrays.binarySearch(partners, partnerId) >= 0;
        }
    }

    /**
     * Replaces a program's banners. Entries of banners that did not change at all are reused;
     * others are computed with {@code audience}.
     *
     * @param programId the program
     * @param live the program's live banners
     * @param audience computes a banner's entry (filter and partner ids)
     */
    public synchronized void replaceProgram(long programId, Collection<Banner> live, Function<Banner, Entry> audience) {
        Map<Long, Entry> previous = new java.util.HashMap<>();
        for (Entry e : programs.getOrDefault(programId, List.of())) {
            previous.put(e.banner().id(), e);
        }
        List<Entry> entries = new ArrayList<>();
        for (Banner b : live) {
            Entry old = previous.get(b.id());
            if (old != null && old.banner().equals(b)) {
                entries.add(old);
            } else {
                entries.add(audience.apply(b));
            }
        }
        entries.sort(ORDER);
        if (entries.isEmpty()) {
            programs.remove(programId);
        } else {
            programs.put(programId, List.copyOf(entries));
        }
    }

    /**
     * Re-decides one partner's membership in every targeted banner of the program (after the partner
     * changed).
     *
     * @param member tells whether the partner is in a filter
     */
    public synchronized void refreshPartner(long programId, long partnerId, java.util.function.Predicate<PartnerFilter> member) {
        List<Entry> current = programs.get(programId);
        if (current == null) {
            return;
        }
        List<Entry> updated = new ArrayList<>(current.size());
        for (Entry e : current) {
            if (e.partners() == null) {
                updated.add(e);
                continue;
            }
            boolean now = member.test(e.filter());
            boolean before = e.includes(partnerId);
            if (now == before) {
                updated.add(e);
            } else {
                updated.add(new Entry(e.banner(), e.filter(), now ? add(e.partners(), partnerId) : remove(e.partners(), partnerId)));
            }
        }
        programs.put(programId, List.copyOf(updated));
    }

    /** Loads dismissals (at start). */
    public void loadDismissals(List<DismissalRow> rows) {
        for (DismissalRow r : rows) {
            dismissals.computeIfAbsent(r.bannerId(), k -> new ConcurrentHashMap<>()).put(r.memberId(), r.contentHash());
        }
    }

    /** Records a member's dismissal of a banner's current content. */
    public void dismissed(long bannerId, long memberId, String contentHash) {
        dismissals.computeIfAbsent(bannerId, k -> new ConcurrentHashMap<>()).put(memberId, contentHash);
    }

    /**
     * @param programId the partner's program
     * @param partnerId the partner
     * @param memberId the viewing member (for dismissals)
     * @param placement which placement, or {@code null} for all
     * @param now the current instant
     * @return the partner's active banners in priority order, without those the member dismissed
     */
    public List<Banner> resolve(long programId, long partnerId, long memberId, Placement placement, Instant now) {
        List<Entry> entries = programs.get(programId);
        if (entries == null) {
            return List.of();
        }
        List<Banner> result = new ArrayList<>(4);
        for (Entry e : entries) {
            Banner b = e.banner();
            if ((placement != null && b.placement() != placement) || now.isBefore(b.startsAt())
                    || (b.endsAt() != null && !now.isBefore(b.endsAt())) || !e.includes(partnerId)) {
                continue;
            }
            if (b.dismissible()) {
                Map<Long, String> d = dismissals.get(b.id());
                if (d != null && b.contentHash().equals(d.get(memberId))) {
                    continue;
                }
            }
            result.add(b);
        }
        return result;
    }

    /** @return the live entry of a banner, if indexed */
    public java.util.Optional<Banner> banner(long programId, long bannerId) {
        return programs.getOrDefault(programId, List.of()).stream().map(Entry::banner).filter(b -> b.id() == bannerId)
                .findFirst();
    }

    /** @return number of indexed banners, for diagnostics and tests */
    public int size() {
        return programs.values().stream().mapToInt(List::size).sum();
    }

    /** Builds a sorted partner-id array from ids in any order. */
    public static long[] sortedIds(long[] ids) {
        long[] copy = ids.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static long[] add(long[] ids, long id) {
        int at = Arrays.binarySearch(ids, id);
        if (at >= 0) {
            return ids;
        }
        int pos = -at - 1;
        long[] r = new long[ids.length + 1];
        System.arraycopy(ids, 0, r, 0, pos);
        r[pos] = id;
        System.arraycopy(ids, pos, r, pos + 1, ids.length - pos);
        return r;
    }

    private static long[] remove(long[] ids, long id) {
        int at = Arrays.binarySearch(ids, id);
        if (at < 0) {
            return ids;
        }
        long[] r = new long[ids.length - 1];
        System.arraycopy(ids, 0, r, 0, at);
        System.arraycopy(ids, at + 1, r, at, ids.length - at - 1);
        return r;
    }

}
