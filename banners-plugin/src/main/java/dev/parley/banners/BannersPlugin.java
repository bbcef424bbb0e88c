package dev.parley.banners;

import dev.parley.api.plugin.ParleyPlugin;

/** The banners plugin: migrates its tables on start. Pages reach it through {@link #get()}. */
public class BannersPlugin extends ParleyPlugin {

    /** Plugin id, also the name of its migration history. */
    public static final String ID = "parley-banners";
    /** Feature key gated by plans. */
    public static final String FEATURE = "banners";

    private static volatile BannersPlugin running;

    /** @return the running plugin */
    public static BannersPlugin get() {
        BannersPlugin p = running;
        if (p == null) {
            throw new IllegalStateException("The banners plugin is not running");
        }
        return p;
    }

    @Override
    public void start() {
        host().schema().migrate(ID, BannersPlugin.class.getClassLoader(), "dev/parley/banners/db");
        running = this;
    }

    @Override
    public void stop() {
        running = null;
    }
}
