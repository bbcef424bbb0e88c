package dev.parley.banners.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.banners.BannersFixture;
import dev.parley.banners.banner.Banner;
import dev.parley.banners.banner.BannerDraft;
import dev.parley.banners.banner.BannerStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Start (inclusive) and end (exclusive) are entered in the editor's zone and hold to the millisecond. */
class ScheduleTest {

    private static BannersFixture f;

    @BeforeAll
    static void setUp() {
        f = new BannersFixture("bnr_schedule");
    }

    @AfterAll
    static void tearDown() {
        f.close();
    }

    @BeforeEach
    void resetClock() {
        f.host.mutableClock().set(Instant.parse("2026-11-02T09:00:00Z"));
    }

    private long schedule(String headline, ZoneId zone, LocalDateTime start, LocalDateTime end) {
        CurrentUser editor = BannersFixture.brand(f.program.id(), zone, Permissions.BANNERS);
        BannerDraft d = BannersFixture.draft(headline);
        d.setStartsAt(start);
        d.setEndsAt(end);
        return f.services.banners().save(editor, null, d, true);
    }

    private boolean shownAt(String instant, String headline) {
        f.host.mutableClock().set(Instant.parse(instant));
        return f.seenBy(f.maya).contains(headline);
    }

    @Test
    void shanghaiEditorSchedulesInHerOwnZone() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        long id = schedule("Singles Day", shanghai, LocalDateTime.of(2026, 11, 11, 0, 0), LocalDateTime.of(2026, 11, 12, 0, 0));
        Banner b = f.services.banners().find(f.manager, id).orElseThrow();
        assertEquals(Instant.parse("2026-11-10T16:00:00Z"), b.startsAt());
        assertEquals(Instant.parse("2026-11-11T16:00:00Z"), b.endsAt());
        assertFalse(shownAt("2026-11-10T15:59:59.999Z", "Singles Day"));
        assertEquals(BannerStatus.SCHEDULED, b.status(Instant.parse("2026-11-10T15:59:59.999Z")));
        assertTrue(shownAt("2026-11-10T16:00:00Z", "Singles Day"));
        assertTrue(shownAt("2026-11-11T15:59:59.999Z", "Singles Day"));
        assertFalse(shownAt("2026-11-11T16:00:00Z", "Singles Day"));
        assertEquals(BannerStatus.EXPIRED, b.status(Instant.parse("2026-11-11T16:00:00Z")));
    }

    @Test
    void newYorkEditorAcrossTheDaylightSavingChange() {
        ZoneId ny = ZoneId.of("America/New_York");
        // 1 November 2026 02:00 EDT becomes 01:00 EST; 09:00 on 2 November is 14:00 UTC.
        schedule("Fall sale", ny, LocalDateTime.of(2026, 10, 31, 9, 0), LocalDateTime.of(2026, 11, 2, 9, 0));
        assertFalse(shownAt("2026-10-31T12:59:59Z", "Fall sale"));
        assertTrue(shownAt("2026-10-31T13:00:00Z", "Fall sale"));
        assertTrue(shownAt("2026-11-02T13:59:59.999Z", "Fall sale"));
        assertFalse(shownAt("2026-11-02T14:00:00Z", "Fall sale"));
    }

    @Test
    void emptyStartMeansNowAndNoEndMeansForever() {
        schedule("Evergreen", ZoneId.of("UTC"), null, null);
        assertTrue(shownAt("2026-11-02T09:00:00Z", "Evergreen"));
        assertTrue(shownAt("2030-01-01T00:00:00Z", "Evergreen"));
    }

    @Test
    void draftsAreNeverShown() {
        CurrentUser editor = BannersFixture.brand(f.program.id(), ZoneId.of("UTC"), Permissions.BANNERS);
        f.services.banners().save(editor, null, BannersFixture.draft("Unpublished"), false);
        assertFalse(f.seenBy(f.maya).contains("Unpublished"));
    }

    @Test
    void priorityOrdersTheBanners() {
        BannerDraft low = BannersFixture.draft("Second");
        low.setPriority(20);
        BannerDraft high = BannersFixture.draft("First");
        high.setPriority(10);
        f.publish(low);
        f.publish(high);
        List<String> seen = f.seenBy(f.maya);
        assertTrue(seen.indexOf("First") >= 0 && seen.indexOf("First") < seen.indexOf("Second"), seen.toString());
    }
}
