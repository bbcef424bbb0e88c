package dev.parley.messaging.search;

import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessagingPlugin;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** Message search for the brand team, mounted at {@code /inbox/search}. */
@PageAccess(area = Area.BRAND, feature = MessagingPlugin.FEATURE, permission = Permissions.MESSAGING)
public class MessageSearchPage extends ParleyPage {

    private static final long serialVersionUID = 1L;

    public MessageSearchPage(PageParameters parameters) {
        super(parameters);
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        add(new BrandSearchPanel("search", getPageParameters()));
    }
}
