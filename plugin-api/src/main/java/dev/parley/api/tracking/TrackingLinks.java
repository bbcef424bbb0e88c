package dev.parley.api.tracking;

/**
 * Per-partner tracking links, as used by the {@code {offer_tracking_link}} macro.
 *
 * @since 1.0
 */
public interface TrackingLinks {

    /**
     * @return the partner's unique tracking URL for the offer; stable for the same partner and offer
     * @throws IllegalArgumentException when the offer or partner is not in the program
     */
    String linkFor(long programId, long offerId, long partnerId);
}
