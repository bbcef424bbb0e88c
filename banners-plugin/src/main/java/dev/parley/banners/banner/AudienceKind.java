package dev.parley.banners.banner;

/** Who a banner is for. */
public enum AudienceKind {
    /** Every partner of the program. */
    ALL,
    /** A saved audience offered by another plugin (messaging). */
    SAVED,
    /** Rules on tags, status, offers and performance. */
    RULES
}
