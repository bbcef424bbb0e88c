package dev.parley.api.event;

/**
 * A partner applied to or was added to a program.
 *
 * @since 1.0
 */
public record PartnerJoined(long programId, long partnerId) implements ParleyEvent {
}
