package dev.parley.api.plugin;

import org.pf4j.Plugin;

/**
 * Base class of every Parley plugin. The host attaches its services before {@link #start()}, so a
 * plugin can run its schema migrations and build its own services there.
 *
 * <p>Wicket, not PF4J, creates the plugin's pages; they reach the plugin's services through a
 * static accessor kept by the plugin (one per plugin class loader), and the host's services
 * through {@link Host#services()}.
 *
 * @since 1.0
 */
public abstract class ParleyPlugin extends Plugin {

    private HostServices host;

    /**
     * Called by the host once, right after the plugin instance is created and before it starts.
     *
     * @param services the host's services for this plugin
     */
    public final void attach(HostServices services) {
        this.host = services;
    }

    /**
     * @return the host's services; available from {@link #start()} on
     * @throws IllegalStateException when the plugin was not created by a Parley host
     */
    protected final HostServices host() {
        if (host == null) {
            throw new IllegalStateException(getClass().getName() + " was not attached to a Parley host");
        }
        return host;
    }
}
