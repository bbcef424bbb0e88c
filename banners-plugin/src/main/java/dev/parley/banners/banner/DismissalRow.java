package dev.parley.banners.banner;

/** A member's dismissal of one version of a banner. */
public record DismissalRow(long bannerId, long memberId, String contentHash) {
}
