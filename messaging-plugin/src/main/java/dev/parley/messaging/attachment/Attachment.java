package dev.parley.messaging.attachment;

import java.io.Serializable;
import java.time.Instant;

/**
 * A file of a message that passed the type and virus checks.
 *
 * @param contentType the type decided from the file's content
 * @param sha256 hex digest; names the stored file
 */
public record Attachment(long id, long messageId, long conversationId, String fileName, String contentType,
        long sizeBytes, String sha256, Instant createdAt) implements Serializable {
}
