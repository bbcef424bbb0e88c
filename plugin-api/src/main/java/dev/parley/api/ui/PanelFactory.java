package dev.parley.api.ui;

import org.apache.wicket.Component;

/**
 * Creates a plugin's panel for a host slot, inside the request cycle.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface PanelFactory {

    /**
     * @param id the Wicket id to give the component
     * @param context what the slot is shown for
     * @return the component, or {@code null} to show nothing
     */
    Component create(String id, SlotContext context);
}
