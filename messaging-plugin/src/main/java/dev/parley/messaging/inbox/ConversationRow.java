package dev.parley.messaging.inbox;

import java.io.Serializable;
import java.time.Instant;

/** A conversation as listed in an inbox. */
public record ConversationRow(long id, long programId, long partnerId, Long memberId, String subject, String status,
        boolean unread, Instant lastMessageAt) implements Serializable {
}
