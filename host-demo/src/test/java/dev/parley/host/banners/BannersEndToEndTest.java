package dev.parley.host.banners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerMember;
import dev.parley.host.portal.PortalDashboardPage;
import dev.parley.host.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.wicket.util.file.File;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real banners plugin JAR in the real host: a community manager of Acme (advanced plan) publishes
 * a banner with an image and a personalised link; a partner of Acme sees it on /portal (with the
 * CSP nonce on the carousel script), opens the image, follows the tracked link and dismisses it; the
 * manager sees the analytics. A partner of Bolt (starter plan) sees nothing and Bolt's manager cannot
 * open the banner pages.
 */
class BannersEndToEndTest {

    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @RegisterExtension
    static final TestHost host = TestHost.perClass();

    @Test
    void publishedBannerReachesAcmePartnersOnlyAndIsMeasured(@TempDir Path dir) throws Exception {
        // The brand publishes.
        WicketTester brand = host.loggedIn("cm@acme.test");
        brand.executeUrl("banners/edit");
        assertEquals(200, brand.getLastResponse().getStatus());
        Path image = dir.resolve("logo.png");
        Files.write(image, PNG);
        FormTester form = brand.newFormTester("form");
        form.setValue("internalName", "E2E winter launch");
        form.setValue("headline", "Welcome {partner_first_name}");
        form.setValue("body", "Jackets are **in**, {partner_name}.");
        form.setValue("ctaLabel", "Shop now");
        form.setValue("ctaUrl", "https://acme.test/shop?p={partner_name}");
        form.setFile("image", new File(image.toFile()), "image/png");
        form.submit("publish");
        brand.assertNoErrorMessage();
        String list = brand.getLastResponseAsString();
        assertTrue(list.contains("E2E winter launch"), list);
        Matcher idMatch = Pattern.compile("E2E winter launch[\\s\\S]*?banners/analytics\\?id=(\\d+)").matcher(list);
        assertTrue(idMatch.find(), list);
        String bannerId = idMatch.group(1);

        // A partner member of Acme sees it, personalised, in the accessible carousel with a nonce'd script.
        WicketTester maya = host.loggedIn("maya@trailblazers.test");
        maya.startPage(PortalDashboardPage.class);
        String portal = maya.getLastResponseAsString();
        assertTrue(portal.contains("Welcome Maya"), portal);
        assertTrue(portal.contains("Jackets are <strong>in</strong>, Trail Blazers Media."), portal);
        assertTrue(portal.contains("aria-roledescription=\"carousel\""));
        // With redirect-to-buffer the header is on the response that rendered the page.
        String csp = java.util.stream.Stream.concat(maya.getPreviousResponses().stream(), java.util.stream.Stream.of(maya.getLastResponse()))
                .map(r -> r.getHeader("Content-Security-Policy")).filter(java.util.Objects::nonNull).reduce((a, b) -> b).orElse(null);
        assertNotNull(csp, "the host sends a CSP");
        Matcher script = Pattern.compile("<script[^>]*src=\"[^\"]*banners[^\"]*\\.js\"[^>]*>").matcher(portal);
        assertTrue(script.find(), portal);
        Matcher nonce = Pattern.compile("nonce=\"([^\"]+)\"").matcher(script.group());
        assertTrue(nonce.find(), script.group());
        assertTrue(csp.contains("nonce-" + nonce.group(1)), csp);

        // The image is served to the member with its detected type.
        Matcher img = Pattern.compile("src=\"[^\"]*(banner-image\\?id=\\d+)\"").matcher(portal);
        assertTrue(img.find(), portal);
        maya.executeUrl(img.group(1));
        assertEquals(200, maya.getLastResponse().getStatus());
        assertEquals("image/png", maya.getLastResponse().getContentType());

        // The call to action goes through the click recorder to the personalised link.
        maya.startPage(PortalDashboardPage.class);
        maya.executeUrl("banner-click?banner=" + bannerId);
        assertEquals(302, maya.getLastResponse().getStatus());
        assertEquals("https://acme.test/shop?p=Trail%20Blazers%20Media", maya.getLastResponse().getRedirectLocation());

        // Dismissal, on the real page.
        maya.startPage(PortalDashboardPage.class);
        Matcher dismiss = Pattern.compile("class=\"btn-close bnr-dismiss\" role=\"button\" href=\"\\./([^\"]+)\"")
                .matcher(maya.getLastResponseAsString());
        assertTrue(dismiss.find(), maya.getLastResponseAsString());
        maya.executeUrl(dismiss.group(1).replace("&amp;", "&"));
        maya.startPage(PortalDashboardPage.class);
        assertFalse(maya.getLastResponseAsString().contains("Welcome Maya"));

        // Tom of the same partner still sees it.
        WicketTester tom = host.loggedIn("tom@trailblazers.test");
        tom.startPage(PortalDashboardPage.class);
        assertTrue(tom.getLastResponseAsString().contains("Welcome Tom"));

        // The brand sees the numbers (a fresh tester: WicketTesters of one thread share its Wicket context).
        brand = host.newTester();
        TestHost.login(brand, "cm@acme.test");
        brand.executeUrl("banners/analytics?id=" + bannerId);
        assertEquals(200, brand.getLastResponse().getStatus());
        Matcher figures = Pattern.compile("<dd class=\"fs-3 mb-0\">([^<]*)</dd>").matcher(brand.getLastResponseAsString());
        java.util.List<String> values = new java.util.ArrayList<>();
        while (figures.find()) {
            values.add(figures.group(1));
        }
        // partners reached, members reached, dismissals, clicks, click-through rate
        assertEquals(java.util.List.of("1", "2", "1", "1", "100.0%"), values, brand.getLastResponseAsString()); // rate in the viewer's locale

        // A partner of Bolt (starter plan) sees nothing.
        long bolt = host.programs().bolt();
        var directory = host.host().partners();
        PartnerMember boltMember = null;
        for (Partner p : directory.page(bolt, PartnerFilter.all(), 0, 1000)) {
            if (directory.partner(host.programs().acme(), p.id()).isEmpty() && !directory.members(bolt, p.id()).isEmpty()) {
                boltMember = directory.members(bolt, p.id()).get(0);
                break;
            }
        }
        assertNotNull(boltMember);
        WicketTester boltPartner = host.loggedIn(boltMember.email());
        boltPartner.startPage(PortalDashboardPage.class);
        String boltPortal = boltPartner.getLastResponseAsString();
        assertFalse(boltPortal.contains("Welcome"), boltPortal);
        assertFalse(boltPortal.contains("bnr-carousel"));
        boltPartner.executeUrl("banner-click?banner=" + bannerId);
        assertEquals(404, boltPartner.getLastResponse().getStatus());
    }

