package dev.parley.api.user;

/**
 * Well-known permission keys. Plugins may declare more through
 * {@link dev.parley.api.feature.FeatureContribution}.
 *
 * @since 1.0
 */
public final class Permissions {

    /** Send and read partner messages. */
    public static final String MESSAGING = "messaging";
    /** Create and publish dashboard banners. */
    public static final String BANNERS = "banners";
    /** Manage partners (status, groups, managers). */
    public static final String MANAGE_PARTNERS = "manage_partners";
    /** Administer the account: plans, roles, plugins. */
    public static final String ADMINISTER = "administer";
    /** View partners and reports. */
    public static final String VIEW_PARTNERS = "view_partners";

    private Permissions() {
    }
}
