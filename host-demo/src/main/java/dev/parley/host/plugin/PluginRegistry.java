package dev.parley.host.plugin;

import dev.parley.api.feature.FeatureContribution;
import dev.parley.api.feature.FeatureDeclaration;
import dev.parley.api.feature.PermissionDeclaration;
import dev.parley.api.ui.HostSlot;
import dev.parley.api.ui.MenuTab;
import dev.parley.api.ui.PageMount;
import dev.parley.api.ui.SlotPanel;
import dev.parley.api.ui.UiContribution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * What the running plugins contribute: features, permissions, pages, tabs and slot panels. Only
 * started plugins count; a stopped plugin's contributions disappear at once.
 */
public final class PluginRegistry {

    private final HostPluginManager manager;
    /** feature key -> declaring plugin id, for every loaded plugin (running or not). */
    private final Map<String, String> featureOwners = new ConcurrentHashMap<>();
    private final List<Consumer<String>> startListeners = new CopyOnWriteArrayList<>();

    public PluginRegistry(HostPluginManager manager) {
        this.manager = manager;
        manager.addPluginStateListener(event -> {
            if (event.getPluginState() == PluginState.STARTED) {
                String id = event.getPlugin().getPluginId();
                features(id).forEach(f -> featureOwners.put(f.key(), id));
                startListeners.forEach(l -> l.accept(id));
            }
        });
    }

    public HostPluginManager manager() {
        return manager;
    }

    /** Runs {@code listener} with the plugin id each time a plugin starts (also for already started ones). */
    public void onPluginStarted(Consumer<String> listener) {
        startListeners.add(listener);
        manager.getStartedPlugins().forEach(w -> listener.accept(w.getPluginId()));
    }

    /** @return whether a running plugin declares the feature */
    public boolean isFeatureActive(String featureKey) {
        String owner = featureOwners.get(featureKey);
        return owner != null && isStarted(owner);
    }

    public boolean isStarted(String pluginId) {
        PluginWrapper w = manager.getPlugin(pluginId);
        return w != null && w.getPluginState() == PluginState.STARTED;
    }

    /** @return the plugin a class belongs to, if it was loaded from a plugin */
    public Optional<String> pluginOf(Class<?> type) {
        if (type.getClassLoader() == PluginRegistry.class.getClassLoader()) {
            return Optional.empty();
        }
        PluginWrapper w = manager.whichPlugin(type);
        return w == null ? Optional.empty() : Optional.of(w.getPluginId());
    }

    /** @return whether the class comes from a plugin that is not running */
    public boolean isFromInactivePlugin(Class<?> type) {
        return pluginOf(type).map(id -> !isStarted(id)).orElse(false);
    }

    public List<FeatureDeclaration> features(String pluginId) {
        List<FeatureDeclaration> result = new ArrayList<>();
        manager.getExtensions(FeatureContribution.class, pluginId).forEach(c -> result.addAll(c.features()));
        return result;
    }

    public List<PermissionDeclaration> permissions(String pluginId) {
        List<PermissionDeclaration> result = new ArrayList<>();
        manager.getExtensions(FeatureContribution.class, pluginId).forEach(c -> result.addAll(c.permissions()));
        return result;
    }

    /** @return features of running plugins, with the contributing class for label lookup */
    public List<Declared<FeatureDeclaration>> runningFeatures() {
        List<Declared<FeatureDeclaration>> result = new ArrayList<>();
        for (PluginWrapper w : manager.getStartedPlugins()) {
            for (FeatureContribution c : manager.getExtensions(FeatureContribution.class, w.getPluginId())) {
                c.features().forEach(f -> result.add(new Declared<>(w.getPluginId(), c.getClass(), f)));
            }
        }
        return result;
    }

    /** @return permissions of running plugins, with the contributing class for label lookup */
    public List<Declared<PermissionDeclaration>> runningPermissions() {
        List<Declared<PermissionDeclaration>> result = new ArrayList<>();
        for (PluginWrapper w : manager.getStartedPlugins()) {
            for (FeatureContribution c : manager.getExtensions(FeatureContribution.class, w.getPluginId())) {
                c.permissions().forEach(p -> result.add(new Declared<>(w.getPluginId(), c.getClass(), p)));
            }
        }
        return result;
    }

    public List<PageMount> mounts(String pluginId) {
        List<PageMount> result = new ArrayList<>();
        manager.getExtensions(UiContribution.class, pluginId).forEach(c -> result.addAll(c.pageMounts()));
        return result;
    }

    public List<dev.parley.api.ui.ResourceMount> resourceMounts(String pluginId) {
        List<dev.parley.api.ui.ResourceMount> result = new ArrayList<>();
        manager.getExtensions(UiContribution.class, pluginId).forEach(c -> result.addAll(c.resourceMounts()));
        return result;
    }

    /** @return tabs of running plugins, unfiltered, in order */
    public List<MenuTab> menuTabs() {
        List<MenuTab> result = new ArrayList<>();
        for (PluginWrapper w : manager.getStartedPlugins()) {
            manager.getExtensions(UiContribution.class, w.getPluginId()).forEach(c -> result.addAll(c.menuTabs()));
        }
        result.sort(Comparator.comparingInt(MenuTab::order));
        return result;
    }

    /** @return panels of running plugins for the slot, unfiltered, in order */
    public List<SlotPanel> slotPanels(HostSlot slot) {
        List<SlotPanel> result = new ArrayList<>();
        for (PluginWrapper w : manager.getStartedPlugins()) {
            manager.getExtensions(UiContribution.class, w.getPluginId())
                    .forEach(c -> c.slotPanels().stream().filter(p -> p.slot() == slot).forEach(result::add));
        }
        result.sort(Comparator.comparingInt(SlotPanel::order));
        return result;
    }

    /**
     * A declaration with where it came from.
     *
     * @param pluginId the plugin
     * @param source the extension class, whose resources hold the label
     * @param value the declaration
     */
    public record Declared<T>(String pluginId, Class<?> source, T value) {
    }
}
