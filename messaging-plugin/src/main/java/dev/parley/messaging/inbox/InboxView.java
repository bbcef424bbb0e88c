package dev.parley.messaging.inbox;

import dev.parley.messaging.conversation.ConversationStatus;
import java.util.List;

/** The inbox's tabs. */
public enum InboxView {
    /** Open conversations, read and unread. */
    ALL(ConversationStatus.OPEN, List.of(false, true)),
    /** Open conversations nobody on the team has read since the partner last wrote. */
    UNREAD(ConversationStatus.OPEN, List.of(true)),
    /** Done (archived). */
    DONE(ConversationStatus.DONE, List.of(false, true)),
    SPAM(ConversationStatus.SPAM, List.of(false, true));

    private final ConversationStatus status;
    private final List<Boolean> unread;

    InboxView(ConversationStatus status, List<Boolean> unread) {
        this.status = status;
        this.unread = unread;
    }

    public ConversationStatus status() {
        return status;
    }

    /** @return the read states shown: one index range each */
    public List<Boolean> unreadValues() {
        return unread;
    }
}
