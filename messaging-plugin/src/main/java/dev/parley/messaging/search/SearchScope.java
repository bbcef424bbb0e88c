package dev.parley.messaging.search;

import dev.parley.api.user.CurrentUser;
import java.io.Serializable;

/**
 * Whose messages a search may see, derived only from the acting user (never from request input): a
 * brand user sees every message of the program; a partner member sees the program's conversations of
 * their partner that are with the whole team or with them, and bulk messages addressed to their team
 * or to them.
 *
 * @param programId the tenant
 * @param partnerId the member's partner company; {@code null} for brand users
 * @param memberId the partner member; {@code null} for brand users
 */
public record SearchScope(long programId, Long partnerId, Long memberId) implements Serializable {

    public SearchScope {
        if ((partnerId == null) != (memberId == null)) {
            throw new IllegalArgumentException("A partner scope needs both partner and member");
        }
    }

    /** @return the scope of the user */
    public static SearchScope of(CurrentUser actor) {
        if (actor.isPartner()) {
            if (actor.partnerId() == null) {
                throw new SecurityException("A partner member without a partner");
            }
            return new SearchScope(actor.programId(), actor.partnerId(), actor.userId());
        }
        return new SearchScope(actor.programId(), null, null);
    }

    public boolean isPartner() {
        return partnerId != null;
    }
}
