package dev.parley.host.web;

import dev.parley.api.ui.AnchorPageLink;
import dev.parley.api.ui.Area;
import dev.parley.api.ui.MenuTab;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.host.account.LoginPage;
import dev.parley.host.admin.SettingsPage;
import dev.parley.host.dashboard.BrandDashboardPage;
import dev.parley.host.partner.PartnersPage;
import dev.parley.host.portal.PortalDashboardPage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.Page;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.Link;
import org.apache.wicket.markup.html.link.StatelessLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.resource.loader.ComponentStringResourceLoader;
import org.apache.wicket.markup.repeater.RepeatingView;
import dev.parley.api.ui.HostSlot;
import dev.parley.api.ui.SlotContext;

/**
 * The host's header: program name, the main navigation (host tabs and plugin tabs the viewer may
 * use, with badges), the language switch and the user menu. Partner portal pages also show the
 * plugins' panels for every portal page (critical announcements).
 */
public class HeaderPanel extends Panel {

    private static final long serialVersionUID = 1L;

    public HeaderPanel(String id) {
        super(id);
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        Optional<CurrentUser> user = userOrNobody();
        add(new Label("program", programName(user)));
        IModel<List<NavItem>> items = LoadableDetachableModel.of(this::navigation);
        add(new ListView<>("nav", items) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<NavItem> item) {
                NavItem nav = item.getModelObject();
                AnchorPageLink<Void> link = new AnchorPageLink<>("link", nav.page());
                boolean active = nav.page().equals(getPage().getClass());
                link.add(AttributeModifier.append("class", active ? "active" : ""));
                if (active) {
                    link.add(AttributeModifier.replace("aria-current", "page"));
                }
                link.add(new Label("label", nav.label()));
                link.add(new Label("badge", String.valueOf(nav.badge())).setVisible(nav.badge() > 0));
                if (nav.badge() > 0) {
                    // screen readers hear "Inbox, 3 unread" rather than "Inbox 3"
                    link.add(AttributeModifier.replace("aria-label", getString("nav.withBadge",
                            org.apache.wicket.model.Model.ofMap(java.util.Map.of("label", nav.label(),
                                    "count", String.valueOf(nav.badge()))))));
                }
                item.add(link);
            }
        });
        // Stateless links, so they leave the pages stateless that are otherwise: such a page is
        // rendered at its own URL, without a redirect to a stored page version, and is not stored.
        add(new StatelessLink<Void>("english") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onClick() {
                getSession().setLocale(Locale.ENGLISH);
            }
        });
        add(new StatelessLink<Void>("chinese") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onClick() {
                getSession().setLocale(Locale.SIMPLIFIED_CHINESE);
            }
        });
        WebMarkupContainer account = new WebMarkupContainer("account");
        account.setVisible(user.isPresent());
        account.add(new Label("userName", user.map(CurrentUser::displayName).orElse("")));
        account.add(new StatelessLink<Void>("logout") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onClick() {
                HostSession.get().signOut();
                setResponsePage(LoginPage.class);
            }
        });
        add(account);
        add(new AnchorPageLink<>("login", LoginPage.class).setVisible(user.isEmpty()));
        add(programSwitch(user));
        if (user.isPresent() && user.get().isPartner()) {
            CurrentUser u = user.get();
            add(new SlotView("portalTop", HostSlot.PORTAL_EVERY_PAGE, new SlotContext(u, u.programId(),
                    u.partnerId(), u.userId())));
        } else {
            add(new RepeatingView("portalTop"));
        }
    }

    /** Partner members of several programs switch between them here. */
    private ListView<Long> programSwitch(Optional<CurrentUser> user) {
        List<Long> others = user.filter(CurrentUser::isPartner)
                .map(u -> HostApplication.get().host().accounts().programsOfMember(u.userId()).stream()
                        .filter(p -> p != u.programId()).toList())
                .orElse(List.of());
        return new ListView<>("programs", others) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Long> item) {
                long programId = item.getModelObject();
                Link<Void> link = new Link<>("switch") {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void onClick() {
                        CurrentUser u = HostSession.currentUser();
                        // Checked again: the id comes back from the browser.
                        if (u.isPartner() && HostApplication.get().host().accounts().programsOfMember(u.userId())
                                .contains(programId)) {
                            HostSession.get().switchProgram(programId);
                        }
                        setResponsePage(PortalDashboardPage.class);
                    }
                };
                link.add(new Label("name", HostApplication.get().host().partners().program(programId)
                        .map(p -> p.name()).orElse("")));
                item.add(link);
            }
        };
    }

    /** The header also renders on error pages, e.g. while the database is unreachable: then without a user. */
    private static Optional<CurrentUser> userOrNobody() {
        try {
            return HostSession.currentUserIfAny();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String programName(Optional<CurrentUser> user) {
        return user.flatMap(u -> HostApplication.get().host().partners().program(u.programId()))
                .map(p -> p.name()).orElse("Parley");
    }

    private List<NavItem> navigation() {
        Optional<CurrentUser> current = userOrNobody();
        if (current.isEmpty()) {
            return List.of();
        }
        CurrentUser user = current.get();
        HostApplication app = HostApplication.get();
        List<Entry> entries = new ArrayList<>();
        if (user.isBrand()) {
            entries.add(new Entry(100, new NavItem(getString("nav.dashboard"), BrandDashboardPage.class, 0)));
            if (user.can(Permissions.VIEW_PARTNERS)) {
                entries.add(new Entry(200, new NavItem(getString("nav.partners"), PartnersPage.class, 0)));
            }
            if (user.can(Permissions.ADMINISTER)) {
                entries.add(new Entry(900, new NavItem(getString("nav.settings"), SettingsPage.class, 0)));
            }
        } else {
            entries.add(new Entry(100, new NavItem(getString("nav.dashboard"), PortalDashboardPage.class, 0)));
        }
        Area area = user.isBrand() ? Area.BRAND : Area.PORTAL;
        for (MenuTab tab : app.host().registry().menuTabs()) {
            if (tab.area() != area
                    || (tab.requiredFeature() != null && !app.host().plans().isEnabled(user.programId(), tab.requiredFeature()))
                    || (tab.requiredPermission() != null && !user.can(tab.requiredPermission()))) {
                continue;
            }
            long badge = tab.badge() == null ? 0 : safeBadge(tab, user);
            entries.add(new Entry(tab.order(), new NavItem(label(tab), tab.pageClass(), badge)));
        }
        entries.sort(Comparator.comparingInt(Entry::order));
        return entries.stream().map(Entry::item).toList();
    }

    private static long safeBadge(MenuTab tab, CurrentUser user) {
        try {
            return tab.badge().count(user);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private String label(MenuTab tab) {
        String text = new ComponentStringResourceLoader().loadStringResource(tab.pageClass(), tab.labelKey(),
                getLocale(), null, null);
        return text == null ? tab.labelKey() : text;
    }

    private record Entry(int order, NavItem item) {
    }

    /** @return the page class of a navigation entry, for tests */
    static Class<? extends Page> pageOf(NavItem item) {
        return item.page();
    }
}
