package dev.parley.host.dashboard;

import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerRule;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.ui.Area;
import dev.parley.api.ui.HostSlot;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.SlotContext;
import dev.parley.api.user.CurrentUser;
import dev.parley.host.web.HostPage;
import dev.parley.host.web.SlotView;
import org.apache.wicket.markup.html.basic.Label;

/** The brand's start page: program figures and the plugins' dashboard panels. */
@PageAccess(area = Area.BRAND)
public class BrandDashboardPage extends HostPage {

    private static final long serialVersionUID = 1L;

    @Override
    protected void onInitialize() {
        super.onInitialize();
        CurrentUser u = user();
        long program = u.programId();
        var partners = host().partners();
        add(new Label("programName", partners.program(program).map(p -> p.name()).orElse("")));
        add(new Label("plan", dev.parley.host.web.EnumLabels.label("plan", partners.program(program).map(p -> p.plan()).orElse(""))));
        add(new Label("partnerCount", partners.count(program, PartnerFilter.all())));
        add(new Label("approvedCount", partners.count(program, PartnerFilter.allOf(PartnerRule.status(PartnershipStatus.APPROVED)))));
        add(new Label("pendingCount", partners.count(program, PartnerFilter.allOf(PartnerRule.status(PartnershipStatus.PENDING)))));
        add(new Label("offerCount", partners.offers(program).size()));
        add(new SlotView("slot", HostSlot.BRAND_DASHBOARD, new SlotContext(u, program, null, null)));
    }
}
