package dev.parley.api.ui;

import dev.parley.api.user.CurrentUser;
import java.io.Serializable;

/**
 * What a slot panel is shown for.
 *
 * @param viewer the logged-in user
 * @param programId the program of the page
 * @param partnerId the partner shown (profile pages, portal), or {@code null}
 * @param memberId the member shown (member actions, portal), or {@code null}
 * @since 1.0
 */
public record SlotContext(CurrentUser viewer, long programId, Long partnerId, Long memberId) implements Serializable {
}
