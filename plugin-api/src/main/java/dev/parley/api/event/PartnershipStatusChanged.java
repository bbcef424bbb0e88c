package dev.parley.api.event;

import dev.parley.api.partner.PartnershipStatus;

/**
 * A partner's status in a program changed (for example pending to approved).
 *
 * @since 1.0
 */
public record PartnershipStatusChanged(long programId, long partnerId, PartnershipStatus before,
        PartnershipStatus after) implements ParleyEvent {
}
