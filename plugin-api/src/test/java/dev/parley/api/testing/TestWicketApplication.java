package dev.parley.api.testing;

import dev.parley.api.plugin.HostServices;
import dev.parley.api.ui.HostUi;
import org.apache.wicket.Component;
import org.apache.wicket.Page;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.WebPage;
import org.apache.wicket.protocol.http.WebApplication;

/**
 * A minimal Wicket host for testing plugin pages with WicketTester: plain header, the given host
 * services. Access rules ({@code @PageAccess}) are the real host's job and are tested in host-demo.
 */
public class TestWicketApplication extends WebApplication implements HostUi {

    private final HostServices services;

    public TestWicketApplication(HostServices services) {
        this.services = services;
    }

    @Override
    protected void init() {
        super.init();
        getStoreSettings().setAsynchronous(false);
        getCspSettings().blocking().disabled();
        // Like every Parley host: what RequestMemo remembered is forgotten when a request begins.
        getRequestCycleListeners().add(dev.parley.api.ui.RequestMemo.CLEAR_AT_REQUEST_START);
        // Like every Parley host: .properties files are UTF-8.
        var factory = (org.apache.wicket.resource.PropertiesFactory) getResourceSettings().getPropertiesFactory();
        factory.getPropertiesLoaders().clear();
        factory.getPropertiesLoaders().add(new org.apache.wicket.resource.UtfPropertiesFilePropertiesLoader("utf8.properties", "utf-8"));
        factory.getPropertiesLoaders().add(new org.apache.wicket.resource.UtfPropertiesFilePropertiesLoader("properties", "utf-8"));
    }

    @Override
    public Class<? extends Page> getHomePage() {
        return EmptyPage.class;
    }

    @Override
    public HostServices hostServices() {
        return services;
    }

    @Override
    public Component newPageHeader(String id) {
        return new WebMarkupContainer(id);
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        // no host styles in tests
    }

    /** The home page of the test application. */
    public static class EmptyPage extends WebPage {
        private static final long serialVersionUID = 1L;
    }
}
