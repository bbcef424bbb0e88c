package dev.parley.banners.banner;

/** How a banner looks; critical banners may also be shown on every portal page. */
public enum BannerStyle {
    INFO, SUCCESS, WARNING, CRITICAL
}
