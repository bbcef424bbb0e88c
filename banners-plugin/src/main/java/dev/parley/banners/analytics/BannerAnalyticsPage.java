package dev.parley.banners.analytics;

import dev.parley.api.plugin.Host;
import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.banners.BannersPlugin;
import dev.parley.api.ui.Chart;
import dev.parley.banners.banner.Banner;
import dev.parley.banners.editor.BannersPage;
import java.util.List;
import org.apache.wicket.markup.html.WebMarkupContainer;
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
        java.text.NumberFormat percent = java.text.NumberFormat.getPercentInstance(getLocale());
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        add(new Label("ctr", percent.format(stats.clickThroughRate() / 100)));
        add(new Label("zone", actor.zoneId().getId()));
        add(new Label("noDays", getString("noDays")).setVisible(stats.days().isEmpty()));
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter
                .ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(getLocale());
        List<String> dayLabels = stats.days().stream().map(d -> day.format(d.date())).toList();
        WebMarkupContainer chartBox = new WebMarkupContainer("chartBox");
        chartBox.setVisible(!stats.days().isEmpty());
        chartBox.add(new WebMarkupContainer("chart").add(Chart.bar(dayLabels,
                new Chart.Series(getString("dayReached"), stats.days().stream().map(BannerStats.Day::partnersReached).toList()),
                new Chart.Series(getString("clicks"), stats.days().stream().map(BannerStats.Day::clicks).toList()),
                new Chart.Series(getString("dismissals"), stats.days().stream().map(BannerStats.Day::dismissals).toList()))));
        add(chartBox);
        add(new ListView<>("days", stats.days()) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<BannerStats.Day> item) {
                BannerStats.Day d = item.getModelObject();
                item.add(new Label("date", dayLabels.get(item.getIndex())));
                item.add(new Label("dayReached", d.partnersReached()));
                item.add(new Label("dayDismissals", d.dismissals()));
                item.add(new Label("dayClicks", d.clicks()));
            }
        });
        add(new BookmarkablePageLink<>("back", BannersPage.class));
    }
}
