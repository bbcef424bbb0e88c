package dev.parley.banners.banner;

/** Where a banner is shown in the partner portal. */
public enum Placement {
    /** Top of the partner dashboard. */
    DASHBOARD,
    /** Top of every portal page; critical banners only. */
    EVERY_PAGE
}
