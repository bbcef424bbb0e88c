package dev.parley.banners.editor;

import dev.parley.api.plugin.Host;
import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.banners.BannersPlugin;
import dev.parley.banners.analytics.BannerAnalyticsPage;
import dev.parley.banners.banner.Banner;
import dev.parley.banners.banner.BannerStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.link.Link;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** The brand's banners, filtered by status, with edit, duplicate, archive and analytics. */
@PageAccess(area = Area.BRAND, feature = BannersPlugin.FEATURE, permission = Permissions.BANNERS)
public class BannersPage extends ParleyPage {

    private static final long serialVersionUID = 1L;

    private final BannerStatus filter;

    public BannersPage() {
        this(new PageParameters());
    }

    public BannersPage(PageParameters parameters) {
        super(parameters);
        BannerStatus status = null;
        String s = parameters.get("status").toOptionalString();
        if (s != null) {
            try {
                status = BannerStatus.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                status = null;
            }
        }
        this.filter = status;
    }

    static CurrentUser actor() {
        return Host.services().currentUser().orElseThrow(() -> new SecurityException("Not logged in"));
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        ZoneId zone = actor().zoneId();
        add(new Label("zone", zone.getId()));
        add(new BookmarkablePageLink<>("create", BannerEditPage.class));
        List<String> filters = new ArrayList<>();
        filters.add("ALL");
        for (BannerStatus st : BannerStatus.values()) {
            filters.add(st.name());
        }
        add(new ListView<>("filters", filters) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<String> item) {
                String f = item.getModelObject();
                PageParameters p = new PageParameters();
                if (!"ALL".equals(f)) {
                    p.add("status", f.toLowerCase(Locale.ROOT));
                }
                BookmarkablePageLink<Void> link = new BookmarkablePageLink<>("link", BannersPage.class, p);
                boolean active = filter == null ? "ALL".equals(f) : filter.name().equals(f);
                if (active) {
                    link.add(AttributeModifier.append("class", "active"));
                    link.add(AttributeModifier.replace("aria-current", "page"));
                }
                link.add(new Label("label", getString("status." + f)));
                item.add(link);
            }
        });
        LoadableDetachableModel<List<Banner>> banners = LoadableDetachableModel
                .of(() -> BannersPlugin.get().services().banners().list(actor(), filter));
        add(new Label("empty", getString("empty")) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(banners.getObject().isEmpty());
            }
        });
        add(new ListView<>("rows", banners) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Banner> item) {
                Banner b = item.getModelObject();
                Instant now = Host.services().clock().instant();
                BannerStatus status = b.status(now);
                PageParameters id = new PageParameters().add("id", b.id());
                BookmarkablePageLink<Void> edit = new BookmarkablePageLink<>("edit", BannerEditPage.class, id);
                edit.add(new Label("name", b.internalName()));
                edit.setEnabled(status != BannerStatus.ARCHIVED);
                item.add(edit);
                item.add(new Label("headline", b.headline()));
                item.add(new Label("status", getString("status." + status.name()))
                        .add(AttributeModifier.append("class", "bnr-status-" + status.name().toLowerCase(Locale.ROOT))));
                item.add(new Label("style", getString("style." + b.style().name())));
                item.add(new Label("placement", getString("placement." + b.placement().name())));
                item.add(new Label("priority", b.priority()));
                DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(getLocale());
                item.add(new Label("starts", time.format(b.startsAt().atZone(zone))));
                item.add(new Label("ends", b.endsAt() == null ? "—" : time.format(b.endsAt().atZone(zone))));
                long bannerId = b.id();
                item.add(new BookmarkablePageLink<>("analytics", BannerAnalyticsPage.class, id));
                item.add(new Link<Void>("duplicate") {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void onClick() {
                        String copy = getString("copyOf").replace("${name}", b.internalName());
                        long newId = BannersPlugin.get().services().banners().duplicate(actor(), bannerId, copy);
                        setResponsePage(BannerEditPage.class, new PageParameters().add("id", newId));
                    }
                });
                item.add(new Link<Void>("archive") {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void onClick() {
                        BannersPlugin.get().services().banners().archive(actor(), bannerId);
                        getSession().success(getString("archived"));
                        banners.detach();
                    }
                }.setVisible(status != BannerStatus.ARCHIVED));
            }
        });
    }
}
