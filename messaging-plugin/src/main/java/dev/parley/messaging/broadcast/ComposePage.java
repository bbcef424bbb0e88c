package dev.parley.messaging.broadcast;

import dev.parley.api.audience.SavedAudience;
import dev.parley.api.macro.Macros;
import dev.parley.api.partner.Offer;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerRule;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.partner.PerformancePeriod;
import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import dev.parley.api.user.BrandUser;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.WebSupport;
import dev.parley.messaging.audience.Audience;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.wicket.Component;
import org.apache.wicket.ajax.AjaxRequestTarget;
import org.apache.wicket.ajax.attributes.AjaxRequestAttributes;
import org.apache.wicket.ajax.attributes.ThrottlingSettings;
import org.apache.wicket.ajax.form.AjaxFormChoiceComponentUpdatingBehavior;
import org.apache.wicket.ajax.form.AjaxFormComponentUpdatingBehavior;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.CheckBox;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.RadioChoice;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.PropertyModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * Composes a bulk message: subject and Markdown body with a live, personalised preview (saved as a
 * draft on every change), recipients (all, specific partners found by name or e-mail, or rule groups
 * with AND inside and OR between groups, saved audiences), Apply for the live count and a paginated,
 * searchable review list with exclusions and the reasons partners are left out, included offers,
 * macro fallbacks, replies and e-mail switches, then save, save as template, schedule or send.
 */
@PageAccess(area = Area.BRAND, feature = MessagingPlugin.FEATURE, permission = Permissions.MESSAGING)
public class ComposePage extends ParleyPage {

    private static final long serialVersionUID = 1L;
    static final int REVIEW_PAGE = 20;
    /** Macros a fallback can be given for (the others always have a value). */
    static final List<String> FALLBACK_MACROS = List.of(Macros.PARTNER_FIRST_NAME, Macros.MANAGER_NAME,
            Macros.OFFER_NAME, Macros.OFFER_TRACKING_LINK);

    private final BulkDraft draft;
    private String savedAt;
    // recipients
    private String partnerSearch;
    private boolean applied;
    private String reviewSearch;
    private long reviewAfter;
    private Long previewPartnerId;
    private Long savedAudienceChoice;
    private String audienceName;
    // rule input
    private PartnerRule.Kind ruleKind = PartnerRule.Kind.TAG;
    private String ruleTag;
    private PartnershipStatus ruleStatus = PartnershipStatus.APPROVED;
    private Long ruleManager;
    private Long ruleOffer;
    private String ruleAmount;
    private Integer ruleMonths = 1;
    private String ruleFrom;
    private String ruleTo;
    // sending
    private String scheduleText;
    private String templateName;

