package dev.parley.banners.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.banners.BannersFixture;
import dev.parley.banners.banner.BannerDraft;
import dev.parley.banners.banner.Placement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unique views per member, partners reached, dismissals, clicks, click-through rate, per day. */
class AnalyticsTest {

    private BannersFixture f;

    @BeforeEach
    void setUp() {
        f = new BannersFixture("bnr_analytics");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void countsReachDismissalsClicksAndRate() {
        BannerDraft d = BannersFixture.draft("Measured");
        d.setCtaLabel("Go");
        d.setCtaUrl("https://acme.test/go");
        long id = f.publish(d);
        var display = f.services.display();
        display.show(f.member(f.maya), Placement.DASHBOARD);
        display.show(f.member(f.maya), Placement.DASHBOARD);
        display.show(f.member(f.tom), Placement.DASHBOARD);
        display.show(f.member(f.leo), Placement.DASHBOARD);
        display.click(f.member(f.maya), id);
        display.click(f.member(f.maya), id);
        display.click(f.member(f.tom), id);
        display.dismiss(f.member(f.leo), id);

        BannerStats s = f.services.analytics().stats(f.manager, id);
        assertEquals(2, s.partnersReached(), "Trail and Summit");
        assertEquals(3, s.membersReached(), "Maya counted once");
        assertEquals(3, s.clicks());
        assertEquals(1, s.partnersClicked());
        assertEquals(1, s.dismissals());
        assertEquals(50.0, s.clickThroughRate());
    }

    @Test
    void perDayInTheViewersZone() {
        long id = f.publish(BannersFixture.draft("Daily"));
        var display = f.services.display();
        // 2026-11-02T09:00Z is 17:00 in Shanghai; +8 h is the next Shanghai day.
        display.show(f.member(f.maya), Placement.DASHBOARD);
        f.host.mutableClock().advance(Duration.ofHours(8));
        display.show(f.member(f.tom), Placement.DASHBOARD);
        display.show(f.member(f.leo), Placement.DASHBOARD);
        display.dismiss(f.member(f.leo), id);

        CurrentUser shanghai = BannersFixture.brand(f.program.id(), ZoneId.of("Asia/Shanghai"), Permissions.BANNERS);
        List<BannerStats.Day> days = f.services.analytics().stats(shanghai, id).days();
        assertEquals(List.of(new BannerStats.Day(LocalDate.of(2026, 11, 2), 1, 0, 0),
                new BannerStats.Day(LocalDate.of(2026, 11, 3), 1, 1, 0)), days);
        List<BannerStats.Day> utc = f.services.analytics().stats(f.manager, id).days();
        assertEquals(List.of(new BannerStats.Day(LocalDate.of(2026, 11, 2), 2, 1, 0)), utc);
    }

    @Test
    void onlyBannerEditorsOfTheProgramSeeAnalytics() {
        long id = f.publish(BannersFixture.draft("Private numbers"));
        assertThrows(SecurityException.class, () -> f.services.analytics().stats(f.member(f.maya), id));
        CurrentUser analyst = BannersFixture.brand(f.program.id(), ZoneId.of("UTC"), Permissions.VIEW_PARTNERS);
        assertThrows(SecurityException.class, () -> f.services.analytics().stats(analyst, id));
        f.services.display().show(f.member(f.maya), Placement.DASHBOARD);
        CurrentUser other = BannersFixture.brand(f.other.id(), ZoneId.of("UTC"), Permissions.BANNERS);
        f.host.enableFeature(f.other.id(), dev.parley.banners.BannersPlugin.FEATURE);
        assertEquals(0, f.services.analytics().stats(other, id).partnersReached(), "scoped by program");
    }
}
