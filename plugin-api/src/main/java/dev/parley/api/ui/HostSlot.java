package dev.parley.api.ui;

/**
 * Named places in host pages where plugins may add panels.
 *
 * @since 1.0
 */
public enum HostSlot {
    /** Top of the partner portal dashboard (notifications, banners). */
    PARTNER_DASHBOARD_TOP,
    /** Top of every partner portal page (critical announcements). */
    PORTAL_EVERY_PAGE,
    /** The brand dashboard. */
    BRAND_DASHBOARD,
    /** Actions on a partner's profile (e.g. "Message team"). */
    PARTNER_PROFILE_ACTIONS,
    /** Actions next to one member on a partner's profile (e.g. "Message member"). */
    PARTNER_MEMBER_ACTIONS,
    /** A section of the brand settings page. */
    SETTINGS
}
