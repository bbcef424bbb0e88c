package dev.parley.api.ui;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Extension point: a plugin's pages, menu tabs and slot panels. The host asks for tabs and panels
 * inside each request, so they may depend on the current user; mounts are read when the plugin
 * starts.
 *
 * @since 1.0
 */
public interface UiContribution extends ExtensionPoint {

    /** @return bookmarkable pages to mount */
    default List<PageMount> pageMounts() {
        return List.of();
    }

    /** @return resources at fixed URLs (downloads, webhooks, pixels) */
    default List<ResourceMount> resourceMounts() {
        return List.of();
    }

    /** @return main-menu tabs */
    default List<MenuTab> menuTabs() {
        return List.of();
    }

    /** @return panels for host slots */
    default List<SlotPanel> slotPanels() {
        return List.of();
    }
}
