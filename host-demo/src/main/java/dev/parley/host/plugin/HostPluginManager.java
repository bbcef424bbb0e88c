package dev.parley.host.plugin;

import dev.parley.api.ParleyApi;
import dev.parley.api.plugin.HostServices;
import dev.parley.api.plugin.ParleyPlugin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.DefaultPluginManager;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * PF4J's manager with what a host needs on top: the API version as system version (so
 * {@code Plugin-Requires} is enforced), host services attached to each Parley plugin, and the reason
 * for every plugin that is not running, including files that could not be loaded at all.
 */
public class HostPluginManager extends DefaultPluginManager {

    private final Map<Path, String> loadFailures = new LinkedHashMap<>();
    private Function<String, HostServices> servicesForPlugin = id -> {
        throw new IllegalStateException("Host services not set");
    };

    public HostPluginManager(Path pluginsRoot) {
        super(pluginsRoot);
        setSystemVersion(ParleyApi.VERSION);
    }

    /** Sets how each plugin gets its host services; call before {@link #loadPlugins()}. */
    public void setHostServices(Function<String, HostServices> servicesForPlugin) {
        this.servicesForPlugin = servicesForPlugin;
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        // Plugins are always JAR files dropped into the plugins folder, never a development tree.
        return RuntimeMode.DEPLOYMENT;
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return new DefaultPluginFactory() {
            @Override
            public Plugin create(PluginWrapper wrapper) {
                Plugin plugin = super.create(wrapper);
                if (plugin == null) {
                    throw new PluginRuntimeException("Plugin class {} of '{}' cannot be created",
                            wrapper.getDescriptor().getPluginClass(), wrapper.getPluginId());
                }
                if (plugin instanceof ParleyPlugin parley) {
                    parley.attach(servicesForPlugin.apply(wrapper.getPluginId()));
                }
                return plugin;
            }
        };
    }

    @Override
    protected PluginWrapper loadPluginFromPath(Path pluginPath) {
        try {
            return super.loadPluginFromPath(pluginPath);
        } catch (PluginRuntimeException | LinkageError e) {
            loadFailures.put(pluginPath, rootMessage(e));
            throw e instanceof PluginRuntimeException p ? p : new PluginRuntimeException(e);
        }
    }

    /**
     * Starts one plugin; unlike PF4J's {@code startPlugin} a failing start leaves the plugin FAILED
     * with its reason instead of throwing at the caller.
     */
    public PluginState startSafely(String pluginId) {
        PluginWrapper wrapper = getPlugin(pluginId);
        try {
            return startPlugin(pluginId);
        } catch (RuntimeException | LinkageError e) {
            wrapper.setPluginState(PluginState.FAILED);
            wrapper.setFailedException(e instanceof Exception ex ? ex : new RuntimeException(e));
            startedPlugins.remove(wrapper);
            return PluginState.FAILED;
        }
    }

    /** @return whether the plugin's {@code Plugin-Requires} accepts this host's API version */
    public boolean acceptsHostApi(PluginWrapper wrapper) {
        return isPluginValid(wrapper);
    }

    /** @return every plugin and every unloadable file, with the reason it is not running */
    public List<PluginStatus> statuses() {
        List<PluginStatus> result = new ArrayList<>();
        for (PluginWrapper w : getPlugins()) {
            String requires = w.getDescriptor().getRequires();
            String state = w.getPluginState().name();
            String reason = "";
            boolean toggle = true;
            if (!acceptsHostApi(w)) {
                state = "REFUSED";
                reason = "Requires Parley API " + requires + ", but this host provides " + getSystemVersion() + ".";
                toggle = false;
            } else if (w.getPluginState() == PluginState.FAILED) {
                reason = w.getFailedException() == null ? "Failed to start." : "Failed to start: " + rootMessage(w.getFailedException());
            } else if (w.getPluginState() == PluginState.DISABLED) {
                reason = "Disabled by an administrator.";
            } else if (w.getPluginState() == PluginState.RESOLVED || w.getPluginState() == PluginState.STOPPED) {
                reason = "Not started.";
            }
            result.add(new PluginStatus(w.getPluginId(), w.getDescriptor().getVersion(), state, requires,
                    w.getDescriptor().getPluginDescription(), reason, toggle));
        }
        loadFailures.forEach((path, message) -> result.add(new PluginStatus(String.valueOf(path.getFileName()), "",
                "BROKEN", "", "", "Cannot be loaded: " + message, false)));
        return result;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return t == e ? m : e.getMessage() + " (" + m + ")";
    }
}
