package dev.parley.banners.analytics;

import dev.parley.api.plugin.Host;
import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.banners.BannersPlugin;
import dev.parley.banners.banner.Banner;
import dev.parley.banners.editor.BannersPage;
import java.util.Locale;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.request.http.flow.AbortWithHttpErrorCodeException;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** A banner's reach: partners reached, dismissals, clicks, click-through rate, and the same per day. */
@PageAccess(area = Area.BRAND, feature = BannersPlugin.FEATURE, permission = Permissions.BANNERS)
public class BannerAnalyticsPage extends ParleyPage {

    private static final long serialVersionUID = 1L;

    private final long bannerId;

    public BannerAnalyticsPage(PageParameters parameters) {
        super(parameters);
        this.bannerId = parameters.get("id").toLong(0);
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        CurrentUser actor = Host.services().currentUser().orElseThrow(() -> new SecurityException("Not logged in"));
        var services = BannersPlugin.get().services();
        Banner banner = services.banners().find(actor, bannerId).orElseThrow(() -> new AbortWithHttpErrorCodeException(404));
        BannerStats stats = services.analytics().stats(actor, bannerId);
        add(new Label("name", banner.internalName()));
        add(new Label("headline", banner.headline()));
        add(new Label("partnersReached", stats.partnersReached()));
        add(new Label("membersReached", stats.membersReached()));
        add(new Label("dismissals", stats.dismissals()));
        add(new Label("clicks", stats.clicks()));
        add(new Label("ctr", String.format(Locale.ROOT, "%.1f %%", stats.clickThroughRate())));
        add(new Label("zone", actor.zoneId().getId()));
        add(new Label("noDays", getString("noDays")).setVisible(stats.days().isEmpty()));
        add(new ListView<>("days", stats.days()) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<BannerStats.Day> item) {
                BannerStats.Day d = item.getModelObject();
                item.add(new Label("date", d.date().toString()));
                item.add(new Label("dayReached", d.partnersReached()));
                item.add(new Label("dayDismissals", d.dismissals()));
                item.add(new Label("dayClicks", d.clicks()));
            }
        });
        add(new BookmarkablePageLink<>("back", BannersPage.class));
    }
}
