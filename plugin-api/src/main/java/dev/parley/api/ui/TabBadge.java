package dev.parley.api.ui;

import dev.parley.api.user.CurrentUser;

/**
 * A number shown on a menu tab (for example unread conversations). Called once per rendered menu.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface TabBadge {

    /** @return the count to show; 0 hides the badge */
    long count(CurrentUser viewer);
}
