package dev.parley.api.plugin;

import dev.parley.api.ui.HostUi;
import org.apache.wicket.Application;

/**
 * Access to the host from code that runs inside a Wicket request (pages, panels, models).
 *
 * @since 1.0
 */
public final class Host {

    private Host() {
    }

    /** @return the services of the host serving the current request */
    public static HostServices services() {
        return ui().hostServices();
    }

    /** @return the host application's UI hooks */
    public static HostUi ui() {
        Application app = Application.get();
        if (app instanceof HostUi hostUi) {
            return hostUi;
        }
        throw new IllegalStateException("The Wicket application is not a Parley host: " + app.getClass().getName());
    }
}
