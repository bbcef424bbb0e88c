package dev.parley.banners.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.testing.TestWicketApplication;
import dev.parley.banners.BannersFixture;
import dev.parley.banners.analytics.BannerAnalyticsPage;
import dev.parley.banners.banner.Banner;
import dev.parley.banners.banner.BannerDraft;
import dev.parley.banners.banner.BannerStatus;
import dev.parley.banners.banner.Placement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.file.File;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The brand pages: list by status, editor with preview, duplicate, archive, analytics; in English and Chinese. */
class BannerPagesTest {

    private BannersFixture f;
    private WicketTester tester;

    @BeforeEach
    void setUp() {
        f = new BannersFixture("bnr_pages");
        f.host.actAs(f.manager);
        tester = new WicketTester(new TestWicketApplication(f.host));
    }

    @AfterEach
    void tearDown() {
        tester.destroy();
        f.close();
    }

    private List<Banner> all() {
        return f.services.banners().list(f.manager, null);
    }

    @Test
    void listShowsBannersAndFiltersByStatus() {
        f.publish(BannersFixture.draft("Live one"));
        f.services.banners().save(f.manager, null, BannersFixture.draft("Draft one"), false);
        tester.startPage(BannersPage.class);
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("Live one") && html.contains("Draft one"), html);
        tester.startPage(BannersPage.class, new PageParameters().add("status", "draft"));
        html = tester.getLastResponseAsString();
        assertTrue(html.contains("Draft one"));
        assertFalse(html.contains("Live one"));
    }

    @Test
    void editorPublishesABannerInTheEditorsZone() {
        f.host.actAs(BannersFixture.brand(f.program.id(), java.time.ZoneId.of("Asia/Shanghai"), dev.parley.api.user.Permissions.BANNERS));
        tester.startPage(BannerEditPage.class);
        FormTester form = tester.newFormTester("form");
        form.setValue("internalName", "Winter launch");
        form.setValue("headline", "Winter is here, {partner_name}");
        form.setValue("body", "New **jackets** in stock.");
        form.setValue("ctaLabel", "Shop");
        form.setValue("ctaUrl", "https://acme.test/winter");
        form.setValue("startsAt", "2026-12-01T08:00");
        form.submit("publish");
        tester.assertNoErrorMessage();
        tester.assertRenderedPage(BannersPage.class);
        Banner b = all().stream().filter(x -> x.internalName().equals("Winter launch")).findFirst().orElseThrow();
        assertEquals(java.time.Instant.parse("2026-12-01T00:00:00Z"), b.startsAt());
        assertEquals(BannerStatus.SCHEDULED, b.status(f.host.clock().instant()));
        assertTrue(tester.getLastResponseAsString().contains("Winter launch"));
    }

    @Test
    void editorRefusesAJavascriptLinkWithAClearMessage() {
        tester.startPage(BannerEditPage.class);
        FormTester form = tester.newFormTester("form");
        form.setValue("internalName", "Evil");
        form.setValue("headline", "Click");
        form.setValue("ctaLabel", "Go");
        form.setValue("ctaUrl", "javascript:alert(document.cookie)");
        form.submit("publish");
        tester.assertRenderedPage(BannerEditPage.class);
        tester.assertErrorMessages("The button link must start with http:// or https:// (javascript: and other kinds of links are not allowed).");
        assertTrue(all().isEmpty());
    }

    @Test
    void editorNamesAnUnknownMacro() {
        tester.startPage(BannerEditPage.class);
        FormTester form = tester.newFormTester("form");
        form.setValue("internalName", "Typo");
        form.setValue("headline", "Hi {partnr_name}");
        form.submit("saveDraft");
        tester.assertErrorMessages("Unknown macro {partnr_name}. Use one of the listed macros.");
    }

    @Test
    void imageTypeIsDecidedByContent(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("photo.png");
        Files.writeString(fake, "<html><script>alert(1)</script></html>", StandardCharsets.UTF_8);
        tester.startPage(BannerEditPage.class);
        FormTester form = tester.newFormTester("form");
        form.setValue("internalName", "With image");
        form.setValue("headline", "Look");
        form.setFile("image", new File(fake.toFile()), "image/png");
        form.submit("publish");
        tester.assertErrorMessages("Only JPEG, PNG and GIF images are allowed (this file is text/html).");
        assertTrue(all().isEmpty());

        Path png = dir.resolve("real.bin");
        Files.write(png, java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));
        tester.startPage(BannerEditPage.class);
        form = tester.newFormTester("form");
        form.setValue("internalName", "With image");
        form.setValue("headline", "Look");
        form.setFile("image", new File(png.toFile()), "application/octet-stream");
        form.submit("publish");
        tester.assertNoErrorMessage();
        Banner b = all().get(0);
        assertEquals("image/png", f.services.banners().image(f.manager, b.imageId(), x -> false).orElseThrow().getContentType());
    }

    /** An image whose name, as the browser sent it, is whatever the test says (paths included). */
    private static File sentAs(Path real, String sentName) {
        return new File(real.toFile()) {
            private static final long serialVersionUID = 1L;

            @Override
            public String getName() {
                return sentName;
            }
        };
    }

    private long imageRows() throws Exception {
        try (var c = f.host.dataSource().getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM bnr_image")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anImageNamedWithAFolderPathIsRefusedByNameAndNothingIsStored(@TempDir Path dir) throws Exception {
        Path png = Files.write(dir.resolve("real.png"), java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));
        long imagesBefore = imageRows();
        for (String name : List.of("../../etc/passwd.png", "a/b.png", "..\\..\\x.png", "C:\\temp\\x.png")) {
            tester.startPage(BannerEditPage.class);
            FormTester form = tester.newFormTester("form");
            form.setValue("internalName", "With image");
            form.setValue("headline", "Look");
            form.setFile("image", sentAs(png, name), "image/png");
            form.submit("publish");
            tester.assertErrorMessages("“" + name + "” was refused: a file name must not contain a folder path "
                    + "(/ or \\ or ..). Rename the image and upload it again.");
            assertTrue(all().isEmpty(), "no banner for " + name);
            assertEquals(imagesBefore, imageRows(), "no image stored for " + name);
        }
    }

    @Test
    void previewAsAChosenPartner() {
        tester.startPage(BannerEditPage.class);
        FormTester form = tester.newFormTester("form");
        form.setValue("internalName", "Preview");
        form.setValue("headline", "Hello {partner_name}");
        form.setValue("body", "Dear {partner_first_name}");
        form.setValue("previewPartner", String.valueOf(f.summit.id()));
        form.submit("preview");
        tester.assertNoErrorMessage();
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("Hello Summit Deals"), html);
        assertTrue(html.contains("Dear Leo"), html);
        assertTrue(html.contains("Audience right now: 3 partners"), html);
        assertTrue(all().isEmpty(), "a preview saves nothing");
    }

    @Test
    void previewPartnerCanBeFoundBySearch() {
        tester.startPage(BannerEditPage.class);
        FormTester form = tester.newFormTester("form");
        form.setValue("internalName", "Search");
        form.setValue("headline", "Hi {partner_name}");
        form.setValue("previewSearch", "pending");
        form.submit("preview");
        tester.assertNoErrorMessage();
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("Hi Pending Co"), html);
        assertFalse(html.contains(">Summit Deals</option>"), html);
    }

    @Test
    void livePreviewRendersForTheChosenPartnerAndReportsProblems() {
        tester.getApplication().mountResource("/banner-preview", LivePreviewResource.REFERENCE);
        tester.startPage(BannerEditPage.class);
        String page = tester.getLastResponseAsString();
        assertTrue(page.contains("data-preview-url=\""), page);
        assertTrue(page.contains("banners-editor") && page.contains(".js"), page);

        tester.getRequest().setMethod("POST");
        tester.getRequest().setParameter("headline", "Hello {partner_name}");
        tester.getRequest().setParameter("body", "Dear {partner_first_name} <script>alert(1)</script>");
        tester.getRequest().setParameter("style", "WARNING");
        tester.getRequest().setParameter("previewPartner", String.valueOf(f.summit.id()));
        tester.executeUrl("banner-preview");
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("Hello Summit Deals"), html);
        assertTrue(html.contains("Dear Leo"), html);
        assertTrue(html.contains("alert-warning"), html);
        assertFalse(html.contains("<script>"), html);

        tester.getRequest().setMethod("POST");
        tester.getRequest().setParameter("headline", "Hi {partnr_name}");
        tester.getRequest().setParameter("ctaLabel", "Go");
        tester.getRequest().setParameter("ctaUrl", "javascript:alert(1)");
        tester.getRequest().setParameter("previewPartner", String.valueOf(f.summit.id()));
        tester.executeUrl("banner-preview");
        html = tester.getLastResponseAsString();
        assertTrue(html.contains("Unknown macro {partnr_name}."), html);
        assertTrue(html.contains("must start with http:// or https://"), html);
        assertTrue(all().isEmpty(), "a preview saves nothing");

        f.host.actAs(f.member(f.maya));
        tester.executeUrl("banner-preview");
        assertEquals(403, tester.getLastResponse().getStatus());
    }

    @Test
    void editingAnExistingBannerKeepsItsValues() {
        BannerDraft d = BannersFixture.draft("Editable");
        d.setPriority(7);
        long id = f.publish(d);
        tester.startPage(BannerEditPage.class, new PageParameters().add("id", id));
        tester.assertModelValue("form:headline", "Editable");
        FormTester form = tester.newFormTester("form");
        form.setValue("headline", "Edited");
        form.submit("publish");
        tester.assertNoErrorMessage();
        Banner b = f.services.banners().find(f.manager, id).orElseThrow();
        assertEquals("Edited", b.headline());
        assertEquals(7, b.priority());
    }

    @Test
    void duplicateAndArchiveFromTheList() {
        long id = f.publish(BannersFixture.draft("Twin"));
        tester.startPage(BannersPage.class);
        tester.clickLink("rows:0:duplicate");
        tester.assertRenderedPage(BannerEditPage.class);
        assertEquals(2, all().size());
        assertTrue(all().stream().anyMatch(b -> b.internalName().equals("Copy of Banner Twin")
                && b.status(f.host.clock().instant()) == BannerStatus.DRAFT));
        tester.startPage(BannersPage.class, new PageParameters().add("status", "active"));
        tester.clickLink("rows:0:archive");
        assertEquals(BannerStatus.ARCHIVED, f.services.banners().find(f.manager, id).orElseThrow().status(f.host.clock().instant()));
        assertTrue(f.seenBy(f.maya).isEmpty());
    }

    @Test
    void analyticsPageShowsTheCounts() {
        BannerDraft d = BannersFixture.draft("Counted");
        d.setCtaLabel("Go");
        d.setCtaUrl("https://acme.test");
        long id = f.publish(d);
        f.services.display().show(f.member(f.maya), Placement.DASHBOARD);
        f.services.display().show(f.member(f.leo), Placement.DASHBOARD);
        f.services.display().click(f.member(f.leo), id);
        tester.startPage(BannerAnalyticsPage.class, new PageParameters().add("id", id));
        tester.assertLabel("partnersReached", "2");
        tester.assertLabel("clicks", "1");
        tester.assertLabel("ctr", "50.0%"); // a percentage in the viewer's locale
        tester.assertContains("<canvas[^>]*data-parley-chart=");
        tester.assertLabel("days:0:dayReached", "2");
    }

    @Test
    void chineseTexts() {
        tester.getSession().setLocale(Locale.SIMPLIFIED_CHINESE);
        tester.startPage(BannersPage.class);
        assertTrue(tester.getLastResponseAsString().contains("仪表板横幅"));
        tester.startPage(BannerEditPage.class);
        assertTrue(tester.getLastResponseAsString().contains("新建横幅"));
    }
}
