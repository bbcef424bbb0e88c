package dev.parley.api.ui;

import java.util.Objects;
import org.apache.wicket.Page;

/**
 * A main-menu tab contributed by a plugin. The host shows it only when the viewer is in the tab's
 * area, the program's plan includes {@code requiredFeature} and the viewer holds
 * {@code requiredPermission}.
 *
 * @param area brand area or partner portal
 * @param labelKey resource key of the label, looked up in the page class's {@code .properties}
 * @param pageClass page the tab links to (mounted through {@link PageMount})
 * @param order position; host tabs use multiples of 100
 * @param requiredFeature feature key, or {@code null}
 * @param requiredPermission permission key (brand area), or {@code null}
 * @param badge optional count shown on the tab, or {@code null}
 * @since 1.0
 */
public record MenuTab(Area area, String labelKey, Class<? extends Page> pageClass, int order,
        String requiredFeature, String requiredPermission, TabBadge badge) {

    public MenuTab {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(labelKey, "labelKey");
        Objects.requireNonNull(pageClass, "pageClass");
    }
}
