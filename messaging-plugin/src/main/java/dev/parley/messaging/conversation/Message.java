package dev.parley.messaging.conversation;

import dev.parley.messaging.attachment.Attachment;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One time-stamped entry of a thread with its sender and channel.
 *
 * @param authorId brand user id or partner member id, depending on {@code authorKind}
 * @param authorName the sender's name when it was sent
 * @param externalId e-mail Message-ID or SMS gateway id, for de-duplication; {@code null} in the app
 * @param attachments files that passed the type and virus checks
 */
public record Message(long id, long conversationId, AuthorKind authorKind, long authorId, String authorName,
        Channel channel, String body, String externalId, Instant createdAt, List<Attachment> attachments)
        implements Serializable {

    public Message {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** @return the same message with its attachments */
    public Message withAttachments(List<Attachment> files) {
        return new Message(id, conversationId, authorKind, authorId, authorName, channel, body, externalId, createdAt,
                files);
    }
}
