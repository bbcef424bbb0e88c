package dev.parley.host.partner;

import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.partner.PerformancePeriod;
import dev.parley.api.ui.Area;
import dev.parley.api.ui.HostSlot;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.SlotContext;
import dev.parley.api.user.BrandUser;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.host.account.AccessDeniedException;
import dev.parley.host.web.Http;
import dev.parley.host.web.HostPage;
import dev.parley.host.web.SlotView;
import java.util.Arrays;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** One partner of the program: details, members, and the actions plugins add (e.g. "Message team"). */
@PageAccess(area = Area.BRAND, permission = Permissions.VIEW_PARTNERS)
public class PartnerProfilePage extends HostPage {

    private static final long serialVersionUID = 1L;

    private final long partnerId;

    public PartnerProfilePage(PageParameters parameters) {
        super(parameters);
        long id;
        try {
            id = parameters.get("partnerId").toLong();
        } catch (RuntimeException e) {
            throw Http.notFound();
        }
        this.partnerId = id;
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        CurrentUser u = user();
        HostPartnerDirectory directory = host().partners();
        // The id comes from the URL: only partners of the viewer's own program are found.
        Partner partner = directory.partner(u.programId(), partnerId).orElseThrow(Http::notFound);
        add(new Label("name", partner.name()));
        add(new Label("email", partner.email()));
        add(new Label("status", dev.parley.host.web.EnumLabels.label("status", partner.status())));
        add(new Label("tags", String.join(", ", partner.tags())));
        add(new Label("manager", partner.managerName() == null ? "—" : partner.managerName()));
        var performance = directory.performance(u.programId(), partnerId, PerformancePeriod.lastMonth(host().clock()));
        java.text.NumberFormat amount = java.text.NumberFormat.getNumberInstance(getLocale());
        amount.setMinimumFractionDigits(2);
        amount.setMaximumFractionDigits(2);
        add(new Label("revenue", amount.format(performance.revenue())));
        add(new Label("conversions", performance.conversions()));
        add(new SlotView("actions", HostSlot.PARTNER_PROFILE_ACTIONS, new SlotContext(u, u.programId(), partnerId, null)));
        add(new ListView<>("members", directory.members(u.programId(), partnerId)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<PartnerMember> item) {
                PartnerMember m = item.getModelObject();
                item.add(new Label("memberName", m.name()));
                item.add(new Label("memberEmail", m.email()));
                item.add(new SlotView("memberActions", HostSlot.PARTNER_MEMBER_ACTIONS,
                        new SlotContext(u, u.programId(), partnerId, m.id())));
            }
        });
        addManageForm(u, partner, directory);
    }

    private void addManageForm(CurrentUser u, Partner partner, HostPartnerDirectory directory) {
        Model<PartnershipStatus> status = Model.of(partner.status());
        Model<BrandUser> manager = Model.of(partner.managerId() == null ? null
                : directory.brandUser(u.programId(), partner.managerId()).orElse(null));
        Form<Void> form = new Form<>("manage") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                try {
                    host().partnerAdmin().changeStatus(u, partnerId, status.getObject());
                    host().partnerAdmin().assignManager(u, partnerId,
                            manager.getObject() == null ? null : manager.getObject().id());
                    getSession().success(getString("saved"));
                    setResponsePage(PartnerProfilePage.class, new PageParameters().set("partnerId", partnerId));
                } catch (AccessDeniedException e) {
                    error(e.getMessage());
                }
            }
        };
        form.setVisible(u.can(Permissions.MANAGE_PARTNERS));
        form.add(new DropDownChoice<>("statusChoice", status, Arrays.asList(PartnershipStatus.values()),
                dev.parley.host.web.EnumLabels.<PartnershipStatus>renderer("status")).setRequired(true));
        form.add(new DropDownChoice<>("managerChoice", manager, directory.managers(u.programId()),
                new ChoiceRenderer<>("name", "id")).setNullValid(true));
        add(form);
    }
}
