package dev.parley.messaging.broadcast;

/** Where a bulk message is in its life. */
public enum BulkStatus {
    DRAFT, SCHEDULED, SENDING, PAUSED, SENT, CANCELLED
}
