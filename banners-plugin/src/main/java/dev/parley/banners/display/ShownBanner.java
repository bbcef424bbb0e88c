package dev.parley.banners.display;

import dev.parley.banners.banner.BannerStyle;
import java.io.Serializable;

/**
 * A banner personalised for one partner member, ready to show.
 *
 * @param id banner id
 * @param headline plain text (escaped when rendered)
 * @param bodyHtml sanitised HTML from the light Markdown
 * @param ctaLabel call-to-action label (plain text), or {@code null} when there is no usable link
 * @param ctaUrl the personalised http(s) target, or {@code null}
 * @param style the look
 * @param imageId image, or {@code null}
 * @param dismissible whether the member may dismiss it
 */
public record ShownBanner(long id, String headline, String bodyHtml, String ctaLabel, String ctaUrl, BannerStyle style,
        Long imageId, boolean dismissible) implements Serializable {

    public boolean hasCta() {
        return ctaLabel != null && ctaUrl != null;
    }
}
