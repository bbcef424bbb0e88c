package dev.parley.messaging.search;

import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import dev.parley.messaging.MessagingPlugin;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** Message search in the partner portal, mounted at {@code /portal/messages/search}. */
@PageAccess(area = Area.PORTAL, feature = MessagingPlugin.FEATURE)
public class PortalMessageSearchPage extends ParleyPage {

    private static final long serialVersionUID = 1L;

    public PortalMessageSearchPage(PageParameters parameters) {
        super(parameters);
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        add(new PortalSearchPanel("search", getPageParameters()));
    }
}
