package dev.parley.banners.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.partner.PartnerMember;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.banners.BannersFixture;
import dev.parley.banners.BannersPlugin;
import dev.parley.banners.banner.BannerDraft;
import dev.parley.banners.banner.Placement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared macros are rendered per partner and member; inserted values can never inject markup. */
class PersonalisationTest {

    private static BannersFixture f;

    @BeforeAll
    static void setUp() {
        f = new BannersFixture("bnr_personal");
    }

    @AfterAll
    static void tearDown() {
        f.close();
    }

    @Test
    void macrosAreRenderedPerPartnerAndMember() {
        BannerDraft d = BannersFixture.draft("Hi {partner_first_name} of {partner_name}");
        d.setBody("Your link for {offer_name} at {program_name}: {offer_tracking_link}");
        d.setOfferId(f.jackets.id());
        d.setCtaLabel("Promote {offer_name}");
        d.setCtaUrl("{offer_tracking_link}");
        long id = f.publish(d);
        ShownBanner maya = f.services.display().show(f.member(f.maya), Placement.DASHBOARD).stream()
                .filter(b -> b.id() == id).findFirst().orElseThrow();
        assertEquals("Hi Maya of Trail Blazers", maya.headline());
        String mayaLink = f.host.trackingLinks().linkFor(f.program.id(), f.jackets.id(), f.trail.id());
        assertTrue(maya.bodyHtml().contains("Winter Jackets at Acme Outdoor"), maya.bodyHtml());
        assertTrue(maya.bodyHtml().contains(mayaLink), maya.bodyHtml());
        assertEquals("Promote Winter Jackets", maya.ctaLabel());
        assertEquals(mayaLink, maya.ctaUrl());

        ShownBanner leo = f.services.display().show(f.member(f.leo), Placement.DASHBOARD).stream()
                .filter(b -> b.id() == id).findFirst().orElseThrow();
        assertEquals("Hi Leo of Summit Deals", leo.headline());
        assertEquals(f.host.trackingLinks().linkFor(f.program.id(), f.jackets.id(), f.summit.id()), leo.ctaUrl());
    }

    @Test
    void clickGoesToThePersonalisedLinkOnlyForMembersWhoSeeTheBanner() {
        BannerDraft d = BannersFixture.draft("Click me");
        d.setCtaLabel("Open");
        d.setCtaUrl("https://acme.test/welcome?who={partner_name}");
        d.setAudienceKind(dev.parley.banners.banner.AudienceKind.RULES);
        d.setRuleTag("Influencers");
        long id = f.publish(d);
        assertEquals("https://acme.test/welcome?who=Trail%20Blazers",
                f.services.display().click(f.member(f.maya), id).orElseThrow());
        assertTrue(f.services.display().click(f.member(f.leo), id).isEmpty(), "not in the audience");
        assertTrue(f.services.display().click(f.manager, id).isEmpty(), "brand users do not click partner banners");
    }

    @Test
    void partnerDataCannotInjectMarkupOrLinks() {
        var evil = f.host.directory().addPartner(f.program.id(), "<script>alert(1)</script>[x](javascript:alert(2))",
                "evil@x.test", PartnershipStatus.APPROVED, "Evil");
        PartnerMember eve = f.host.directory().addMember(evil.id(), "<img src=x onerror=alert(3)> Eve", "eve@x.test", null);
        BannerDraft d = BannersFixture.draft("Hello {partner_name}");
        d.setBody("Dear {partner_first_name}, welcome {partner_name}");
        d.setCtaLabel("Go");
        d.setCtaUrl("https://acme.test/?p={partner_name}");
        d.setAudienceKind(dev.parley.banners.banner.AudienceKind.RULES);
        d.setRuleTag("Evil");
        long id = f.publish(d);
        ShownBanner shown = f.services.display().show(f.member(eve), Placement.DASHBOARD).stream()
                .filter(b -> b.id() == id).findFirst().orElseThrow();
        String html = shown.bodyHtml();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertEquals("Hello <script>alert(1)</script>[x](javascript:alert(2))", shown.headline(), "plain text; escaped by the panel");
        assertTrue(shown.ctaUrl().startsWith("https://acme.test/?p=%3Cscript%3Ealert%281%29%3C%2Fscript%3E"), shown.ctaUrl());
    }

    @Test
    void nothingIsShownWhenThePlanLacksTheFeature() {
        f.publish(BannersFixture.draft("Plan gated"));
        assertTrue(f.seenBy(f.maya).contains("Plan gated"));
        f.host.disableFeature(f.program.id(), BannersPlugin.FEATURE);
        try {
            assertEquals(List.of(), f.services.display().show(f.member(f.maya), Placement.DASHBOARD));
        } finally {
            f.host.enableFeature(f.program.id(), BannersPlugin.FEATURE);
        }
    }
}
