package dev.parley.banners.banner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.banners.BannersFixture;
import dev.parley.banners.BannersPlugin;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Brand-side rules: validation, permission and plan gating, program scoping, list, duplicate, archive, images. */
class BannerServiceTest {

    private static BannersFixture f;
    private static BannerService banners;

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0,
        1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9};

    @BeforeAll
    static void setUp() {
        f = new BannersFixture("bnr_service");
        banners = f.services.banners();
    }

    @AfterAll
    static void tearDown() {
        f.close();
    }

    private static BannerValidationException refused(BannerDraft d) {
        return assertThrows(BannerValidationException.class, () -> banners.save(f.manager, null, d, true));
    }

    @Test
    void headlineUpTo75AndTextUpTo450Characters() {
        BannerDraft ok = BannersFixture.draft("h".repeat(75));
        ok.setBody("b".repeat(450));
        long id = banners.save(f.manager, null, ok, false);
        assertEquals(75, banners.find(f.manager, id).orElseThrow().headline().length());

        BannerDraft longHeadline = BannersFixture.draft("h".repeat(76));
        assertTrue(refused(longHeadline).has("headlineTooLong"));
        BannerDraft longBody = BannersFixture.draft("fine");
        longBody.setBody("b".repeat(451));
        assertTrue(refused(longBody).has("bodyTooLong"));
        assertTrue(refused(BannersFixture.draft(" ")).has("headlineRequired"));
    }

    @Test
    void javascriptAndOtherNonHttpLinksAreRefusedWithAClearReason() {
        for (String url : List.of("javascript:alert(document.cookie)", "data:text/html,<script>x</script>", "ftp://acme.test")) {
            BannerDraft d = BannersFixture.draft("Sale");
            d.setCtaLabel("Go");
            d.setCtaUrl(url);
            BannerValidationException e = refused(d);
            assertTrue(e.has("ctaUrlScheme"), url);
            assertEquals("ctaUrl", e.problems().get(0).field());
        }
        BannerDraft half = BannersFixture.draft("Sale");
        half.setCtaUrl("https://acme.test");
        assertTrue(refused(half).has("ctaIncomplete"));
    }

    @Test
    void unknownMacroIsNamed() {
        BannerDraft d = BannersFixture.draft("Hi {partner_nam}");
        BannerValidationException e = refused(d);
        assertTrue(e.problems().stream().anyMatch(p -> p.key().equals("unknownMacro") && p.detail().equals("{partner_nam}")),
                e.problems().toString());
    }

    @Test
    void offerMacrosNeedAnOfferOfTheProgram() {
        BannerDraft d = BannersFixture.draft("Your link");
        d.setCtaLabel("Get it");
        d.setCtaUrl("{offer_tracking_link}");
        assertTrue(refused(d).has("offerRequired"));
        d.setOfferId(999_999L);
        assertTrue(refused(d).has("unknownOffer"));
        d.setOfferId(f.jackets.id());
        assertTrue(banners.save(f.manager, null, d, false) > 0);
    }

    @Test
    void onlyCriticalBannersMayShowOnEveryPage() {
        BannerDraft d = BannersFixture.draft("Outage");
        d.setPlacement(Placement.EVERY_PAGE);
        d.setStyle(BannerStyle.WARNING);
        assertTrue(refused(d).has("placementCritical"));
        d.setStyle(BannerStyle.CRITICAL);
        assertTrue(banners.save(f.manager, null, d, false) > 0);
    }

    @Test
    void rulesAudienceNeedsARuleAndSavedAudienceMustExist() {
        BannerDraft rules = BannersFixture.draft("Rules");
        rules.setAudienceKind(AudienceKind.RULES);
        assertTrue(refused(rules).has("rulesMissing"));
        BannerDraft saved = BannersFixture.draft("Saved");
        saved.setAudienceKind(AudienceKind.SAVED);
        saved.setAudienceId(42L);
        assertTrue(refused(saved).has("audienceMissing"));
    }

    @Test
    void endMustFollowStart() {
        BannerDraft d = BannersFixture.draft("Backwards");
        d.setStartsAt(java.time.LocalDateTime.of(2026, 12, 1, 9, 0));
        d.setEndsAt(java.time.LocalDateTime.of(2026, 12, 1, 9, 0));
        assertTrue(refused(d).has("endBeforeStart"));
    }

    @Test
    void withoutPermissionOrPlanFeatureNothingIsAllowed() {
        CurrentUser analyst = BannersFixture.brand(f.program.id(), ZoneId.of("UTC"), Permissions.VIEW_PARTNERS);
        assertThrows(SecurityException.class, () -> banners.list(analyst, null));
        assertThrows(SecurityException.class, () -> banners.save(analyst, null, BannersFixture.draft("x"), true));
        assertThrows(SecurityException.class, () -> banners.list(f.member(f.maya), null));
        CurrentUser otherManager = BannersFixture.brand(f.other.id(), ZoneId.of("UTC"), Permissions.BANNERS);
        SecurityException planless = assertThrows(SecurityException.class, () -> banners.list(otherManager, null));
        assertTrue(planless.getMessage().contains("plan"));
        f.host.disableFeature(f.program.id(), BannersPlugin.FEATURE);
        try {
            assertThrows(SecurityException.class, () -> banners.list(f.manager, null));
        } finally {
            f.host.enableFeature(f.program.id(), BannersPlugin.FEATURE);
        }
    }

    @Test
    void bannersOfAnotherProgramAreInvisible() {
        long id = banners.save(f.manager, null, BannersFixture.draft("Mine"), false);
        f.host.enableFeature(f.other.id(), BannersPlugin.FEATURE);
        try {
            CurrentUser otherManager = BannersFixture.brand(f.other.id(), ZoneId.of("UTC"), Permissions.BANNERS);
            assertTrue(banners.find(otherManager, id).isEmpty());
            assertThrows(SecurityException.class, () -> banners.archive(otherManager, id));
            assertThrows(SecurityException.class, () -> banners.save(otherManager, id, BannersFixture.draft("Taken"), true));
            assertEquals("Mine", banners.find(f.manager, id).orElseThrow().headline());
        } finally {
            f.host.disableFeature(f.other.id(), BannersPlugin.FEATURE);
        }
    }

    @Test
    void statusFollowsPublicationScheduleAndArchive() {
        long draft = banners.save(f.manager, null, BannersFixture.draft("Status draft"), false);
        BannerDraft later = BannersFixture.draft("Status later");
        later.setStartsAt(java.time.LocalDateTime.ofInstant(f.host.clock().instant().plus(Duration.ofDays(2)), ZoneId.of("UTC")));
        long scheduled = banners.save(f.manager, null, later, true);
        long active = banners.save(f.manager, null, BannersFixture.draft("Status active"), true);
        long archived = banners.save(f.manager, null, BannersFixture.draft("Status archived"), true);
        banners.archive(f.manager, archived);
        assertTrue(ids(BannerStatus.DRAFT).contains(draft));
        assertTrue(ids(BannerStatus.SCHEDULED).contains(scheduled));
        assertTrue(ids(BannerStatus.ACTIVE).contains(active));
        assertTrue(ids(BannerStatus.ARCHIVED).contains(archived));
        assertFalse(ids(BannerStatus.ACTIVE).contains(archived));
        f.host.mutableClock().advance(Duration.ofDays(3));
        try {
            assertTrue(ids(BannerStatus.ACTIVE).contains(scheduled));
        } finally {
            f.host.mutableClock().advance(Duration.ofDays(-3));
        }
    }

    @Test
    void expiredBannersShowAsExpired() {
        BannerDraft d = BannersFixture.draft("Status expiring");
        d.setEndsAt(java.time.LocalDateTime.ofInstant(f.host.clock().instant().plus(Duration.ofHours(1)), ZoneId.of("UTC")));
        long id = banners.save(f.manager, null, d, true);
        f.host.mutableClock().advance(Duration.ofHours(1));
        try {
            assertTrue(ids(BannerStatus.EXPIRED).contains(id));
        } finally {
            f.host.mutableClock().advance(Duration.ofHours(-1));
        }
    }

    @Test
    void duplicateMakesADraftCopyAndArchiveStopsEditing() {
        BannerDraft d = BannersFixture.draft("Original");
        d.setCtaLabel("Shop");
        d.setCtaUrl("https://acme.test/shop");
        long id = banners.save(f.manager, null, d, true);
        long copy = banners.duplicate(f.manager, id, "Copy of Original");
        assertNotEquals(id, copy);
        Banner c = banners.find(f.manager, copy).orElseThrow();
        assertEquals("Copy of Original", c.internalName());
        assertEquals("Original", c.headline());
        assertEquals("https://acme.test/shop", c.ctaUrl());
        assertEquals(BannerStatus.DRAFT, c.status(f.host.clock().instant()));
        banners.archive(f.manager, id);
        assertThrows(SecurityException.class, () -> banners.save(f.manager, id, d, true));
    }

    @Test
    void imagesAreAcceptedByContentAndSizeLimited() {
        for (byte[] image : List.of(PNG, GIF, JPEG)) {
            long id = banners.uploadImage(f.manager, "banner.png", image);
            assertTrue(banners.image(f.manager, id, x -> false).isPresent());
        }
        assertEquals("image/png", banners.image(f.manager, banners.uploadImage(f.manager, "banner.png", PNG), x -> false).orElseThrow().getContentType());
        BannerValidationException html = assertThrows(BannerValidationException.class,
                () -> banners.uploadImage(f.manager, "banner.png", "<html><script>alert(1)</script></html>".getBytes()));
        assertTrue(html.has("imageType"));
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes();
        assertTrue(assertThrows(BannerValidationException.class, () -> banners.uploadImage(f.manager, "banner.png", svg)).has("imageType"));
        byte[] big = new byte[BannerService.MAX_IMAGE_BYTES + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertTrue(assertThrows(BannerValidationException.class, () -> banners.uploadImage(f.manager, "banner.png", big)).has("imageSize"));
        CurrentUser partner = f.member(f.maya);
        long id = banners.uploadImage(f.manager, "banner.png", PNG);
        assertTrue(banners.image(partner, id, x -> x == id).isPresent(), "shown in one of her banners");
        assertTrue(banners.image(partner, id, x -> false).isEmpty(), "images of drafts stay private");
        CurrentUser analyst = BannersFixture.brand(f.program.id(), ZoneId.of("UTC"), Permissions.VIEW_PARTNERS);
        assertTrue(banners.image(analyst, id, x -> true).isEmpty());
        CurrentUser stranger = BannersFixture.brand(f.other.id(), ZoneId.of("UTC"), Permissions.BANNERS);
        assertTrue(banners.image(stranger, id, x -> true).isEmpty());
    }

    @Test
    void anImageWhoseNameIsAPathHasControlCharactersOrIsBlankIsRefused() {
        for (String name : List.of("../../etc/passwd.png", "a/b.png", "..\\..\\x.png", "C:\\temp\\x.png", "..")) {
            BannerValidationException e = assertThrows(BannerValidationException.class,
                    () -> banners.uploadImage(f.manager, name, PNG), name);
            assertTrue(e.has("imageNamePath"), name);
        }
        assertTrue(assertThrows(BannerValidationException.class,
                () -> banners.uploadImage(f.manager, "logo\u0000.png", PNG)).has("imageNameControl"));
        assertTrue(assertThrows(BannerValidationException.class,
                () -> banners.uploadImage(f.manager, "  ", PNG)).has("imageNameMissing"));
        assertTrue(assertThrows(BannerValidationException.class,
                () -> banners.uploadImage(f.manager, null, PNG)).has("imageNameMissing"));
        assertTrue(banners.uploadImage(f.manager, "..logo.png", PNG) > 0, "dots inside a plain name are fine");
    }

    private static List<Long> ids(BannerStatus status) {
        return banners.list(f.manager, status).stream().map(Banner::id).toList();
    }
}
