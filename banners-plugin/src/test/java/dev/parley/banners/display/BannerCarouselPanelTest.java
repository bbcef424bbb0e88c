package dev.parley.banners.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.testing.TestWicketApplication;
import dev.parley.api.ui.SlotContext;
import dev.parley.banners.BannersFixture;
import dev.parley.banners.BannersPlugin;
import dev.parley.banners.banner.BannerDraft;
import dev.parley.banners.banner.BannerStyle;
import dev.parley.banners.banner.Placement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The portal carousel: accessible markup, CSP-friendly (no inline script or style), escaping, dismissal, plan gate. */
class BannerCarouselPanelTest {

    private BannersFixture f;
    private WicketTester tester;

    @BeforeEach
    void setUp() {
        f = new BannersFixture("bnr_panel");
        tester = new WicketTester(new TestWicketApplication(f.host));
    }

    @AfterEach
    void tearDown() {
        tester.destroy();
        f.close();
    }

    private SlotTestPage panelFor(dev.parley.api.partner.PartnerMember m, Placement placement) {
        var viewer = f.member(m);
        f.host.actAs(viewer);
        return new SlotTestPage(new SlotContext(viewer, f.program.id(), m.partnerId(), m.id()), placement);
    }

    @Test
    void severalBannersRotateInAnAccessibleCarousel() {
        BannerDraft a = BannersFixture.draft("First news");
        a.setPriority(1);
        BannerDraft b = BannersFixture.draft("Second news");
        b.setPriority(2);
        b.setStyle(BannerStyle.WARNING);
        f.publish(b);
        f.publish(a);
        tester.startPage(panelFor(f.maya, Placement.DASHBOARD));
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("role=\"region\""), html);
        assertTrue(html.contains("aria-roledescription=\"carousel\""));
        assertTrue(html.contains("aria-label=\"Announcements\""));
        assertTrue(html.contains("aria-roledescription=\"slide\""));
        assertTrue(html.contains("aria-label=\"1 of 2: First news\""), html);
        assertTrue(html.contains("aria-label=\"2 of 2: Second news\""));
        assertTrue(html.contains("aria-label=\"Previous announcement\"") && html.contains("aria-label=\"Next announcement\""));
        assertTrue(html.contains("aria-label=\"Pause rotation\"") && html.contains("data-label-play=\"Resume rotation\""));
        assertTrue(html.contains("data-interval=\"5000\""));
        assertTrue(html.indexOf("First news") < html.indexOf("Second news"), "priority order");
        assertTrue(html.contains("alert-warning"));
        assertTrue(Pattern.compile("<script[^>]+src=\"[^\"]*banners[^\"]*\\.js").matcher(html).find(), html);
        assertTrue(html.contains("banners") && html.contains(".css"));
        assertNoInlineScriptOrStyle(html);
    }

    @Test
    void aSingleBannerHasNoCarouselControls() {
        f.publish(BannersFixture.draft("Only one"));
        tester.startPage(panelFor(f.maya, Placement.DASHBOARD));
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("Only one"));
        assertFalse(html.contains("bnr-prev"));
    }

    @Test
    void partnerNamesAreEscaped() {
        var evil = f.host.directory().addPartner(f.program.id(), "<script>alert(1)</script>", "e@x.test", PartnershipStatus.APPROVED);
        var eve = f.host.directory().addMember(evil.id(), "Eve", "eve@x.test", null);
        f.publish(BannersFixture.draft("Hi {partner_name}"));
        tester.startPage(panelFor(eve, Placement.DASHBOARD));
        String html = tester.getLastResponseAsString();
        assertFalse(html.contains("<script>alert(1)"), html);
        assertTrue(html.contains("Hi &lt;script&gt;alert(1)&lt;/script&gt;"), html);
    }

    @Test
    void dismissingRemovesTheBannerForTheMember() {
        f.publish(BannersFixture.draft("Go away"));
        tester.startPage(panelFor(f.maya, Placement.DASHBOARD));
        assertTrue(tester.getLastResponseAsString().contains("Go away"));
        tester.clickLink("banners:carousel:slides:0:dismiss");
        assertTrue(f.seenBy(f.maya).isEmpty());
        assertFalse(tester.getLastResponseAsString().contains("Go away"));
    }

    @Test
    void ctaLinksGoThroughTheClickRecorder() {
        BannerDraft d = BannersFixture.draft("Linked");
        d.setCtaLabel("Open");
        d.setCtaUrl("https://acme.test/open");
        f.publish(d);
        tester.startPage(panelFor(f.maya, Placement.DASHBOARD));
        String html = tester.getLastResponseAsString();
        Matcher m = Pattern.compile("class=\"btn btn-sm btn-primary bnr-cta\"[^>]*href=\"([^\"]+)\"|href=\"([^\"]+)\"[^>]*class=\"btn btn-sm btn-primary bnr-cta\"").matcher(html);
        assertTrue(m.find(), html);
        String href = m.group(1) != null ? m.group(1) : m.group(2);
        assertFalse(href.contains("acme.test"), "the target is decided on the server: " + href);
        assertTrue(href.contains("banner="), href);
    }

    @Test
    void criticalBannersOnEveryPageAndOthersOnlyOnTheDashboard() {
        BannerDraft critical = BannersFixture.draft("Outage tonight");
        critical.setStyle(BannerStyle.CRITICAL);
        critical.setPlacement(Placement.EVERY_PAGE);
        f.publish(critical);
        f.publish(BannersFixture.draft("Dashboard news"));
        tester.startPage(panelFor(f.maya, Placement.EVERY_PAGE));
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("Outage tonight") && html.contains("alert-danger"));
        assertFalse(html.contains("Dashboard news"));
    }

    @Test
    void nothingForBrandUsersOrWithoutThePlanFeature() {
        f.publish(BannersFixture.draft("Hidden"));
        assertNull(BannerSlots.create("banners", new SlotContext(f.manager, f.program.id(), null, null), Placement.DASHBOARD));
        f.host.disableFeature(f.program.id(), BannersPlugin.FEATURE);
        tester.startPage(panelFor(f.maya, Placement.DASHBOARD));
        assertFalse(tester.getLastResponseAsString().contains("Hidden"));
        assertFalse(tester.getLastResponseAsString().contains("carousel"));
    }

    static void assertNoInlineScriptOrStyle(String html) {
        Matcher scripts = Pattern.compile("<script([^>]*)>([\\s\\S]*?)</script>").matcher(html);
        while (scripts.find()) {
            assertTrue(scripts.group(1).contains("src="), "inline script: " + scripts.group());
            assertEquals("", scripts.group(2).strip(), "inline script: " + scripts.group());
        }
        assertFalse(Pattern.compile("\\sstyle=\"").matcher(html).find(), "style attribute in " + html);
        assertFalse(Pattern.compile("\\son[a-z]+=\"").matcher(html).find(), "event handler attribute in " + html);
    }
}