    public ComposePage(PageParameters parameters) {
        super(parameters);
        CurrentUser viewer = WebSupport.user();
        BroadcastService service = WebSupport.services().broadcasts();
        long id = parameters.get("id").toLong(-1);
        long template = parameters.get("template").toLong(-1);
        try {
            if (id > 0) {
                draft = service.edit(viewer, id);
            } else if (template > 0) {
                draft = service.fromTemplate(viewer, template);
            } else {
                draft = service.newDraft(viewer);
            }
        } catch (MessagingException e) {
            throw WebSupport.notFound();
        }
        if (draft.scheduleAt != null) {
            scheduleText = draft.scheduleAt.toString();
        }
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        CurrentUser viewer = WebSupport.user();
        add(new BookmarkablePageLink<>("back", BroadcastsPage.class));
        Form<Void> form = new Form<>("form");
        add(form);

        // ---- content and live preview ----
        WebMarkupContainer preview = new WebMarkupContainer("preview");
        preview.setOutputMarkupId(true);
        Label saved = new Label("savedAt", LoadableDetachableModel.of(() -> savedAt == null ? ""
                : BulkTexts.text(this, "savedAt", Map.of("time", savedAt))));
        saved.setOutputMarkupId(true);
        form.add(saved);
        TextField<String> subject = new TextField<>("subject", new PropertyModel<>(draft, "subject"));
        TextArea<String> body = new TextArea<>("body", new PropertyModel<>(draft, "body"));
        subject.add(liveUpdate(preview, saved));
        body.add(liveUpdate(preview, saved));
        form.add(subject, body);
        form.add(new Label("macros", String.join("  ", Macros.ALL.stream().map(m -> "{" + m + "}").toList())));
        IModel<BroadcastService.Preview> previewModel = LoadableDetachableModel.of(this::preview);
        preview.add(new Label("previewAs", previewModel.map(p -> p.reason() == null ? "" : p.reason())));
        preview.add(new Label("previewSubject", previewModel.map(BroadcastService.Preview::subject)));
        preview.add(new Label("previewBody", previewModel.map(BroadcastService.Preview::html)).setEscapeModelStrings(false));
        add(preview);

        // ---- recipients ----
        WebMarkupContainer recipients = new WebMarkupContainer("recipients");
        recipients.setOutputMarkupId(true);
        form.add(recipients);
        RadioChoice<Audience.Mode> mode = new RadioChoice<>("mode", new PropertyModel<>(draft, "mode"),
                List.of(Audience.Mode.values()), new ChoiceRenderer<>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public Object getDisplayValue(Audience.Mode m) {
                        return getString("mode." + m.name());
                    }
                });
        mode.add(new AjaxFormChoiceComponentUpdatingBehavior() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onUpdate(AjaxRequestTarget target) {
                applied = false;
                target.add(recipients);
            }
        });
        form.add(mode);

        // specific partners
        WebMarkupContainer specific = visibleFor("specific", Audience.Mode.SPECIFIC);
        recipients.add(specific);
        specific.add(typed("partnerSearch", new PropertyModel<>(this, "partnerSearch"), "search"));
        specific.add(new Button("findPartners"));
        specific.add(new ListView<>("found", LoadableDetachableModel.of(() -> partnerSearch == null || partnerSearch.isBlank()
                ? List.<Partner>of() : WebSupport.services().audiences().page(WebSupport.user(),
                        PartnerFilter.all().withText(partnerSearch), 0, 10))) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Partner> item) {
                Partner p = item.getModelObject();
                item.add(new Label("name", p.name()));
                item.add(new Label("email", p.email()));
                item.add(button("add", () -> draft.specific.add(p.id())).setVisible(!draft.specific.contains(p.id())));
            }
        });
        specific.add(new ListView<>("chosen", LoadableDetachableModel.of(() -> WebSupport.services().broadcasts()
                .partners(WebSupport.user(), draft.specific))) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Partner> item) {
                Partner p = item.getModelObject();
                item.add(new Label("name", p.name() + " <" + p.email() + ">"));
                item.add(button("remove", () -> draft.specific.remove(p.id())));
            }
        });

        // filtered partners: rule groups
        WebMarkupContainer filtered = visibleFor("filtered", Audience.Mode.FILTERED);
        recipients.add(filtered);
        IModel<List<Offer>> offers = LoadableDetachableModel.of(() -> WebSupport.services().broadcasts().offers(WebSupport.user()));
        IModel<List<BrandUser>> managers = LoadableDetachableModel.of(() -> WebSupport.services().host().partners()
                .managers(WebSupport.user().programId()));
        IModel<List<SavedAudience>> savedAudiences = LoadableDetachableModel.of(() -> WebSupport.services().audiences()
                .list(WebSupport.user()));
        filtered.add(new DropDownChoice<>("savedAudience", new PropertyModel<>(this, "savedAudienceChoice"),
                savedAudiences.map(l -> l.stream().map(SavedAudience::id).toList()), new ChoiceRenderer<>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public Object getDisplayValue(Long id) {
                        return savedAudiences.getObject().stream().filter(a -> a.id() == id)
                                .map(a -> a.name() + " (" + a.uses() + ")").findFirst().orElse("");
                    }
                }).setNullValid(true));
        filtered.add(button("useAudience", () -> {
            if (savedAudienceChoice != null) {
                WebSupport.services().audiences().find(WebSupport.user(), savedAudienceChoice).ifPresent(a -> {
                    draft.groups = new ArrayList<>();
                    a.filter().anyOf().forEach(g -> draft.groups.add(new ArrayList<>(g)));
                    draft.savedAudienceId = a.id();
                    applied = false;
                });
            }
        }));
        filtered.add(new TextField<>("audienceName", new PropertyModel<>(this, "audienceName")));
        filtered.add(button("saveAudience", () -> {
            SavedAudience a = WebSupport.services().audiences().save(WebSupport.user(), audienceName,
                    new PartnerFilter(draft.groups, null, null));
            draft.savedAudienceId = a.id();
            success(BulkTexts.text(this, "audienceSaved", Map.of("name", a.name())));
        }));
        filtered.add(new ListView<>("groups", new PropertyModel<List<List<PartnerRule>>>(draft, "groups")) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<List<PartnerRule>> group) {
                int g = group.getIndex();
                group.add(new Label("or", getString("or")).setVisible(g > 0));
                group.add(new ListView<>("rules", group.getModelObject()) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected void populateItem(ListItem<PartnerRule> rule) {
                        int r = rule.getIndex();
                        rule.add(new Label("and", getString("and")).setVisible(r > 0));
                        rule.add(new Label("text", BulkTexts.rule(this, rule.getModelObject(), offers.getObject(),
                                managers.getObject(), WebSupport.user().zoneId())));
                        rule.add(button("removeRule", () -> {
                            draft.groups.get(g).remove(r);
                            if (draft.groups.get(g).isEmpty()) {
                                draft.groups.remove(g);
                            }
                            draft.savedAudienceId = null;
                            applied = false;
                        }));
                    }
                }.setReuseItems(false));
                group.add(button("addToGroup", () -> addRule(g)));
            }
        });
        WebMarkupContainer ruleInput = new WebMarkupContainer("ruleInput");
        ruleInput.setOutputMarkupId(true);
        filtered.add(ruleInput);
        DropDownChoice<PartnerRule.Kind> kind = new DropDownChoice<>("ruleKind", new PropertyModel<>(this, "ruleKind"),
                List.of(PartnerRule.Kind.TAG, PartnerRule.Kind.STATUS, PartnerRule.Kind.MANAGER, PartnerRule.Kind.RUNS_OFFER,
                        PartnerRule.Kind.APPROVED_FOR_OFFER, PartnerRule.Kind.REVENUE_AT_LEAST,
                        PartnerRule.Kind.CONVERSIONS_AT_LEAST, PartnerRule.Kind.JOINED_BETWEEN,
                        PartnerRule.Kind.LAST_LOGIN_BETWEEN, PartnerRule.Kind.NEVER_LOGGED_IN),
                new ChoiceRenderer<>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public Object getDisplayValue(PartnerRule.Kind k) {
                        return getString("kind." + k.name());
                    }
                });
        kind.add(new AjaxFormComponentUpdatingBehavior("change") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onUpdate(AjaxRequestTarget target) {
                target.add(ruleInput);
            }
        });
        ruleInput.add(kind);
        ruleInput.add(input("tagInput", PartnerRule.Kind.TAG).add(new DropDownChoice<>("ruleTag",
                new PropertyModel<>(this, "ruleTag"), LoadableDetachableModel.of(() -> WebSupport.services().host()
                        .partners().tags(WebSupport.user().programId())))));
        ruleInput.add(input("statusInput", PartnerRule.Kind.STATUS).add(new DropDownChoice<>("ruleStatus",
                new PropertyModel<>(this, "ruleStatus"), List.of(PartnershipStatus.values()), new ChoiceRenderer<>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public Object getDisplayValue(PartnershipStatus s) {
                        return getString("partnership." + s.name());
                    }
                })));
        ruleInput.add(input("managerInput", PartnerRule.Kind.MANAGER).add(new DropDownChoice<>("ruleManager",
                new PropertyModel<>(this, "ruleManager"), managers.map(l -> l.stream().map(BrandUser::id).toList()),
                new ChoiceRenderer<>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public Object getDisplayValue(Long id) {
                        return managers.getObject().stream().filter(m -> m.id() == id).map(BrandUser::name).findFirst().orElse("");
                    }
                })));
        ruleInput.add(input("offerInput", PartnerRule.Kind.RUNS_OFFER, PartnerRule.Kind.APPROVED_FOR_OFFER)
                .add(new DropDownChoice<>("ruleOffer", new PropertyModel<>(this, "ruleOffer"),
                        offers.map(l -> l.stream().map(Offer::id).toList()), offerRenderer(offers))));
        WebMarkupContainer perf = input("performanceInput", PartnerRule.Kind.REVENUE_AT_LEAST, PartnerRule.Kind.CONVERSIONS_AT_LEAST);
        perf.add(new TextField<>("ruleAmount", new PropertyModel<>(this, "ruleAmount")));
        perf.add(new DropDownChoice<>("ruleMonths", new PropertyModel<>(this, "ruleMonths"), List.of(1, 3, 12),
                new ChoiceRenderer<>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public Object getDisplayValue(Integer m) {
                        return getString("period." + m);
                    }
                }));
        ruleInput.add(perf);
        WebMarkupContainer dates = input("dateInput", PartnerRule.Kind.JOINED_BETWEEN, PartnerRule.Kind.LAST_LOGIN_BETWEEN);
        dates.add(typed("ruleFrom", new PropertyModel<>(this, "ruleFrom"), "date"));
        dates.add(typed("ruleTo", new PropertyModel<>(this, "ruleTo"), "date"));
        ruleInput.add(dates);
        ruleInput.add(button("addGroup", () -> addRule(-1)));

        // apply: count, summary and review list
        recipients.add(button("apply", () -> {
            applied = true;
            reviewAfter = 0;
        }));
        WebMarkupContainer review = new WebMarkupContainer("review") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(applied);
            }
        };
        recipients.add(review);
        IModel<BroadcastService.Summary> summary = LoadableDetachableModel.of(() -> WebSupport.services().broadcasts()
                .summary(WebSupport.user(), draft, 50));
        review.add(new Label("count", summary.map(s -> BulkTexts.text(this, "countText", Map.of("chosen", s.chosen(),
                "receiving", s.receiving(), "manual", s.excludedByHand(), "notApproved", s.notApproved(),
                "missing", s.missingValues())))));
        review.add(new ListView<>("leftOut", summary.map(BroadcastService.Summary::leftOut)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<BroadcastService.ReviewRow> item) {
                item.add(new Label("name", item.getModelObject().partner().name()));
                item.add(new Label("reason", BulkTexts.reason(this, item.getModelObject().reason())));
            }
        });
        review.add(typed("reviewSearch", new PropertyModel<>(this, "reviewSearch"), "search"));
        review.add(button("searchReview", () -> reviewAfter = 0));
        IModel<List<BroadcastService.ReviewRow>> rows = LoadableDetachableModel.of(() -> WebSupport.services().broadcasts()
                .review(WebSupport.user(), draft, reviewSearch, reviewAfter, REVIEW_PAGE + 1));
        review.add(new ListView<>("rows", rows.map(l -> l.size() > REVIEW_PAGE ? l.subList(0, REVIEW_PAGE) : l)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<BroadcastService.ReviewRow> item) {
                Partner p = item.getModelObject().partner();
                String reason = item.getModelObject().reason();
                item.add(new Label("name", p.name()));
                item.add(new Label("email", p.email()));
                item.add(new Label("reason", reason == null ? getString("receives") : BulkTexts.reason(this, reason)));
                boolean excluded = draft.excluded.contains(p.id());
                item.add(button("exclude", () -> draft.excluded.add(p.id())).setVisible(!excluded));
                item.add(button("include", () -> draft.excluded.remove(p.id())).setVisible(excluded));
                item.add(button("previewAs", () -> previewPartnerId = p.id()));
            }
        });
        review.add(button("reviewFirst", () -> reviewAfter = 0).setVisible(reviewAfter > 0));
        review.add(new Button("reviewNext") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onSubmit() {
                List<BroadcastService.ReviewRow> l = rows.getObject();
                reviewAfter = l.get(Math.min(l.size(), REVIEW_PAGE) - 1).partner().id();
            }

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(applied && rows.getObject().size() > REVIEW_PAGE);
            }
        });

        // ---- offers, fallbacks, options ----
        form.add(new ListView<>("offers", offers) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Offer> item) {
                long offerId = item.getModelObject().id();
                CheckBox box = new CheckBox("included", new IModel<>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public Boolean getObject() {
                        return draft.offerIds.contains(offerId);
                    }

                    @Override
                    public void setObject(Boolean on) {
                        draft.offerIds.remove(offerId);
                        if (Boolean.TRUE.equals(on)) {
                            draft.offerIds.add(offerId);
                        }
                    }
                });
                box.setMarkupId("offer-" + offerId);
                item.add(box);
                item.add(new Label("name", item.getModelObject().name() + " · " + item.getModelObject().client()));
            }
        });
        form.add(new ListView<>("fallbacks", FALLBACK_MACROS) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<String> item) {
                String macro = item.getModelObject();
                item.add(new Label("macro", "{" + macro + "}"));
                TextField<String> value = new TextField<>("value", new IModel<>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public String getObject() {
                        return draft.fallbacks.get(macro);
                    }

                    @Override
                    public void setObject(String v) {
                        if (v == null || v.isBlank()) {
                            draft.fallbacks.remove(macro);
                        } else {
                            draft.fallbacks.put(macro, v);
                        }
                    }
                });
                value.setMarkupId("fallback-" + macro);
                item.add(value);
            }
        });
        form.add(new CheckBox("allowReplies", new PropertyModel<>(draft, "allowReplies")));
        form.add(new CheckBox("emailCopy", new PropertyModel<>(draft, "emailCopy")));
        form.add(typed("scheduleAt", new PropertyModel<>(this, "scheduleText"), "datetime-local"));
        form.add(new Label("zone", viewer.zoneId().getId()));
        form.add(new TextField<>("templateName", new PropertyModel<>(this, "templateName")));

        // ---- actions ----
        form.add(button("saveDraft", () -> {
            WebSupport.services().broadcasts().saveDraft(WebSupport.user(), draft);
            getSession().success(getString("draftSaved"));
            setResponsePage(BroadcastsPage.class, BroadcastsPage.params(BroadcastService.View.DRAFTS));
        }));
        form.add(button("saveTemplate", () -> {
            WebSupport.services().broadcasts().saveTemplate(WebSupport.user(), draft, templateName);
            success(getString("templateSaved"));
        }));
        form.add(button("schedule", () -> {
            draft.scheduleAt = parseSchedule();
            long id = WebSupport.services().broadcasts().schedule(WebSupport.user(), draft);
            getSession().success(getString("scheduled"));
            setResponsePage(BroadcastDetailPage.class, new PageParameters().set("id", id));
        }));
        form.add(button("send", () -> {
            long id = WebSupport.services().broadcasts().sendNow(WebSupport.user(), draft);
            getSession().success(getString("sending"));
            setResponsePage(BroadcastDetailPage.class, new PageParameters().set("id", id));
        }));
    }

    private LocalDateTime parseSchedule() {
        if (scheduleText == null || scheduleText.isBlank()) {
            throw new MessagingException("error.bulk.scheduleMissing");
        }
        try {
            return LocalDateTime.parse(scheduleText.strip());
        } catch (DateTimeParseException e) {
            throw new MessagingException("error.bulk.scheduleMissing");
        }
    }

    private void addRule(int group) {
        PartnerRule rule = newRule();
        if (rule == null) {
            error(getString("ruleIncomplete"));
            return;
        }
        if (group < 0 || group >= draft.groups.size()) {
            draft.groups.add(new ArrayList<>(List.of(rule)));
        } else {
            draft.groups.get(group).add(rule);
        }
        draft.savedAudienceId = null;
        applied = false;
    }

    private PartnerRule newRule() {
        var clock = WebSupport.services().host().clock();
        try {
            return switch (ruleKind) {
                case TAG -> ruleTag == null ? null : PartnerRule.tag(ruleTag);
                case STATUS -> ruleStatus == null ? null : PartnerRule.status(ruleStatus);
                case MANAGER -> ruleManager == null ? null : PartnerRule.manager(ruleManager);
                case RUNS_OFFER -> ruleOffer == null ? null : PartnerRule.runsOffer(ruleOffer);
                case APPROVED_FOR_OFFER -> ruleOffer == null ? null : PartnerRule.approvedForOffer(ruleOffer);
                case REVENUE_AT_LEAST -> ruleAmount == null ? null : PartnerRule.revenueAtLeast(
                        new BigDecimal(ruleAmount.strip()), PerformancePeriod.lastMonths(clock, ruleMonths == null ? 1 : ruleMonths));
                case CONVERSIONS_AT_LEAST -> ruleAmount == null ? null : PartnerRule.conversionsAtLeast(
                        Long.parseLong(ruleAmount.strip()), PerformancePeriod.lastMonths(clock, ruleMonths == null ? 1 : ruleMonths));
                case JOINED_BETWEEN -> PartnerRule.joinedBetween(day(ruleFrom), day(ruleTo));
                case LAST_LOGIN_BETWEEN -> PartnerRule.lastLoginBetween(day(ruleFrom), day(ruleTo));
                case NEVER_LOGGED_IN -> PartnerRule.neverLoggedIn();
                case PARTNER_IN -> null;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    private java.time.Instant day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return LocalDate.parse(text.strip()).atStartOfDay(WebSupport.user().zoneId()).toInstant();
    }

    private BroadcastService.Preview preview() {
        BroadcastService service = WebSupport.services().broadcasts();
        CurrentUser viewer = WebSupport.user();
        try {
            Long partnerId = previewPartnerId;
            if (partnerId == null) {
                List<BroadcastService.ReviewRow> first = service.review(viewer, draft, null, 0, 1);
                partnerId = first.isEmpty() ? null : first.get(0).partner().id();
            }
            if (partnerId == null) {
                return new BroadcastService.Preview(draft.subject, Markdown.toHtml(draft.body), getString("noRecipient"));
            }
            BroadcastService.Preview p = service.preview(viewer, draft, partnerId);
            Partner partner = WebSupport.services().host().partners().partner(viewer.programId(), partnerId).orElseThrow();
            String as = BulkTexts.text(this, "previewAs", Map.of("name", partner.name()))
                    + (p.reason() == null ? "" : " — " + BulkTexts.reason(this, p.reason()));
            return new BroadcastService.Preview(p.subject(), p.html(), as);
        } catch (MessagingException e) {
            return new BroadcastService.Preview(draft.subject, "", WebSupport.text(this, e));
        }
    }

    private AjaxFormComponentUpdatingBehavior liveUpdate(Component preview, Component saved) {
        return new AjaxFormComponentUpdatingBehavior("input") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void updateAjaxAttributes(AjaxRequestAttributes attributes) {
                super.updateAjaxAttributes(attributes);
                attributes.setThrottlingSettings(new ThrottlingSettings(Duration.ofMillis(800), true));
            }

            @Override
            protected void onUpdate(AjaxRequestTarget target) {
                autosave();
                target.add(preview, saved, ComposePage.this.get("parleyFeedback"));
            }
        };
    }

    /** Drafts are saved automatically; an unknown macro is reported and nothing is saved. */
    private void autosave() {
        if ((draft.subject == null || draft.subject.isBlank()) && (draft.body == null || draft.body.isBlank())) {
            return;
        }
        try {
            WebSupport.services().broadcasts().saveDraft(WebSupport.user(), draft);
            savedAt = BulkTexts.time(WebSupport.services().host().clock().instant(), WebSupport.user());
        } catch (MessagingException e) {
            error(WebSupport.text(this, e));
        }
    }

    private WebMarkupContainer visibleFor(String id, Audience.Mode m) {
        return new WebMarkupContainer(id) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(draft.mode == m);
            }
        };
    }

    private WebMarkupContainer input(String id, PartnerRule.Kind... kinds) {
        List<PartnerRule.Kind> list = List.of(kinds);
        return new WebMarkupContainer(id) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(list.contains(ruleKind));
            }
        };
    }

    private static ChoiceRenderer<Long> offerRenderer(IModel<List<Offer>> offers) {
        return new ChoiceRenderer<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public Object getDisplayValue(Long id) {
                return offers.getObject().stream().filter(o -> o.id() == id).map(Offer::name).findFirst().orElse("");
            }
        };
    }

    private Button button(String id, BroadcastsPage.Action action) {
        return new Button(id) {
            private static final long serialVersionUID = 1L;

            @Override
            public void onSubmit() {
                try {
                    action.run();
                } catch (MessagingException e) {
                    error(WebSupport.text(this, e));
                }
            }
        };
    }

    /** A text field for an HTML input type other than "text" (search, date, datetime-local). */
    static TextField<String> typed(String id, IModel<String> model, String... types) {
        return new TextField<>(id, model) {
            private static final long serialVersionUID = 1L;

            @Override
            protected String[] getInputTypes() {
                return types;
            }
        };
    }
}
