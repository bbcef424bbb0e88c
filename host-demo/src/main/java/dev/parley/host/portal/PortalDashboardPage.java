package dev.parley.host.portal;

import dev.parley.api.partner.Offer;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PerformancePeriod;
import dev.parley.api.ui.Area;
import dev.parley.api.ui.HostSlot;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.SlotContext;
import dev.parley.api.user.CurrentUser;
import dev.parley.host.web.HostPage;
import dev.parley.host.web.SlotView;
import java.util.List;
import java.util.Set;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;

/** The partner portal's start page: the plugins' panels on top, then the partner's offers and results. */
@PageAccess(area = Area.PORTAL)
public class PortalDashboardPage extends HostPage {

    private static final long serialVersionUID = 1L;

    @Override
    protected void onInitialize() {
        super.onInitialize();
        CurrentUser u = user();
        var partners = host().partners();
        Partner partner = partners.partner(u.programId(), u.partnerId()).orElseThrow();
        add(new SlotView("slot", HostSlot.PARTNER_DASHBOARD_TOP, new SlotContext(u, u.programId(), u.partnerId(), u.userId())));
        add(new Label("partnerName", partner.name()));
        add(new Label("status", dev.parley.host.web.EnumLabels.label("status", partner.status())));
        var performance = partners.performance(u.programId(), u.partnerId(), PerformancePeriod.lastMonth(host().clock()));
        java.text.NumberFormat amount = java.text.NumberFormat.getNumberInstance(getLocale());
        amount.setMinimumFractionDigits(2);
        amount.setMaximumFractionDigits(2);
        add(new Label("revenue", amount.format(performance.revenue())));
        add(new Label("conversions", performance.conversions()));
        Set<Long> approved = partners.approvedOffers(u.programId(), u.partnerId());
        List<Offer> offers = partners.offers(u.programId()).stream().filter(o -> approved.contains(o.id())).toList();
        add(new ListView<>("offers", offers) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Offer> item) {
                Offer o = item.getModelObject();
                item.add(new Label("name", o.name()));
                item.add(new Label("link", host().trackingLinks().linkFor(u.programId(), o.id(), u.partnerId())));
            }
        });
    }
}
