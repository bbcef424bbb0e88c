package dev.parley.banners.editor;

import dev.parley.api.plugin.Host;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.banners.BannersPlugin;
import dev.parley.banners.banner.Banner;
import dev.parley.banners.banner.BannerDraft;
import dev.parley.banners.banner.BannerProblem;
import dev.parley.banners.banner.BannerStyle;
import dev.parley.banners.banner.BannerValidationException;
import dev.parley.banners.banner.Placement;
import dev.parley.banners.display.BannerCarouselPanel;
import dev.parley.banners.display.ShownBanner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.wicket.Session;
import org.apache.wicket.core.util.string.ComponentRenderer;
import org.apache.wicket.model.util.ListModel;
import org.apache.wicket.request.IRequestParameters;
import org.apache.wicket.request.resource.AbstractResource;
import org.apache.wicket.request.resource.ResourceReference;
import org.apache.wicket.util.string.Strings;

/**
 * The editor's live preview: the editor's script posts the form's content fields while the user
 * types and gets back the banner rendered for the chosen partner (same panel the portal uses), or the
 * validation messages. Brand users with the Banners permission only; nothing is stored.
 */
public final class LivePreviewResource extends AbstractResource {

    private static final long serialVersionUID = 1L;

    /** Mounted at {@code /banner-preview}. */
    public static final ResourceReference REFERENCE = new ResourceReference(LivePreviewResource.class, "preview") {
        private static final long serialVersionUID = 1L;

        @Override
        public org.apache.wicket.request.resource.IResource getResource() {
            return new LivePreviewResource();
        }
    };

    @Override
    protected ResourceResponse newResourceResponse(Attributes attributes) {
        ResourceResponse r = new ResourceResponse();
        r.disableCaching();
        Optional<CurrentUser> actor = Host.services().currentUser();
        if (actor.isEmpty() || !actor.get().can(Permissions.BANNERS)
                || !Host.services().features().isEnabled(actor.get().programId(), BannersPlugin.FEATURE)) {
            r.setError(403);
            return r;
        }
        IRequestParameters p = attributes.getRequest().getRequestParameters();
        BannerDraft d = new BannerDraft();
        String name = p.getParameterValue("internalName").toOptionalString();
        d.setInternalName(name == null || name.isBlank() ? "preview" : name);
        d.setHeadline(p.getParameterValue("headline").toOptionalString());
        d.setBody(p.getParameterValue("body").toOptionalString());
        d.setCtaLabel(p.getParameterValue("ctaLabel").toOptionalString());
        d.setCtaUrl(p.getParameterValue("ctaUrl").toOptionalString());
        d.setStyle(enumValue(BannerStyle.class, p.getParameterValue("style").toOptionalString(), BannerStyle.INFO));
        d.setPlacement(d.getStyle() == BannerStyle.CRITICAL ? Placement.EVERY_PAGE : Placement.DASHBOARD);
        d.setOfferId(longValue(p.getParameterValue("offerId").toOptionalString()));
        d.setImageId(longValue(p.getParameterValue("imageId").toOptionalString()));
        Long partnerId = longValue(p.getParameterValue("previewPartner").toOptionalString());
        String html;
        try {
            var services = BannersPlugin.get().services();
            Banner unsaved = services.banners().unsaved(actor.get(), d);
            if (partnerId == null) {
                html = "";
            } else {
                ShownBanner shown = services.display().preview(actor.get(), unsaved, partnerId);
                html = ComponentRenderer.renderComponent(new BannerCarouselPanel("preview",
                        new ListModel<>(new ArrayList<>(List.of(shown))), null)).toString();
            }
        } catch (BannerValidationException e) {
            html = problems(e.problems());
        } catch (SecurityException e) {
            r.setError(404);
            return r;
        }
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        r.setContentType("text/html; charset=utf-8");
        r.setContentLength(bytes.length);
        r.setWriteCallback(new WriteCallback() {
            @Override
            public void writeData(Attributes a) {
                a.getResponse().write(bytes);
            }
        });
        return r;
    }

    private static String problems(List<BannerProblem> problems) {
        Locale locale = Session.exists() ? Session.get().getLocale() : Locale.ENGLISH;
        StringBuilder out = new StringBuilder("<ul class=\"text-danger small bnr-preview-problems\">");
        for (BannerProblem p : problems) {
            String text = new org.apache.wicket.resource.loader.ComponentStringResourceLoader()
                    .loadStringResource(BannerEditPage.class, "error." + p.key(), locale, null, null);
            text = (text == null ? p.key() : text).replace("${detail}", p.detail() == null ? "" : p.detail());
            out.append("<li>").append(Strings.escapeMarkup(text)).append("</li>");
        }
        return out.append("</ul>").toString();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, E fallback) {
        try {
            return value == null ? fallback : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static Long longValue(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
