package dev.parley.banners.banner;

import dev.parley.api.partner.PartnershipStatus;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A stored banner. Times are UTC instants; {@code contentHash} changes whenever what partners see
 * changes, which brings dismissed banners back.
 */
public record Banner(long id, long programId, String internalName, String headline, String body, Long imageId,
        String ctaLabel, String ctaUrl, BannerStyle style, Placement placement, int priority,
        AudienceKind audienceKind, Long audienceId, String ruleTag, PartnershipStatus ruleStatus, Long ruleOfferId,
        BigDecimal ruleMinRevenue, Integer ruleMonths, Long offerId, boolean dismissible, Instant startsAt,
        Instant endsAt, boolean published, boolean archived, String contentHash, long createdBy, Instant createdAt,
        Instant updatedAt) implements Serializable {

    /** @return the status at the instant */
    public BannerStatus status(Instant now) {
        return BannerStatus.of(published, archived, startsAt, endsAt, now);
    }

    /** @return whether partners see it at the instant (published, not archived, within its schedule) */
    public boolean isLive(Instant now) {
        return status(now) == BannerStatus.ACTIVE;
    }
}
