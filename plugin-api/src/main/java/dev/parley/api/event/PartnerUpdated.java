package dev.parley.api.event;

/**
 * A partner's tags, manager or members changed in a program.
 *
 * @since 1.0
 */
public record PartnerUpdated(long programId, long partnerId) implements ParleyEvent {
}
