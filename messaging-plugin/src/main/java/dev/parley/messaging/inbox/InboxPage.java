package dev.parley.messaging.inbox;

import dev.parley.api.partner.Offer;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.ui.AnchorPageLink;
import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import dev.parley.api.user.BrandUser;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.WebSupport;
import dev.parley.messaging.conversation.Conversation;
import dev.parley.messaging.inbox.InboxService.InboxPageResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import dev.parley.messaging.search.MessageSearchPage;
import dev.parley.messaging.search.SearchBoxPanel;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.StatelessForm;
import org.apache.wicket.markup.html.form.IChoiceRenderer;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * The brand team's shared inbox: All / Unread / Done / Spam, combinable filters kept in the URL,
 * keyset pages of 50, and a partner search to open or start a conversation.
 */
@PageAccess(area = Area.BRAND, feature = MessagingPlugin.FEATURE, permission = Permissions.MESSAGING)
public class InboxPage extends ParleyPage {

    private static final long serialVersionUID = 1L;

    private final InboxFilter filter;
    private final InboxCursor after;
    private final String search;

    public InboxPage(PageParameters parameters) {
        super(parameters);
        this.filter = InboxFilter.of(parameters);
        this.after = InboxCursor.parse(parameters.get("after").toOptionalString()).orElse(null);
        String q = parameters.get("q").toOptionalString();
        this.search = q == null || q.isBlank() ? null : q.strip();
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        add(new SearchBoxPanel("messageSearch", MessageSearchPage.class));
        CurrentUser viewer = WebSupport.user();
        long unreadCount = WebSupport.services().inbox().unread(viewer);
        IModel<InboxPageResult> page = LoadableDetachableModel.of(
                () -> WebSupport.services().inbox().page(WebSupport.user(), filter, after, InboxService.PAGE_SIZE));

        add(new ListView<>("views", Arrays.asList(InboxView.values())) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<InboxView> item) {
                InboxView v = item.getModelObject();
                AnchorPageLink<Void> link = new AnchorPageLink<>("link", InboxPage.class,
                        filter.withView(v).toParameters());
                link.add(AttributeModifier.append("class", v == filter.view() ? "active" : ""));
                if (v == filter.view()) {
                    link.add(AttributeModifier.replace("aria-current", "page"));
                }
                link.add(new Label("label", getString("view." + v.name())));
                long unread = v == InboxView.UNREAD ? unreadCount : 0;
                link.add(new Label("count", unread).setVisible(unread > 0));
                item.add(link);
            }
        });

        addFilterForm(viewer);
        addSearch(viewer);

        WebMarkupContainer partnerChip = new WebMarkupContainer("partnerChip");
        Optional<Partner> partner = filter.partnerId() == null ? Optional.empty()
                : WebSupport.services().host().partners().partner(viewer.programId(), filter.partnerId());
        partnerChip.setVisible(partner.isPresent());
        partnerChip.add(new Label("partnerName", partner.map(Partner::name).orElse("")));
        partnerChip.add(new AnchorPageLink<>("clearPartner", InboxPage.class,
                filter.withPartner(null).toParameters()));
        partnerChip.add(new AnchorPageLink<>("messageTeam", NewConversationPage.class,
                new PageParameters().set("partner", filter.partnerId() == null ? 0 : filter.partnerId())));
        add(partnerChip);

        add(new ListView<>("rows", page.map(InboxPageResult::rows)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<InboxRow> item) {
                Conversation c = item.getModelObject().conversation();
                item.add(AttributeModifier.append("class", c.brandUnread() ? "fw-semibold" : ""));
                AnchorPageLink<Void> link = new AnchorPageLink<>("open", ConversationPage.class,
                        new PageParameters().set("id", c.id()));
                link.add(new Label("counterpart", c.counterpart()));
                link.add(new Label("subject", c.subject()));
                item.add(link);
                item.add(new Label("preview", c.lastPreview()));
                item.add(new Label("unread", getString("unread")).setVisible(c.brandUnread()));
                item.add(new Label("priority", getString("priority")).setVisible(c.priority()));
                item.add(new Label("time", WebSupport.time(c.lastMessageAt(), viewer))
                        .add(AttributeModifier.replace("datetime", c.lastMessageAt().toString())));
                String assignee = item.getModelObject().assigneeName();
                item.add(new Label("assignee", assignee == null ? getString("unassigned") : assignee));
            }
        });
        add(new Label("empty", getString(filter.filtered() ? "emptyFiltered" : "empty")) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(page.getObject().rows().isEmpty());
            }
        });
        PageParameters firstParams = filter.toParameters();
        add(new AnchorPageLink<>("first", InboxPage.class, firstParams).setVisible(after != null));
        add(new AnchorPageLink<Void>("next", InboxPage.class) {
            private static final long serialVersionUID = 1L;

            @Override
            public PageParameters getPageParameters() {
                InboxCursor next = page.getObject().next();
                return filter.toParameters().set("after", next == null ? "" : next.toString());
            }

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(page.getObject().next() != null);
            }
        });
    }

    private void addFilterForm(CurrentUser viewer) {
        var directory = WebSupport.services().host().partners();
        IModel<String> tag = Model.of(filter.tag());
        List<BrandUser> managerList = new ArrayList<>(directory.managers(viewer.programId()));
        managerList.add(0, new BrandUser(0, viewer.programId(), getString("unassigned"), ""));
        IModel<BrandUser> manager = Model.of(managerList.stream()
                .filter(m -> filter.managerId() != null && m.id() == filter.managerId()).findFirst().orElse(null));
        IModel<PartnershipStatus> status = Model.of(filter.partnershipStatus());
        List<Offer> offerList = directory.offers(viewer.programId());
        IModel<Offer> offer = Model.of(offerList.stream()
                .filter(o -> filter.offerId() != null && o.id() == filter.offerId()).findFirst().orElse(null));
        List<String> clients = offerList.stream().map(Offer::client).distinct().sorted().toList();
        IModel<String> client = Model.of(filter.client());

        Form<Void> form = new StatelessForm<>("filters") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                InboxFilter f = new InboxFilter(filter.view(), tag.getObject(),
                        manager.getObject() == null ? null : manager.getObject().id(), status.getObject(),
                        offer.getObject() == null ? null : offer.getObject().id(), client.getObject(),
                        filter.partnerId());
                setResponsePage(InboxPage.class, f.toParameters());
            }
        };
        form.add(new DropDownChoice<>("tag", tag, directory.tags(viewer.programId())).setNullValid(true));
        form.add(new DropDownChoice<>("manager", manager, managerList, new ChoiceRenderer<>("name", "id"))
                .setNullValid(true));
        form.add(new DropDownChoice<>("status", status, Arrays.asList(PartnershipStatus.values()),
                new IChoiceRenderer<>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public Object getDisplayValue(PartnershipStatus s) {
                        return getString("partnership." + s.name());
                    }

                    @Override
                    public String getIdValue(PartnershipStatus s, int index) {
                        return s.name();
                    }
                }).setNullValid(true));
        form.add(new DropDownChoice<>("offer", offer, offerList, new ChoiceRenderer<>("name", "id")).setNullValid(true));
        form.add(new DropDownChoice<>("client", client, clients).setNullValid(true));
        form.add(new AnchorPageLink<>("reset", InboxPage.class,
                InboxFilter.all().withView(filter.view()).toParameters()));
        add(form);
    }

    private void addSearch(CurrentUser viewer) {
        IModel<String> q = Model.of(search);
        Form<Void> form = new StatelessForm<>("search") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                PageParameters p = filter.toParameters();
                if (q.getObject() != null && !q.getObject().isBlank()) {
                    p.set("q", q.getObject().strip());
                }
                setResponsePage(InboxPage.class, p);
            }
        };
        form.add(new TextField<>("q", q) {
            private static final long serialVersionUID = 1L;

            @Override
            protected String[] getInputTypes() {
                return new String[] {"search", "text"};
            }
        });
        add(form);
        List<Partner> found;
        try {
            found = search == null ? List.of() : WebSupport.services().inbox().findPartners(viewer, search, 10);
        } catch (MessagingException e) {
            found = List.of();
        }
        WebMarkupContainer results = new WebMarkupContainer("results");
        results.setVisible(search != null);
        results.add(new Label("none", getString("noPartnerFound")).setVisible(found.isEmpty()));
        results.add(new ListView<>("partners", found) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Partner> item) {
                Partner p = item.getModelObject();
                item.add(new Label("name", p.name()));
                item.add(new Label("email", p.email()));
                item.add(new AnchorPageLink<>("show", InboxPage.class,
                        InboxFilter.all().withPartner(p.id()).toParameters()));
                item.add(new AnchorPageLink<>("start", NewConversationPage.class,
                        new PageParameters().set("partner", p.id())));
            }
        });
        add(results);
    }
}
