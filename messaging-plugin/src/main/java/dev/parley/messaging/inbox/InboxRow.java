package dev.parley.messaging.inbox;

import dev.parley.messaging.conversation.Conversation;
import java.io.Serializable;

/**
 * A conversation as listed in the inbox.
 *
 * @param assigneeName the assigned manager's name, or {@code null}
 */
public record InboxRow(Conversation conversation, String assigneeName) implements Serializable {
}
