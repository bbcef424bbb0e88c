package dev.parley.host.partner;

import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerRule;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.user.BrandUser;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.host.web.HostPage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.StatelessForm;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.string.StringValue;

/**
 * The program's partners, filtered by search text, status, tag and manager. Filters live in the URL
 * (bookmarkable); pages follow the partner id (keyset), never an offset.
 */
@PageAccess(area = Area.BRAND, permission = Permissions.VIEW_PARTNERS)
public class PartnersPage extends HostPage {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 50;

    public PartnersPage(PageParameters parameters) {
        super(parameters);
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        CurrentUser u = user();
        PageParameters p = getPageParameters();
        String q = p.get("q").toString("");
        String status = p.get("status").toString("");
        String tag = p.get("tag").toString("");
        Long manager = parseLong(p.get("manager"));
        long after = parseLong(p.get("after")) == null ? 0 : parseLong(p.get("after"));

        List<PartnerRule> rules = new ArrayList<>();
        if (Arrays.stream(PartnershipStatus.values()).anyMatch(s -> s.name().equals(status))) {
            rules.add(PartnerRule.status(PartnershipStatus.valueOf(status)));
        }
        if (!tag.isBlank()) {
            rules.add(PartnerRule.tag(tag));
        }
        if (manager != null) {
            rules.add(PartnerRule.manager(manager));
        }
        PartnerFilter filter = new PartnerFilter(rules.isEmpty() ? List.of() : List.of(rules), q, null);
        HostPartnerDirectory directory = host().partners();
        List<Partner> rows = directory.page(u.programId(), filter, after, PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        List<Partner> shown = more ? rows.subList(0, PAGE_SIZE) : rows;

        Model<String> qModel = Model.of(q);
        Model<String> statusModel = Model.of(status.isBlank() ? null : status);
        Model<String> tagModel = Model.of(tag.isBlank() ? null : tag);
        Model<BrandUser> managerModel = Model.of(manager == null ? null
                : directory.brandUser(u.programId(), manager).orElse(null));
        StatelessForm<Void> form = new StatelessForm<>("filters") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                PageParameters next = new PageParameters();
                if (qModel.getObject() != null && !qModel.getObject().isBlank()) {
                    next.set("q", qModel.getObject().strip());
                }
                if (statusModel.getObject() != null) {
                    next.set("status", statusModel.getObject());
                }
                if (tagModel.getObject() != null) {
                    next.set("tag", tagModel.getObject());
                }
                if (managerModel.getObject() != null) {
                    next.set("manager", managerModel.getObject().id());
                }
                setResponsePage(PartnersPage.class, next);
            }
        };
        form.add(new TextField<>("q", qModel) {
            private static final long serialVersionUID = 1L;

            @Override
            protected String[] getInputTypes() {
                return new String[] {"search", "text"};
            }
        }.setLabel(Model.of("Search")));
        form.add(new DropDownChoice<>("status", statusModel,
                Arrays.stream(PartnershipStatus.values()).map(Enum::name).toList(),
                dev.parley.host.web.EnumLabels.<String>renderer("status")).setNullValid(true));
        form.add(new DropDownChoice<>("tag", tagModel, directory.tags(u.programId())).setNullValid(true));
        form.add(new DropDownChoice<>("manager", managerModel, directory.managers(u.programId()),
                new ChoiceRenderer<>("name", "id")).setNullValid(true));
        add(form);

        add(new Label("total", directory.count(u.programId(), filter)));
        add(new ListView<>("partners", shown) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Partner> item) {
                Partner partner = item.getModelObject();
                BookmarkablePageLink<Void> link = new BookmarkablePageLink<>("profile", PartnerProfilePage.class,
                        new PageParameters().set("partnerId", partner.id()));
                link.add(new Label("name", partner.name()));
                item.add(link);
                item.add(new Label("email", partner.email()));
                item.add(new Label("status", dev.parley.host.web.EnumLabels.label("status", partner.status())));
                item.add(new Label("tags", String.join(", ", partner.tags())));
                item.add(new Label("manager", partner.managerName() == null ? "—" : partner.managerName()));
            }
        });
        PageParameters nextPage = new PageParameters(p);
        if (more) {
            nextPage.set("after", shown.get(shown.size() - 1).id());
        }
        add(new BookmarkablePageLink<>("next", PartnersPage.class, nextPage).setVisible(more));
        addPartnerForm(u);
        PageParameters first = new PageParameters(p).remove("after");
        add(new BookmarkablePageLink<>("first", PartnersPage.class, first).setVisible(after > 0));
    }

    private void addPartnerForm(CurrentUser u) {
        Model<String> company = Model.of("");
        Model<String> contact = Model.of("");
        Model<String> email = Model.of("");
        org.apache.wicket.markup.html.form.Form<Void> add = new org.apache.wicket.markup.html.form.Form<>("add") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                try {
                    long id = host().partnerAdmin().addPartner(user(), company.getObject(), contact.getObject(),
                            email.getObject());
                    getSession().success(getString("added"));
                    setResponsePage(PartnerProfilePage.class, new PageParameters().set("partnerId", id));
                } catch (IllegalArgumentException e) {
                    error(e.getMessage());
                }
            }
        };
        add.setVisible(u.can(Permissions.MANAGE_PARTNERS));
        add.add(new TextField<>("company", company).setRequired(true).setLabel(new org.apache.wicket.model.ResourceModel("company"))
                .add(org.apache.wicket.validation.validator.StringValidator.maximumLength(200)));
        add.add(new TextField<>("contact", contact).setRequired(true).setLabel(new org.apache.wicket.model.ResourceModel("contact"))
                .add(org.apache.wicket.validation.validator.StringValidator.maximumLength(200)));
        add.add(new org.apache.wicket.markup.html.form.EmailTextField("contactEmail", email).setRequired(true)
                .setLabel(new org.apache.wicket.model.ResourceModel("contactEmail")));
        add(add);
    }

    private static Long parseLong(StringValue v) {
        try {
            return v.isEmpty() ? null : v.toLong();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
