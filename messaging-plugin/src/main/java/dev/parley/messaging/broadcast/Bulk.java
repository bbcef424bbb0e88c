package dev.parley.messaging.broadcast;

import java.io.Serializable;
import java.time.Instant;

/**
 * A bulk message (or template) as stored, with its live counters.
 *
 * @param kind MESSAGE or TEMPLATE
 * @param audience the encoded {@link dev.parley.messaging.audience.Audience}
 * @param offerIds comma-separated ids of the included offers
 * @param fallbacks the encoded macro fallbacks
 */
public record Bulk(long id, long programId, String kind, BulkStatus status, String name, String subject, String body,
        String audience, String audienceLabel, Long savedAudienceId, String offerIds, String fallbacks,
        boolean allowReplies, boolean emailCopy, Instant scheduledAt, String senderZone, long createdBy,
        String createdByName, Long sentBy, String sentByName, Instant createdAt, Instant updatedAt, Instant startedAt,
        Instant finishedAt, boolean snapshotDone, long snapshotCursor, int snapshotChunks, long fanoutCursor, int recipients, int excluded,
        int delivered, int emailsSent, int emailsFailed, int opens, int replies, String pauseReason)
        implements Serializable {

    public static final String MESSAGE = "MESSAGE";
    public static final String TEMPLATE = "TEMPLATE";

    /** @return opens per delivered copy, 0..1 */
    public double openRate() {
        return delivered == 0 ? 0 : (double) opens / delivered;
    }

    /** @return share of the snapshot already handled by the fan-out, 0..1 (1 once sent) */
    public double progress() {
        if (status == BulkStatus.SENT) {
            return 1;
        }
        int target = recipients - excluded;
        return target <= 0 ? 0 : Math.min(1, (double) delivered / target);
    }
}
