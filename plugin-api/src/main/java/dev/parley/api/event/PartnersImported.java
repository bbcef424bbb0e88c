package dev.parley.api.event;

/**
 * Many partners were added to a program at once, without a {@link PartnerJoined} for each (a bulk
 * import, or demo partners generated from Settings). Plugins that keep anything derived from the
 * program's partners (audiences, indexes, copies of partner data) bring it up to date for the whole
 * program now, rather than waiting for a periodic refresh. Published once, after the partners are
 * committed.
 *
 * @param programId the program the partners joined
 * @param count how many partners were added
 * @since 1.0
 */
public record PartnersImported(long programId, int count) implements ParleyEvent {
}