    @Test
    void bannerPagesFollowPlanAndPermission() {
        WicketTester boltManager = host.loggedIn("cm@bolt.test");
        boltManager.executeUrl("banners");
        assertEquals(404, boltManager.getLastResponse().getStatus());

        WicketTester analyst = host.loggedIn("analyst@acme.test");
        analyst.executeUrl("banners");
        assertEquals(403, analyst.getLastResponse().getStatus());

        WicketTester cm = host.loggedIn("cm@acme.test");
        cm.executeUrl("banners");
        assertEquals(200, cm.getLastResponse().getStatus());
        assertTrue(cm.getLastResponseAsString().contains("Dashboard banners"));
    }

    @Test
    void criticalBannersShowOnEveryPortalPage() {
        WicketTester brand = host.loggedIn("cm@acme.test");
        brand.executeUrl("banners/edit");
        FormTester form = brand.newFormTester("form");
        form.setValue("internalName", "E2E outage");
        form.setValue("headline", "Tracking outage tonight");
        form.select("style", 3);
        form.select("placement", 1);
        form.setValue("dismissible", false);
        form.submit("publish");
        brand.assertNoErrorMessage();

        WicketTester leo = host.loggedIn("leo@summitdeals.test");
        leo.executeUrl("portal/messages");
        String html = leo.getLastResponseAsString();
        assertEquals(200, leo.getLastResponse().getStatus(), html);
        assertTrue(html.contains("Tracking outage tonight"), html);
        assertTrue(html.contains("alert-danger"));
        assertFalse(html.contains("bnr-dismiss"), "not dismissible");
    }
}
