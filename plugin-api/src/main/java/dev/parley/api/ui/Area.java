package dev.parley.api.ui;

/**
 * Where a page or tab lives, and so who may open it.
 *
 * @since 1.0
 */
public enum Area {
    /** Anyone, logged in or not. */
    PUBLIC,
    /** Brand users (the program's team). */
    BRAND,
    /** Partner members, in the partner portal. */
    PORTAL
}
