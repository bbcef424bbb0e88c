package dev.parley.host.plugin;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.wicket.application.IClassResolver;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Lets Wicket find plugin classes by name: for rendering (markup inheritance, resource references,
 * bookmarkable URLs) and for reading pages back from the page store. Stopped plugins still resolve,
 * so an old page of a disabled plugin can answer 404 instead of failing.
 *
 * <p>Plugin classes found are remembered: a page renders dozens of bookmarkable links to plugin
 * pages, and each resolves its page class by name, which otherwise first fails in the host's class
 * loader (a look into every JAR of the class path and an exception) before the plugin's answers.
 */
public final class PluginClassResolver implements IClassResolver {

    private final PluginManager plugins;
    private final ClassLoader host = PluginClassResolver.class.getClassLoader();
    private final Map<String, Class<?>> pluginClasses = new ConcurrentHashMap<>();

    public PluginClassResolver(PluginManager plugins) {
        this.plugins = plugins;
    }

    @Override
    public Class<?> resolveClass(String className) throws ClassNotFoundException {
        Class<?> known = pluginClasses.get(className);
        if (known != null && loadedByAResolvedPlugin(known)) {
            return known;
        }
        try {
            return Class.forName(className, false, host);
        } catch (ClassNotFoundException notInHost) {
            for (PluginWrapper w : plugins.getResolvedPlugins()) {
                try {
                    Class<?> found = Class.forName(className, false, w.getPluginClassLoader());
                    pluginClasses.put(className, found);
                    return found;
                } catch (ClassNotFoundException ignored) {
                    // try the next plugin
                }
            }
            throw notInHost;
        }
    }

    /** A plugin unloaded (or loaded again with a new class loader) no longer answers from memory. */
    private boolean loadedByAResolvedPlugin(Class<?> c) {
        for (PluginWrapper w : plugins.getResolvedPlugins()) {
            if (w.getPluginClassLoader() == c.getClassLoader()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Iterator<URL> getResources(String name) {
        Set<URL> urls = new LinkedHashSet<>();
        try {
            host.getResources(name).asIterator().forEachRemaining(urls::add);
            for (PluginWrapper w : plugins.getPlugins(PluginState.STARTED)) {
                w.getPluginClassLoader().getResources(name).asIterator().forEachRemaining(urls::add);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<URL> list = new ArrayList<>(urls);
        return list.iterator();
    }

    @Override
    public ClassLoader getClassLoader() {
        return host;
    }
}
