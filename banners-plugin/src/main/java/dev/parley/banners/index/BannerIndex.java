package dev.parley.banners.index;

import dev.parley.api.partner.PartnerFilter;
import dev.parley.banners.banner.Banner;
import dev.parley.banners.banner.DismissalRow;
import dev.parley.banners.banner.Placement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The in-memory index of live banners: per program, the published, not archived banners in priority
 * order with their schedule and their audience as a bit set over the program's partners (or
 * everyone), plus the members' dismissals. Resolving a partner's banners reads only this index, never the database.
 *
 * <p>Each program's entry list is immutable and swapped as a whole when banners change; a partner's
 * membership changes flip single bits. Readers never lock.
 */
public final class BannerIndex {

    private static final Comparator<Indexed> ORDER = Comparator.comparingInt((Indexed e) -> e.banner().priority())
            .thenComparingLong(e -> e.banner().id());

    private final Map<Long, List<Indexed>> programs = new ConcurrentHashMap<>();
    private final Map<Long, PartnerSlots> slots = new ConcurrentHashMap<>();
    /** bannerId → (memberId → dismissed content hash). */
    private final Map<Long, Map<Long, String>> dismissals = new ConcurrentHashMap<>();

    /**
     * One live banner and its audience.
     *
     * @param banner the banner
     * @param filter its audience filter, {@code null} for every partner
     * @param partners partner ids of the audience in any order, {@code null} for every partner
     */
    public record Entry(Banner banner, PartnerFilter filter, long[] partners) {
    }

    /** An indexed banner: the audience as a bit set over the program's partner slots ({@code null} = everyone). */
    private record Indexed(Banner banner, PartnerFilter filter, PartnerSet members) {

        boolean includes(int slot) {
            return members == null || (slot >= 0 && members.contains(slot));
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
    public void replaceProgram(long programId, Collection<Banner> live, Function<Banner, Entry> audience) {
        replaceProgram(programId, live, audience, false);
    }

    /**
     * @param recompute {@code true} to recompute every audience (saved audiences or performance may have changed)
     */
    public synchronized void replaceProgram(long programId, Collection<Banner> live, Function<Banner, Entry> audience,
            boolean recompute) {
        Map<Long, Indexed> previous = new java.util.HashMap<>();
        for (Indexed e : programs.getOrDefault(programId, List.of())) {
            previous.put(e.banner().id(), e);
        }
        PartnerSlots programSlots = slots.computeIfAbsent(programId, k -> new PartnerSlots());
        List<Indexed> entries = new ArrayList<>();
        for (Banner b : live) {
            Indexed old = previous.get(b.id());
            if (!recompute && old != null && old.banner().equals(b)) {
                entries.add(old);
                continue;
            }
            Entry e = audience.apply(b);
            PartnerSet members = null;
            if (e.partners() != null) {
                members = new PartnerSet(Math.max(programSlots.capacity(), e.partners().length));
                for (long partnerId : e.partners()) {
                    members.add(programSlots.slot(partnerId));
                }
            }
            entries.add(new Indexed(b, e.filter(), members));
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
     * changed). Each distinct audience filter is asked once.
     *
     * @param member tells whether the partner is in a filter
     */
    public synchronized void refreshPartner(long programId, long partnerId, java.util.function.Predicate<PartnerFilter> member) {
        List<Indexed> current = programs.get(programId);
        if (current == null) {
            return;
        }
        int slot = slots.computeIfAbsent(programId, k -> new PartnerSlots()).slot(partnerId);
        Map<PartnerFilter, Boolean> decided = new java.util.HashMap<>();
        for (Indexed e : current) {
            if (e.members() == null) {
                continue;
            }
            boolean in = decided.computeIfAbsent(e.filter(), member::test);
            if (in) {
                e.members().add(slot);
            } else {
                e.members().remove(slot);
            }
        }
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
        List<Indexed> entries = programs.get(programId);
        if (entries == null) {
            return List.of();
        }
        PartnerSlots programSlots = slots.get(programId);
        int slot = programSlots == null ? -1 : programSlots.find(partnerId);
        List<Banner> result = new ArrayList<>(4);
        for (Indexed e : entries) {
            Banner b = e.banner();
            if ((placement != null && b.placement() != placement) || now.isBefore(b.startsAt())
                    || (b.endsAt() != null && !now.isBefore(b.endsAt())) || !e.includes(slot)) {
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
        return programs.getOrDefault(programId, List.of()).stream().map(Indexed::banner).filter(b -> b.id() == bannerId)
                .findFirst();
    }

    /** @return the programs that have indexed banners */
    public java.util.Set<Long> programs() {
        return java.util.Set.copyOf(programs.keySet());
    }

    /** @return number of indexed banners, for diagnostics and tests */
    public int size() {
        return programs.values().stream().mapToInt(List::size).sum();
    }
}
