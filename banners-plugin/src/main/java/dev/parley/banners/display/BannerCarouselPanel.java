package dev.parley.banners.display;

import dev.parley.api.user.CurrentUser;
import dev.parley.banners.BannersPlugin;
import dev.parley.banners.banner.BannerStyle;
import java.util.List;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.head.CssHeaderItem;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.head.JavaScriptHeaderItem;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.ExternalLink;
import org.apache.wicket.markup.html.link.Link;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.request.resource.CssResourceReference;
import org.apache.wicket.request.resource.JavaScriptResourceReference;

/**
 * Banners as an accessible carousel (one banner shows as a plain announcement, without controls).
 * Used in the partner portal (live banners of the member, with dismissal and tracked call-to-action
 * clicks) and in the editor's preview. No inline script or style attribute: the behaviour comes from
 * {@code banners.js} and the look from {@code banners.css}, both rendered as header items.
 */
public class BannerCarouselPanel extends Panel {

    private static final long serialVersionUID = 1L;

    static final JavaScriptResourceReference SCRIPT = new JavaScriptResourceReference(BannerCarouselPanel.class, "banners.js");
    static final CssResourceReference STYLE = new CssResourceReference(BannerCarouselPanel.class, "banners.css");

    private final IModel<List<ShownBanner>> banners;
    private final CurrentUser viewer;

    /**
     * @param banners the banners to show, in order
     * @param viewer the partner member looking (dismissal and tracked clicks), or {@code null} for a preview
     */
    public BannerCarouselPanel(String id, IModel<List<ShownBanner>> banners, CurrentUser viewer) {
        super(id, banners);
        this.banners = banners;
        this.viewer = viewer;
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        WebMarkupContainer carousel = new WebMarkupContainer("carousel");
        carousel.setOutputMarkupId(true);
        carousel.add(AttributeModifier.replace("aria-label", getString("carousel.label")));
        add(carousel);
        WebMarkupContainer controls = new WebMarkupContainer("controls") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(banners.getObject().size() > 1);
            }
        };
        WebMarkupContainer pause = new WebMarkupContainer("pause");
        pause.add(AttributeModifier.replace("aria-label", getString("carousel.pause")));
        pause.add(AttributeModifier.replace("title", getString("carousel.pause")));
        pause.add(AttributeModifier.replace("data-label-pause", getString("carousel.pause")));
        pause.add(AttributeModifier.replace("data-label-play", getString("carousel.play")));
        controls.add(pause);
        carousel.add(controls);
        carousel.add(new ListView<>("slides", banners) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<ShownBanner> item) {
                ShownBanner b = item.getModelObject();
                int count = getList().size();
                item.add(AttributeModifier.append("class", styleClass(b.style())));
                item.add(AttributeModifier.replace("aria-label", getString("slide.label", null, "")
                        .replace("${0}", String.valueOf(item.getIndex() + 1)).replace("${1}", String.valueOf(count))
                        .replace("${2}", b.headline())));
                WebMarkupContainer image = new WebMarkupContainer("image");
                if (b.imageId() != null) {
                    image.add(AttributeModifier.replace("src",
                            urlFor(BannerResources.IMAGE, new PageParameters().add("id", b.imageId())).toString()));
                } else {
                    image.setVisible(false);
                }
                item.add(image);
                item.add(new Label("headline", b.headline()));
                item.add(new Label("body", b.bodyHtml()).setEscapeModelStrings(false));
                String href = !b.hasCta() ? "#"
                        : viewer == null ? b.ctaUrl()
                        : urlFor(BannerResources.CLICK, new PageParameters().add("banner", b.id())).toString();
                ExternalLink cta = new ExternalLink("cta", href);
                cta.add(new Label("ctaLabel", b.ctaLabel() == null ? "" : b.ctaLabel()));
                cta.setVisible(b.hasCta());
                item.add(cta);
                long bannerId = b.id();
                Link<Void> dismiss = new Link<>("dismiss") {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void onClick() {
                        BannersPlugin.get().services().display().dismiss(viewer, bannerId);
                        banners.detach();
                    }
                };
                dismiss.setVisible(viewer != null && b.dismissible());
                item.add(dismiss);
            }
        }.setReuseItems(false));
    }

    @Override
    protected void onConfigure() {
        super.onConfigure();
        setVisible(!banners.getObject().isEmpty());
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        super.renderHead(response);
        renderResources(response);
    }

    /**
     * Adds the carousel's style and script to a page, also for a page that shows no carousel yet: the
     * banner editor's live preview brings carousel markup later, without its header items (its links
     * would keep the browser's blue, too pale on the coloured backgrounds).
     */
    public static void renderResources(IHeaderResponse response) {
        response.render(CssHeaderItem.forReference(STYLE));
        response.render(JavaScriptHeaderItem.forReference(SCRIPT, "parley-banners"));
    }

    static String styleClass(BannerStyle style) {
        return switch (style) {
            case INFO -> "alert-info bnr-info";
            case SUCCESS -> "alert-success bnr-success";
            case WARNING -> "alert-warning bnr-warning";
            case CRITICAL -> "alert-danger bnr-critical";
        };
    }
}
