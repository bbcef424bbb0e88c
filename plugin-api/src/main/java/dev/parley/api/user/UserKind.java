package dev.parley.api.user;

/**
 * Who is using the host.
 *
 * @since 1.0
 */
public enum UserKind {
    /** A member of a brand's team (program manager, analyst, admin). */
    BRAND,
    /** A member of a partner company, using the partner portal. */
    PARTNER
}
