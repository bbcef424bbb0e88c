package dev.parley.banners.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.api.partner.PartnerFilter;
import dev.parley.banners.banner.AudienceKind;
import dev.parley.banners.banner.Banner;
import dev.parley.banners.banner.BannerStyle;
import dev.parley.banners.banner.Placement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory index on its own: order, schedule, audiences, partner refresh, dismissals. */
class BannerIndexTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

    static Banner banner(long id, int priority, Instant start, Instant end, boolean dismissible) {
        return new Banner(id, 1, "b" + id, "Banner " + id, "", null, null, null, BannerStyle.INFO, Placement.DASHBOARD, priority,
                AudienceKind.RULES, null, "t", null, null, null, null, null, dismissible, start, end, true, false, "h" + id, 1,
                NOW, NOW);
    }

    private static List<Long> ids(List<Banner> banners) {
        return banners.stream().map(Banner::id).toList();
    }

    @Test
    void resolvesByPriorityScheduleAndAudience() {
        BannerIndex index = new BannerIndex();
        Banner first = banner(1, 5, NOW, null, true);
        Banner second = banner(2, 9, NOW.minusSeconds(60), NOW.plusSeconds(60), true);
        Banner later = banner(3, 1, NOW.plusSeconds(1), null, true);
        Banner otherAudience = banner(4, 0, NOW, null, true);
        index.replaceProgram(1, List.of(second, later, first, otherAudience),
                b -> new BannerIndex.Entry(b, PartnerFilter.all(), b.id() == 4 ? new long[] {20} : new long[] {10, 11}));
        assertEquals(List.of(1L, 2L), ids(index.resolve(1, 10, 100, null, NOW)));
        assertEquals(List.of(3L, 1L), ids(index.resolve(1, 10, 100, null, NOW.plusSeconds(60))));
        assertEquals(List.of(4L), ids(index.resolve(1, 20, 200, null, NOW)));
        assertEquals(List.of(), ids(index.resolve(2, 10, 100, null, NOW)));
        assertEquals(List.of(), ids(index.resolve(1, 10, 100, Placement.EVERY_PAGE, NOW)));
    }

    @Test
    void partnerRefreshAddsAndRemoves() {
        BannerIndex index = new BannerIndex();
        index.replaceProgram(1, List.of(banner(1, 1, NOW, null, true)), b -> new BannerIndex.Entry(b, PartnerFilter.all(),
                new long[] {10, 30}));
        index.refreshPartner(1, 20, filter -> true);
        assertEquals(List.of(1L), ids(index.resolve(1, 20, 1, null, NOW)));
        index.refreshPartner(1, 10, filter -> false);
        assertEquals(List.of(), ids(index.resolve(1, 10, 1, null, NOW)));
        assertEquals(List.of(1L), ids(index.resolve(1, 30, 1, null, NOW)));
    }

    @Test
    void dismissalsHideOnlyTheDismissedVersion() {
        BannerIndex index = new BannerIndex();
        index.replaceProgram(1, List.of(banner(1, 1, NOW, null, true)), b -> new BannerIndex.Entry(b, null, null));
        index.dismissed(1, 100, "h1");
        assertEquals(List.of(), ids(index.resolve(1, 10, 100, null, NOW)));
        assertEquals(List.of(1L), ids(index.resolve(1, 10, 101, null, NOW)));
        index.dismissed(1, 100, "an older version");
        assertEquals(List.of(1L), ids(index.resolve(1, 10, 100, null, NOW)));
    }
}
