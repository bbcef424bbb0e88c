package dev.parley.api.ui;

import dev.parley.api.plugin.Host;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.TransparentWebMarkupContainer;
import org.apache.wicket.model.LambdaModel;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.html.WebPage;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.ResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * Base page for host and plugin pages: the host's header and navigation, a feedback area, then the
 * page's own markup ({@code <wicket:extend>}). Annotate subclasses with {@link PageAccess}.
 *
 * @since 1.0
 */
public abstract class ParleyPage extends WebPage {

    private static final long serialVersionUID = 1L;

    protected ParleyPage() {
        super();
    }

    protected ParleyPage(PageParameters parameters) {
        super(parameters);
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        // Screen readers and fonts follow the page's language (the viewer's locale).
        TransparentWebMarkupContainer html = new TransparentWebMarkupContainer("html");
        html.add(AttributeModifier.replace("lang", LambdaModel.of(() -> getLocale().toLanguageTag())));
        add(html);
        add(new Label("pageTitle", pageTitle()));
        add(Host.ui().newPageHeader("parleyHeader"));
        add(new FeedbackPanel("parleyFeedback").setOutputMarkupId(true));
    }

    /**
     * @return the browser title; by default the resource {@code page.title}
     */
    protected IModel<String> pageTitle() {
        return new ResourceModel("page.title", "Parley");
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        super.renderHead(response);
        Host.ui().renderHead(response);
    }
}
