package dev.parley.api.user;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * The logged-in user of a request. A brand user acts for one program; a partner member acts for
 * one partner company inside the program chosen at login (a partner may belong to several).
 *
 * @param userId brand user id or partner member id, depending on {@code kind}
 * @param kind brand user or partner member
 * @param displayName name to show
 * @param email login e-mail
 * @param programId the program (brand) the user acts in
 * @param partnerId the partner company, for partner members; {@code null} for brand users
 * @param roles role names (brand users)
 * @param permissions effective permission keys (brand users)
 * @param platformAdmin whether the user administers the whole platform
 * @param zoneId the user's time zone, for showing times
 * @param locale the user's language
 * @since 1.0
 */
public record CurrentUser(long userId, UserKind kind, String displayName, String email, long programId,
        Long partnerId, Set<String> roles, Set<String> permissions, boolean platformAdmin, ZoneId zoneId,
        Locale locale) implements Serializable {

    public CurrentUser {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    /** @return whether this is a brand user holding the permission (platform admins hold all) */
    public boolean can(String permission) {
        return kind == UserKind.BRAND && (platformAdmin || permissions.contains(permission));
    }

    /** @return whether this is a partner member */
    public boolean isPartner() {
        return kind == UserKind.PARTNER;
    }

    /** @return whether this is a brand user */
    public boolean isBrand() {
        return kind == UserKind.BRAND;
    }
}
