package dev.parley.banners.editor;

import dev.parley.api.audience.SavedAudience;
import dev.parley.api.macro.Macros;
import dev.parley.api.partner.Offer;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.plugin.Host;
import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import dev.parley.api.upload.SentFiles;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.banners.BannersPlugin;
import dev.parley.banners.BannersServices;
import dev.parley.banners.banner.AudienceKind;
import dev.parley.banners.banner.Banner;
import dev.parley.banners.banner.BannerDraft;
import dev.parley.banners.banner.BannerProblem;
import dev.parley.banners.banner.BannerService;
import dev.parley.banners.banner.BannerStatus;
import dev.parley.banners.banner.BannerStyle;
import dev.parley.banners.banner.BannerText;
import dev.parley.banners.banner.BannerValidationException;
import dev.parley.banners.banner.Placement;
import dev.parley.banners.display.BannerCarouselPanel;
import dev.parley.banners.display.ShownBanner;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.Component;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.CheckBox;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.NumberTextField;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.form.upload.FileUpload;
import org.apache.wicket.markup.html.form.upload.FileUploadField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.model.CompoundPropertyModel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LambdaModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.ResourceModel;
import org.apache.wicket.model.util.ListModel;
import org.apache.wicket.request.http.flow.AbortWithHttpErrorCodeException;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.convert.ConversionException;
import org.apache.wicket.util.convert.IConverter;

/**
 * Creates or edits a banner: content with light Markdown and macros, image, call to action, style,
 * placement, priority, audience, schedule in the editor's time zone, dismissal; with a preview as any
 * partner of the program. "Save draft" keeps it unpublished; "Publish" schedules or activates it.
 */
@PageAccess(area = Area.BRAND, feature = BannersPlugin.FEATURE, permission = Permissions.BANNERS)
public class BannerEditPage extends ParleyPage {

    private static final long serialVersionUID = 1L;
    static final org.apache.wicket.request.resource.JavaScriptResourceReference EDITOR_SCRIPT =
            new org.apache.wicket.request.resource.JavaScriptResourceReference(BannerEditPage.class, "banners-editor.js");
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    private final Long bannerId;
    private final BannerDraft draft;
    private final ListModel<ShownBanner> preview = new ListModel<>(new ArrayList<>());
    private Long reach;
    private Long previewPartnerId;
    private String previewSearch;
    private final java.util.HashMap<Long, String> partnerNames = new java.util.HashMap<>();
    private IModel<List<Long>> partnerChoices;

    public BannerEditPage() {
        this(new PageParameters());
    }

    public BannerEditPage(PageParameters parameters) {
        super(parameters);
        long id = parameters.get("id").toLong(0);
        CurrentUser actor = BannersPage.actor();
        if (id > 0) {
            Banner b = services().banners().find(actor, id)
                    .filter(x -> x.status(Host.services().clock().instant()) != BannerStatus.ARCHIVED)
                    .orElseThrow(() -> new AbortWithHttpErrorCodeException(404));
            this.bannerId = id;
            this.draft = BannerDraft.of(b, actor.zoneId());
        } else {
            this.bannerId = null;
            this.draft = new BannerDraft();
        }
    }

