package dev.parley.banners.banner;

import dev.parley.api.plugin.HostServices;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes uploaded images that no banner uses once they are older than {@link #GRACE}.
 *
 * <p>The editor stores an image as soon as it is chosen, before the banner is saved, so the live
 * preview can show it; a banner that then fails validation, or an editor left open and abandoned,
 * leaves an image nobody will ever see. The grace period keeps an image alive while its editor may
 * still save it. An image used by any banner, archived ones included (kept for their analytics), is
 * never deleted. Runs when the plugin starts and then every {@code banners.images.cleanup.minutes}
 * (default 60; 0 turns the periodic run off).
 */
public final class UnusedImages implements AutoCloseable {

    /** How long an image no banner uses is kept: longer than any editing session. */
    public static final Duration GRACE = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(UnusedImages.class);

    private final SqlSessionFactory sessions;
    private final HostServices host;
    private ScheduledExecutorService scheduler;

    public UnusedImages(SqlSessionFactory sessions, HostServices host) {
        this.sessions = sessions;
        this.host = host;
    }

    /** Deletes what is due now, then schedules the periodic run. */
    public void start() {
        deleteDueLogged();
        long minutes = host.setting("banners.images.cleanup.minutes").map(Long::parseLong).orElse(60L);
        if (minutes > 0) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "parley-banners-images");
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(this::deleteDueLogged, minutes, minutes, TimeUnit.MINUTES);
        }
    }

    /**
     * Deletes every image created more than {@link #GRACE} ago that no banner uses.
     *
     * @return how many images were deleted
     */
    public int deleteDue() {
        Instant before = host.clock().instant().minus(GRACE);
        int deleted = 0;
        try (SqlSession s = sessions.openSession()) {
            BannerMapper m = s.getMapper(BannerMapper.class);
            for (long id : m.unusedImagesBefore(before)) {
                // Re-checked under the image's lock: a banner being saved with it holds a share lock
                // (BannerService.save), so the image is either used by then or the save finds it gone.
                if (m.lockImageForDelete(id) != null && m.imageUses(id) == 0) {
                    deleted += m.deleteImage(id);
                }
                s.commit(true);
            }
        }
        return deleted;
    }

    private void deleteDueLogged() {
        try {
            int deleted = deleteDue();
            if (deleted > 0) {
                LOG.info("Deleted {} uploaded banner image(s) no banner used for {}", deleted, GRACE);
            }
        } catch (RuntimeException e) {
            // a failed run is retried on the next one; it must not stop the schedule or the plugin's start
            LOG.error("Deleting unused banner images failed", e);
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
