package dev.parley.api.ui;

import java.util.Objects;

/**
 * A panel a plugin adds to a host slot, shown when the plan includes {@code requiredFeature} and
 * the viewer holds {@code requiredPermission}.
 *
 * @param slot where
 * @param order position among the slot's panels
 * @param requiredFeature feature key, or {@code null}
 * @param requiredPermission permission key (brand users), or {@code null}
 * @param factory creates the panel
 * @since 1.0
 */
public record SlotPanel(HostSlot slot, int order, String requiredFeature, String requiredPermission,
        PanelFactory factory) {

    public SlotPanel {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(factory, "factory");
    }
}
