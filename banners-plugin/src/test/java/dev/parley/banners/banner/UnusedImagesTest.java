package dev.parley.banners.banner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.banners.BannersFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Uploaded images no banner uses are deleted a day after the upload (refused input stores nothing for
 * good); images of banners, archived ones included, stay. Checked in the database.
 */
class UnusedImagesTest {

    private BannersFixture f;
    private BannerService banners;

    @BeforeEach
    void setUp() {
        f = new BannersFixture("bnr_unused_images");
        banners = f.services.banners();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private boolean stored(long imageId) throws SQLException {
        try (Connection c = f.host.dataSource().getConnection();
                PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM bnr_image WHERE id = ?")) {
            st.setLong(1, imageId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    private long upload() {
        return banners.uploadImage(f.manager, "banner.png", BannerServiceTest.PNG);
    }

    private void advance(Duration d) {
        f.host.mutableClock().advance(d);
    }

    private int cleanup() {
        return f.services.unusedImages().deleteDue();
    }

    @Test
    void anImageOfABannerThatWasRefusedIsDeletedOneDayAfterTheUpload() throws Exception {
        long image = upload();
        BannerDraft refused = BannersFixture.draft(" ");
        refused.setImageId(image);
        assertThrows(BannerValidationException.class, () -> banners.save(f.manager, null, refused, true));

        advance(Duration.ofHours(23));
        assertEquals(0, cleanup());
        assertTrue(stored(image), "the editor may still save it within the day");

        advance(Duration.ofHours(2));
        assertEquals(1, cleanup());
        assertFalse(stored(image));
    }

    @Test
    void anAbandonedUploadIsDeletedWhenThePluginStartsAfterTheGracePeriod() throws Exception {
        long abandoned = upload();
        advance(UnusedImages.GRACE.plusMinutes(1));
        long fresh = upload();

        f.start();

        assertFalse(stored(abandoned));
        assertTrue(stored(fresh), "uploaded a minute ago");
    }

    @Test
    void imagesOfDraftPublishedAndArchivedBannersAreNeverDeleted() throws Exception {
        long ofDraft = upload();
        long ofPublished = upload();
        long ofArchived = upload();
        BannerDraft draft = BannersFixture.draft("Draft");
        draft.setImageId(ofDraft);
        banners.save(f.manager, null, draft, false);
        BannerDraft published = BannersFixture.draft("Published");
        published.setImageId(ofPublished);
        f.publish(published);
        BannerDraft archived = BannersFixture.draft("Archived");
        archived.setImageId(ofArchived);
        banners.archive(f.manager, f.publish(archived));

        advance(Duration.ofDays(400));
        assertEquals(0, cleanup());
        f.start();

        assertTrue(stored(ofDraft));
        assertTrue(stored(ofPublished));
        assertTrue(stored(ofArchived), "kept with the archived banner's analytics");
        assertTrue(banners.image(f.manager, ofArchived, x -> false).isPresent());
    }

    @Test
    void anImageSavedWithItsBannerLateInTheGracePeriodStays() throws Exception {
        long image = upload();
        advance(Duration.ofHours(23));
        BannerDraft d = BannersFixture.draft("Saved late");
        d.setImageId(image);
        f.publish(d);

        advance(Duration.ofDays(3));
        cleanup();

        assertTrue(stored(image));
    }

    @Test
    void anImageReplacedInItsBannerIsDeletedOneDayLater() throws Exception {
        long first = upload();
        BannerDraft d = BannersFixture.draft("Changing picture");
        d.setImageId(first);
        long banner = f.publish(d);
        advance(Duration.ofHours(2));
        long second = upload();
        BannerDraft changed = BannerDraft.of(banners.find(f.manager, banner).orElseThrow(), f.manager.zoneId());
        changed.setImageId(second);
        banners.save(f.manager, banner, changed, true);

        advance(Duration.ofDays(1));
        cleanup();

        assertFalse(stored(first), "no banner uses it any more");
        assertTrue(stored(second));
    }

    @Test
    void savingABannerWhoseImageWasDeletedAsksForTheImageAgain() throws Exception {
        long image = upload();
        advance(Duration.ofDays(2));
        cleanup();
        BannerDraft d = BannersFixture.draft("Too late");
        d.setImageId(image);

        BannerValidationException e = assertThrows(BannerValidationException.class, () -> f.publish(d));

        assertTrue(e.has("imageMissing"));
        assertTrue(banners.list(f.manager, null).isEmpty(), "nothing saved");
    }
}
