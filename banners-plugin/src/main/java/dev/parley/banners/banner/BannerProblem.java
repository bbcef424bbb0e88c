package dev.parley.banners.banner;

import java.io.Serializable;

/**
 * One reason a banner cannot be saved: a resource key ({@code error.<key>} in the editor's
 * properties) and an optional detail such as the unknown macro's name.
 *
 * @param field the draft field concerned
 * @param key what is wrong
 * @param detail value to show in the message, or {@code null}
 */
public record BannerProblem(String field, String key, String detail) implements Serializable {
}
