package dev.parley.api.ui;

import dev.parley.api.plugin.HostServices;
import org.apache.wicket.Component;
import org.apache.wicket.markup.head.IHeaderResponse;

/**
 * Implemented by the host's Wicket application: what {@link ParleyPage} needs to look like the
 * host.
 *
 * @since 1.0
 */
public interface HostUi {

    /** @return the host's services */
    HostServices hostServices();

    /**
     * @param id Wicket id
     * @return the host's header: brand, navigation with plugin tabs, language and user menu
     */
    Component newPageHeader(String id);

    /** Adds the host's style sheets and scripts. */
    void renderHead(IHeaderResponse response);
}
