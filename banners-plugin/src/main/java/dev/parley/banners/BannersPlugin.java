package dev.parley.banners;

import dev.parley.api.plugin.ParleyPlugin;

/**
 * The banners plugin: migrates its tables and builds its services (with the in-memory banner index)
 * on start. Pages reach the services through {@link #get()}, which is per plugin class loader.
 */
public class BannersPlugin extends ParleyPlugin {

    /** Plugin id, also the name of its migration history. */
    public static final String ID = "parley-banners";
    /** Feature key gated by plans. */
    public static final String FEATURE = "banners";

    private static volatile BannersPlugin running;
    private BannersServices services;

    /** @return the running plugin */
    public static BannersPlugin get() {
        BannersPlugin p = running;
        if (p == null) {
            throw new IllegalStateException("The banners plugin is not running");
        }
        return p;
    }

    private dev.parley.api.event.EventBus.Subscription sampleData;

    @Override
    public void start() {
        host().schema().migrate(ID, BannersPlugin.class.getClassLoader(), "dev/parley/banners/db");
        services = new BannersServices(host());
        sampleData = host().events().subscribe(dev.parley.api.event.SampleDataCreated.class,
                e -> new dev.parley.banners.demo.SampleBanners(host(), services.banners()).create(e.programId()));
        running = this;
    }

    @Override
    public void stop() {
        running = null;
        if (sampleData != null) {
            sampleData.close();
            sampleData = null;
        }
        if (services != null) {
            services.close();
            services = null;
        }
    }

    public BannersServices services() {
        return services;
    }

    /** Lets plugin tests run the services without a plugin manager (tests live in this package). */
    static void runForTests(BannersPlugin plugin, BannersServices services) {
        plugin.services = services;
        running = plugin;
    }
}
