package dev.parley.messaging;

import dev.parley.api.ui.Area;
import dev.parley.api.ui.MenuTab;
import dev.parley.api.ui.PageMount;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.inbox.InboxPage;
import dev.parley.messaging.portal.PortalMessagesPage;
import dev.parley.messaging.search.MessageSearchPage;
import dev.parley.messaging.search.PortalMessageSearchPage;
import dev.parley.messaging.search.SearchIndexPage;
import java.util.List;
import org.pf4j.Extension;

/** The messaging plugin's pages and tabs. */
@Extension
public class MessagingUi implements dev.parley.api.ui.UiContribution {

    @Override
    public List<PageMount> pageMounts() {
        return List.of(new PageMount("/inbox", InboxPage.class),
                new PageMount("/portal/messages", PortalMessagesPage.class),
                new PageMount("/inbox/search", MessageSearchPage.class),
                new PageMount("/inbox/search/index", SearchIndexPage.class),
                new PageMount("/portal/messages/search", PortalMessageSearchPage.class));
    }

    @Override
    public List<MenuTab> menuTabs() {
        return List.of(
                new MenuTab(Area.BRAND, "tab.inbox", InboxPage.class, 300, MessagingPlugin.FEATURE,
                        Permissions.MESSAGING, null),
                new MenuTab(Area.PORTAL, "tab.messages", PortalMessagesPage.class, 200, MessagingPlugin.FEATURE,
                        null, viewer -> MessagingPlugin.get().services().inbox().unreadForPartner(viewer)));
    }
}