    private static BannersServices services() {
        return BannersPlugin.get().services();
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        CurrentUser actor = BannersPage.actor();
        long programId = actor.programId();
        var directory = Host.services().partners();
        add(new Label("heading", new ResourceModel(bannerId == null ? "heading.new" : "heading.edit")));

        Form<BannerDraft> form = new Form<>("form", new CompoundPropertyModel<>(draft));
        form.setMultiPart(true);
        form.add(AttributeModifier.replace("data-preview-url", LambdaModel.of(() -> urlFor(LivePreviewResource.REFERENCE,
                new PageParameters()).toString())));
        form.add(AttributeModifier.replace("data-preview-target", "bnr-live-preview"));
        form.add(AttributeModifier.replace("data-image-id", LambdaModel.of(() -> draft.getImageId() == null ? ""
                : String.valueOf(draft.getImageId()))));
        add(form);
        form.add(labelled(new TextField<String>("internalName"), "internalName")
                .add(AttributeModifier.replace("maxlength", BannerText.MAX_NAME)));
        form.add(labelled(new TextField<String>("headline"), "headline")
                .add(AttributeModifier.replace("maxlength", BannerText.MAX_HEADLINE)));
        form.add(labelled(new TextArea<String>("body"), "body"));
        form.add(new Label("macros", String.join(" ", Macros.ALL.stream().map(m -> "{" + m + "}").toList())));
        FileUploadField image = new FileUploadField("image", new ListModel<>(new ArrayList<>()));
        form.add(labelled(image, "image"));
        CheckBox removeImage = new CheckBox("removeImage", Model.of(false));
        removeImage.setVisible(draft.getImageId() != null);
        form.add(removeImage);
        form.add(new WebMarkupContainer("removeImageLabel").setVisible(draft.getImageId() != null));
        form.add(labelled(new TextField<String>("ctaLabel"), "ctaLabel"));
        form.add(labelled(new TextField<String>("ctaUrl"), "ctaUrl"));

        form.add(labelled(new DropDownChoice<>("style", Arrays.asList(BannerStyle.values()),
                new ChoiceRenderer<>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public Object getDisplayValue(BannerStyle s) {
                        return getString("style." + s.name());
                    }

                    @Override
                    public String getIdValue(BannerStyle s, int index) {
                        return s.name();
                    }
                }), "style"));
        form.add(labelled(new DropDownChoice<>("placement", Arrays.asList(Placement.values()),
                new ChoiceRenderer<>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public Object getDisplayValue(Placement p) {
                        return getString("placement." + p.name());
                    }

                    @Override
                    public String getIdValue(Placement p, int index) {
                        return p.name();
                    }
                }), "placement"));
        form.add(labelled(new NumberTextField<Integer>("priority", Integer.class).setMinimum(0).setMaximum(9999), "priority"));

        LinkedHashMap<Long, String> offers = new LinkedHashMap<>();
        for (Offer o : directory.offers(programId)) {
            offers.put(o.id(), o.name());
        }
        form.add(labelled(idChoice("offerId", offers), "offerId"));

        List<SavedAudience> saved = services().audience().savedAudiences(programId);
        List<AudienceKind> kinds = new ArrayList<>(List.of(AudienceKind.ALL));
        if (!saved.isEmpty() || draft.getAudienceKind() == AudienceKind.SAVED) {
            kinds.add(AudienceKind.SAVED);
        }
        kinds.add(AudienceKind.RULES);
        form.add(labelled(new DropDownChoice<>("audienceKind", kinds, new ChoiceRenderer<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public Object getDisplayValue(AudienceKind k) {
                return getString("audience." + k.name());
            }
        }).setNullValid(false), "audienceKind"));
        LinkedHashMap<Long, String> audiences = new LinkedHashMap<>();
        saved.forEach(a -> audiences.put(a.id(), a.name()));
        WebMarkupContainer savedBox = new WebMarkupContainer("savedBox");
        savedBox.setVisible(!saved.isEmpty());
        savedBox.add(labelled(idChoice("audienceId", audiences), "audienceId"));
        form.add(savedBox);
        form.add(labelled(new DropDownChoice<>("ruleTag", directory.tags(programId)).setNullValid(true), "ruleTag"));
        form.add(labelled(new DropDownChoice<>("ruleStatus", Arrays.asList(PartnershipStatus.values()),
                new ChoiceRenderer<>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public Object getDisplayValue(PartnershipStatus s) {
                        return getString("partnerStatus." + s.name());
                    }
                }).setNullValid(true), "ruleStatus"));
        form.add(labelled(idChoice("ruleOfferId", offers), "ruleOfferId"));
        form.add(labelled(new TextField<BigDecimal>("ruleMinRevenue", BigDecimal.class), "ruleMinRevenue"));
        form.add(labelled(new NumberTextField<Integer>("ruleMonths", Integer.class).setMinimum(1).setMaximum(24), "ruleMonths"));

        form.add(labelled(new CheckBox("dismissible"), "dismissible"));
        form.add(labelled(dateTime("startsAt"), "startsAt"));
        form.add(labelled(dateTime("endsAt"), "endsAt"));
        form.add(new Label("zone", actor.zoneId().getId()));

        form.add(new TextField<>("previewSearch", LambdaModel.of(() -> previewSearch, v -> previewSearch = v), String.class)
                .setLabel(new ResourceModel("label.previewSearch")));
        partnerChoices = LoadableDetachableModel.of(() -> {
            List<Long> ids = new ArrayList<>();
            for (Partner p : Host.services().partners().page(programId, PartnerFilter.all().withText(previewSearch), 0, 200)) {
                partnerNames.put(p.id(), p.name());
                ids.add(p.id());
            }
            if (!ids.isEmpty() && (previewPartnerId == null || !ids.contains(previewPartnerId))) {
                previewPartnerId = ids.get(0);
            }
            return ids;
        });
        partnerChoices.getObject();
        DropDownChoice<Long> previewAs = new DropDownChoice<>("previewPartner", partnerChoices, new ChoiceRenderer<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public Object getDisplayValue(Long value) {
                return partnerNames.getOrDefault(value, String.valueOf(value));
            }

            @Override
            public String getIdValue(Long value, int index) {
                return String.valueOf(value);
            }
        });
        previewAs.setModel(LambdaModel.of(() -> previewPartnerId, v -> previewPartnerId = v));
        previewAs.setLabel(new ResourceModel("label.previewPartner"));
        form.add(previewAs);

        form.add(new Button("preview") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onSubmit() {
                // The search may have changed: list its partners, keeping the choice when it still matches.
                partnerChoices.detach();
                partnerChoices.getObject();
                if (attachImage(image, removeImage)) {
                    refreshPreview(true);
                }
            }
        });
        form.add(new Button("saveDraft") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onSubmit() {
                save(image, removeImage, false);
            }
        });
        form.add(new Button("publish") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onSubmit() {
                save(image, removeImage, true);
            }
        });
        form.add(new BookmarkablePageLink<>("cancel", BannersPage.class));

        add(new Label("reach", LambdaModel.of(() -> reach == null ? "" : getString("reach").replace("${count}",
                String.valueOf(reach)))) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(reach != null);
            }
        });
        add(new Label("previewAs", LambdaModel.of(() -> previewPartnerId == null ? "" : partnerNames.getOrDefault(previewPartnerId, ""))));
        add(new BannerCarouselPanel("previewPanel", preview, null));
        add(new Label("noPreview", new ResourceModel("preview.none")) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(preview.getObject().isEmpty());
            }
        });
        if (bannerId != null) {
            refreshPreview(false);
        }
    }

    @Override
    public void renderHead(org.apache.wicket.markup.head.IHeaderResponse response) {
        super.renderHead(response);
        BannerCarouselPanel.renderResources(response);
        response.render(org.apache.wicket.markup.head.JavaScriptHeaderItem.forReference(EDITOR_SCRIPT, "parley-banners-editor"));
    }

    private void save(FileUploadField image, CheckBox removeImage, boolean publish) {
        if (!attachImage(image, removeImage)) {
            return;
        }
        try {
            services().banners().save(BannersPage.actor(), bannerId, draft, publish);
            getSession().success(getString(publish ? "published" : "saved"));
            setResponsePage(BannersPage.class);
        } catch (BannerValidationException e) {
            report(e);
        }
    }

    /** @return false when the upload was refused (the error is shown) */
    private boolean attachImage(FileUploadField field, CheckBox remove) {
        if (Boolean.TRUE.equals(remove.getModelObject())) {
            draft.setImageId(null);
        }
        // The name exactly as sent: Wicket's getClientFileName() would hide a path that must be refused.
        List<SentFiles.SentFile> sent = SentFiles.of(field);
        if (sent.isEmpty()) {
            return true;
        }
        try {
            BannerService.requirePlainName(sent.get(0).name());
            FileUpload upload = sent.get(0).upload();
            draft.setImageId(services().banners().uploadImage(BannersPage.actor(), sent.get(0).name(), upload.getBytes()));
            return true;
        } catch (BannerValidationException e) {
            report(e);
            return false;
        }
    }

    private void refreshPreview(boolean showErrors) {
        preview.setObject(new ArrayList<>());
        if (previewPartnerId == null) {
            return;
        }
        try {
            CurrentUser actor = BannersPage.actor();
            Banner unsaved = services().banners().unsaved(actor, draft);
            reach = services().audience().reach(actor.programId(), draft);
            preview.setObject(new ArrayList<>(List.of(services().display().preview(actor, unsaved, previewPartnerId))));
        } catch (BannerValidationException e) {
            if (showErrors) {
                report(e);
            }
        }
    }

    private void report(BannerValidationException e) {
        Form<?> form = (Form<?>) get("form");
        for (BannerProblem p : e.problems()) {
            String text = getString("error." + p.key()).replace("${detail}", p.detail() == null ? "" : p.detail());
            Component c = form.get(p.field());
            if (c == null) {
                c = form.get("savedBox:" + p.field());
            }
            (c == null ? form : c).error(text);
        }
    }

    private <T extends Component> T labelled(T c, String key) {
        if (c instanceof org.apache.wicket.markup.html.form.FormComponent<?> fc) {
            fc.setLabel(new ResourceModel("label." + key));
        }
        return c;
    }

    private static DropDownChoice<Long> idChoice(String id, LinkedHashMap<Long, String> names) {
        DropDownChoice<Long> c = new DropDownChoice<>(id, new ArrayList<>(names.keySet()), new ChoiceRenderer<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public Object getDisplayValue(Long value) {
                return names.getOrDefault(value, String.valueOf(value));
            }

            @Override
            public String getIdValue(Long value, int index) {
                return String.valueOf(value);
            }
        });
        c.setNullValid(true);
        return c;
    }

    private static TextField<LocalDateTime> dateTime(String id) {
        TextField<LocalDateTime> field = new TextField<>(id, LocalDateTime.class) {
            private static final long serialVersionUID = 1L;

            @Override
            protected IConverter<?> createConverter(Class<?> type) {
                return new IConverter<LocalDateTime>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public LocalDateTime convertToObject(String value, Locale locale) {
                        if (value == null || value.isBlank()) {
                            return null;
                        }
                        try {
                            return LocalDateTime.parse(value.strip().replace(' ', 'T'), LOCAL);
                        } catch (DateTimeParseException e) {
                            throw new ConversionException(e).setResourceKey("error.dateTime");
                        }
                    }

                    @Override
                    public String convertToString(LocalDateTime value, Locale locale) {
                        return value == null ? "" : LOCAL.format(value);
                    }
                };
            }
        };
        field.add(AttributeModifier.replace("type", "datetime-local"));
        return field;
    }
}
