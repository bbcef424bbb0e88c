package dev.parley.host.web;

import dev.parley.api.ui.ParleyPage;
import dev.parley.api.user.CurrentUser;
import dev.parley.host.ParleyHost;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** Base of the host's own pages: the shared layout plus access to the host. */
public abstract class HostPage extends ParleyPage {

    private static final long serialVersionUID = 1L;

    protected HostPage() {
    }

    protected HostPage(PageParameters parameters) {
        super(parameters);
    }

    protected static ParleyHost host() {
        return HostApplication.get().host();
    }

    protected static CurrentUser user() {
        return HostSession.currentUser();
    }
}
