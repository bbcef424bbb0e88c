package dev.parley.banners.banner;

import java.time.Instant;

/** A banner's state, derived from its schedule, publication and archive flag. */
public enum BannerStatus {
    DRAFT, SCHEDULED, ACTIVE, EXPIRED, ARCHIVED;

    /**
     * @param published whether the banner was published (otherwise a draft)
     * @param archived whether it was archived
     * @param startsAt first instant it is shown (inclusive)
     * @param endsAt instant it stops being shown (exclusive), or {@code null}
     * @param now the current instant
     */
    public static BannerStatus of(boolean published, boolean archived, Instant startsAt, Instant endsAt, Instant now) {
        if (archived) {
            return ARCHIVED;
        }
        if (!published) {
            return DRAFT;
        }
        if (now.isBefore(startsAt)) {
            return SCHEDULED;
        }
        if (endsAt != null && !now.isBefore(endsAt)) {
            return EXPIRED;
        }
        return ACTIVE;
    }
}
