package dev.parley.messaging.search;

import dev.parley.api.user.CurrentUser;
import java.util.Set;

/**
 * Resolves {@code is:unread}: read state is per conversation and changes far more often than the
 * messages, so it is not indexed but looked up in MariaDB when a query asks for it.
 */
@FunctionalInterface
public interface UnreadLookup {

    /**
     * @param actor a brand user (the shared team read state) or a partner member (the partner side's)
     * @return ids of the conversations that are unread for the actor, within the actor's program
     */
    Set<Long> unreadConversationIds(CurrentUser actor);
}
