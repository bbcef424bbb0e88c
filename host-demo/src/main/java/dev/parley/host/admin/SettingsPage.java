package dev.parley.host.admin;

import dev.parley.api.ui.Area;
import dev.parley.api.ui.HostSlot;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.SlotContext;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.host.account.RolesPage;
import dev.parley.host.mail.OutboxPage;
import dev.parley.host.plan.PlanMatrixPage;
import dev.parley.host.web.HostPage;
import dev.parley.host.web.SlotView;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;

/** Account settings: plans, roles, plugins, the demo outbox and the plugins' settings sections. */
@PageAccess(area = Area.BRAND, permission = Permissions.ADMINISTER)
public class SettingsPage extends HostPage {

    private static final long serialVersionUID = 1L;

    @Override
    protected void onInitialize() {
        super.onInitialize();
        CurrentUser u = user();
        add(new BookmarkablePageLink<>("plans", PlanMatrixPage.class));
        add(new BookmarkablePageLink<>("roles", RolesPage.class));
        add(new BookmarkablePageLink<>("plugins", PluginsPage.class).setVisible(u.platformAdmin()));
        add(new BookmarkablePageLink<>("outbox", OutboxPage.class));
        add(new SlotView("sections", HostSlot.SETTINGS, new SlotContext(u, u.programId(), null, null)));
    }
}
