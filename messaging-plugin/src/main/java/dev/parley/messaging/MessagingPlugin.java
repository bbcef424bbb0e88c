package dev.parley.messaging;

import dev.parley.api.plugin.ParleyPlugin;

/**
 * The messaging plugin: migrates its tables and builds its services on start. Pages reach the
 * services through {@link #get()}, which is per plugin class loader.
 */
public class MessagingPlugin extends ParleyPlugin {

    /** Plugin id, also the name of its migration history. */
    public static final String ID = "parley-messaging";
    /** Feature key gated by plans. */
    public static final String FEATURE = "messaging";

    private static volatile MessagingPlugin running;
    private MessagingServices services;

    /** @return the running plugin */
    public static MessagingPlugin get() {
        MessagingPlugin p = running;
        if (p == null) {
            throw new IllegalStateException("The messaging plugin is not running");
        }
        return p;
    }

    @Override
    public void start() {
        host().schema().migrate(ID, MessagingPlugin.class.getClassLoader(), "dev/parley/messaging/db");
        services = new MessagingServices(host());
        running = this;
    }

    @Override
    public void stop() {
        running = null;
        if (services != null) {
            services.close();
            services = null;
        }
    }

    public MessagingServices services() {
        return services;
    }
}
