package dev.parley.banners.display;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.banners.BannersFixture;
import dev.parley.banners.banner.BannerDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A dismissal is per member, survives restarts (every device), and ends when the content changes. */
class DismissalTest {

    private BannersFixture f;

    @BeforeEach
    void setUp() {
        f = new BannersFixture("bnr_dismiss");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void dismissedForThatMemberOnlyAndOnEveryDevice() {
        long id = f.publish(BannersFixture.draft("Black Friday"));
        assertTrue(f.services.display().dismiss(f.member(f.maya), id));
        assertFalse(f.seenBy(f.maya).contains("Black Friday"));
        assertTrue(f.seenBy(f.tom).contains("Black Friday"), "Tom of the same partner still sees it");
        assertTrue(f.seenBy(f.leo).contains("Black Friday"));
        // Another device = another session; a restarted plugin rebuilds its index from the database.
        f.start();
        assertFalse(f.seenBy(f.maya).contains("Black Friday"));
        assertTrue(f.seenBy(f.tom).contains("Black Friday"));
    }

    @Test
    void comesBackWhenTheContentChanges() {
        BannerDraft d = BannersFixture.draft("Holiday hours");
        long id = f.publish(d);
        f.services.display().dismiss(f.member(f.maya), id);
        d.setPriority(5);
        f.services.banners().save(f.manager, id, d, true);
        assertFalse(f.seenBy(f.maya).contains("Holiday hours"), "a new priority is not new content");
        d.setBody("New opening hours: **9 to 5**");
        f.services.banners().save(f.manager, id, d, true);
        assertTrue(f.seenBy(f.maya).contains("Holiday hours"), "changed text brings it back");
        f.services.display().dismiss(f.member(f.maya), id);
        assertFalse(f.seenBy(f.maya).contains("Holiday hours"));
    }

    @Test
    void bannersThatMayNotBeDismissedStay() {
        BannerDraft d = BannersFixture.draft("Compliance notice");
        d.setDismissible(false);
        long id = f.publish(d);
        assertFalse(f.services.display().dismiss(f.member(f.maya), id));
        assertTrue(f.seenBy(f.maya).contains("Compliance notice"));
    }

    @Test
    void aMemberCannotDismissABannerNotShownToThem() {
        BannerDraft d = BannersFixture.draft("Coupon sites only");
        d.setAudienceKind(dev.parley.banners.banner.AudienceKind.RULES);
        d.setRuleTag("Coupon sites");
        long id = f.publish(d);
        assertFalse(f.services.display().dismiss(f.member(f.maya), id));
        assertFalse(f.services.display().dismiss(f.manager, id));
        assertTrue(f.seenBy(f.leo).contains("Coupon sites only"));
    }
}
