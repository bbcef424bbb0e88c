package dev.parley.messaging.search;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads messages for the index from the source of truth (MariaDB). Implemented by the inbox over its
 * tables. Must be thread-safe: the change follower and a rebuild may call it at the same time.
 */
public interface MessageSource {

    /** @return how many documents {@link #streamAll} will deliver (for rebuild progress; may be an estimate) */
    long count();

    /** Streams every message and bulk message, in id order, without holding them all in memory. */
    void streamAll(Consumer<MessageDocument> sink);

    /** @return the current document, or empty when the message (or bulk message) no longer exists */
    Optional<MessageDocument> find(MessageDocument.Kind kind, long id);

    /** @return the current documents of every message of the conversation (empty when it is gone) */
    List<MessageDocument> conversation(long conversationId);
}
