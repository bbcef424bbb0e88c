package dev.parley.host.web;

import dev.parley.api.plugin.HostServices;
import dev.parley.api.ui.HostUi;
import dev.parley.api.ui.PageMount;
import dev.parley.api.ui.RequestMemo;
import dev.parley.api.ui.ResourceMount;
import dev.parley.host.plugin.PluginResourceMapper;
import dev.parley.host.ParleyHost;
import dev.parley.host.account.LoginPage;
import dev.parley.host.account.RolesPage;
import dev.parley.host.admin.PluginsPage;
import dev.parley.host.admin.SettingsPage;
import dev.parley.host.dashboard.BrandDashboardPage;
import dev.parley.host.mail.OutboxPage;
import dev.parley.host.partner.PartnerProfilePage;
import dev.parley.host.partner.PartnersPage;
import dev.parley.host.plan.PlanMatrixPage;
import dev.parley.host.plugin.PluginClassResolver;
import dev.parley.host.plugin.PluginPageMapper;
import dev.parley.host.plugin.PluginRegistry;
import dev.parley.host.portal.PortalDashboardPage;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.wicket.Component;
import org.apache.wicket.Page;
import org.apache.wicket.RuntimeConfigurationType;
import org.apache.wicket.Session;
import org.apache.wicket.core.request.handler.IPageClassRequestHandler;
import org.apache.wicket.markup.head.CssHeaderItem;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.protocol.http.ResourceIsolationRequestCycleListener;
import org.apache.wicket.protocol.http.WebApplication;
import org.apache.wicket.request.IRequestHandler;
import org.apache.wicket.request.Request;
import org.apache.wicket.request.Response;
import org.apache.wicket.request.http.WebRequest;
import org.apache.wicket.request.http.WebResponse;
import org.apache.wicket.protocol.http.servlet.ServletWebRequest;
import org.apache.wicket.protocol.http.servlet.ServletWebResponse;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.wicket.request.cycle.IRequestCycleListener;
import org.apache.wicket.request.cycle.RequestCycle;
import org.apache.wicket.request.handler.resource.ResourceReferenceRequestHandler;
import org.apache.wicket.request.resource.CssResourceReference;
import org.apache.wicket.request.resource.ResourceReference;
import org.apache.wicket.resource.PropertiesFactory;
import org.apache.wicket.resource.UtfPropertiesFilePropertiesLoader;
import org.apache.wicket.resource.XmlFilePropertiesLoader;
import org.apache.wicket.settings.ExceptionSettings;

/**
 * The host's Wicket application: host pages, plugin pages mounted as plugins start, the plugin-aware
 * class resolver, access control and the look shared by host and plugin pages.
 */
public class HostApplication extends WebApplication implements HostUi {

    private static final ResourceReference BOOTSTRAP = new WebjarReference("bootstrap/5.3.3/dist/css/bootstrap.min.css");
    /** Bootstrap's own scripts (with Popper): the collapsible menu on narrow screens. */
    private static final ResourceReference BOOTSTRAP_JS = new WebjarReference("bootstrap/5.3.3/dist/js/bootstrap.bundle.min.js");
    private static final ResourceReference HOST_CSS = new CssResourceReference(HostApplication.class, "host.css");
    private static final ResourceReference HOST_JS = new org.apache.wicket.request.resource.JavaScriptResourceReference(
            HostApplication.class, "parley.js");

    private final ParleyHost host;
    private final Set<String> mountedPaths = ConcurrentHashMap.newKeySet();
    private final List<Mount> mounts = new java.util.concurrent.CopyOnWriteArrayList<>();

    public HostApplication(ParleyHost host) {
        this.host = host;
    }

    public static HostApplication get() {
        return (HostApplication) WebApplication.get();
    }

    public ParleyHost host() {
        return host;
    }

    @Override
    public RuntimeConfigurationType getConfigurationType() {
        return host.config().getBoolean("development", false) ? RuntimeConfigurationType.DEVELOPMENT
                : RuntimeConfigurationType.DEPLOYMENT;
    }

    @Override
    protected void init() {
        super.init();
        PluginRegistry registry = host.registry();
        getApplicationSettings().setClassResolver(new PluginClassResolver(registry.manager()));
        getApplicationSettings().setAccessDeniedPage(HttpErrorPage.class);
        getApplicationSettings().setInternalErrorPage(InternalErrorPage.class);
        getExceptionSettings().setUnexpectedExceptionDisplay(ExceptionSettings.SHOW_INTERNAL_ERROR_PAGE);
        getMarkupSettings().setStripWicketTags(true);
        getStoreSettings().setFileStoreFolder(host.config().dataDir().resolve("pagestore").toFile());
        useUtf8Properties();
        // Bootstrap draws form controls (select arrows, checkboxes) with data: SVG images.
        getCspSettings().blocking().add(org.apache.wicket.csp.CSPDirective.IMG_SRC, "data:");

        getComponentInstantiationListeners().add(new InlineValidation());
        getSecuritySettings().setAuthorizationStrategy(new HostAuthorization(registry, host.plans()));
        getRequestCycleListeners().add(new ResourceIsolationRequestCycleListener());
        // answers remembered for one request (feature checks, unread counts) start empty in each
        getRequestCycleListeners().add(RequestMemo.CLEAR_AT_REQUEST_START);
        getRequestCycleListeners().add(new InactivePluginGuard(registry));
        getRequestCycleListeners().add(new DatabaseOutageListener());
        getRequestCycleListeners().add(new ErrorCodePages());
        mount(new ErrorCodePages.UnknownUrl());

        mountHostPage("/login", LoginPage.class);
        mountHostPage("/dashboard", BrandDashboardPage.class);
        mountHostPage("/partners", PartnersPage.class);
        mountHostPage("/partners/${partnerId}", PartnerProfilePage.class);
        mountHostPage("/portal", PortalDashboardPage.class);
        mountHostPage("/settings", SettingsPage.class);
        mountHostPage("/settings/plans", PlanMatrixPage.class);
        mountHostPage("/settings/roles", RolesPage.class);
        mountHostPage("/settings/plugins", PluginsPage.class);
        mountHostPage("/settings/outbox", OutboxPage.class);
        mountHostPage("/t/${offer}/${partner}/${signature}", dev.parley.host.tracking.TrackedClickPage.class);
        registry.onPluginStarted(this::mountPluginPages);
    }

    private void mountHostPage(String path, Class<? extends Page> page) {
        mountPage(path, page);
        mounts.add(new Mount(path, page.getName(), "host"));
    }

    /** @return every URL this application mounted, host and plugin, for the access-matrix test */
    public List<Mount> mounts() {
        return List.copyOf(mounts);
    }

    /**
     * A mounted URL.
     *
     * @param path mount path, possibly with placeholders such as ${partnerId}
     * @param target page or resource class name
     * @param owner "host" or the plugin id
     */
    public record Mount(String path, String target, String owner) {
    }

    /** Reads every .properties file as UTF-8, so the Chinese texts can be written as they are. */
    private void useUtf8Properties() {
        PropertiesFactory factory = (PropertiesFactory) getResourceSettings().getPropertiesFactory();
        factory.getPropertiesLoaders().clear();
        factory.getPropertiesLoaders().add(new UtfPropertiesFilePropertiesLoader("utf8.properties", "utf-8"));
        factory.getPropertiesLoaders().add(new UtfPropertiesFilePropertiesLoader("properties", "utf-8"));
        factory.getPropertiesLoaders().add(new XmlFilePropertiesLoader("properties.xml"));
    }

    private void mountPluginPages(String pluginId) {
        for (PageMount m : host.registry().mounts(pluginId)) {
            if (mountedPaths.add(m.path())) {
                mount(new PluginPageMapper(m.path(), m.pageClass(), pluginId, host.registry()));
                mounts.add(new Mount(m.path(), m.pageClass().getName(), pluginId));
            }
        }
        for (ResourceMount m : host.registry().resourceMounts(pluginId)) {
            if (mountedPaths.add(m.path())) {
                mount(new PluginResourceMapper(m.path(), m.reference(), pluginId, host.registry()));
                mounts.add(new Mount(m.path(), m.reference().getClass().getName(), pluginId));
            }
        }
    }

    @Override
    public Class<? extends Page> getHomePage() {
        return HomePage.class;
    }

    @Override
    public Session newSession(Request request, Response response) {
        return new HostSession(request);
    }

    @Override
    protected WebResponse newWebResponse(WebRequest webRequest, HttpServletResponse httpServletResponse) {
        if (getServletContext().getEffectiveSessionTrackingModes().contains(SessionTrackingMode.URL)) {
            return super.newWebResponse(webRequest, httpServletResponse);
        }
        return new CookieSessionResponse((ServletWebRequest) webRequest, httpServletResponse);
    }

    /**
     * The response when sessions travel in cookies only (as {@link JettyServer} sets up): the container
     * never adds a session id to a URL, yet Wicket asks it for each URL of a page (an inbox page has
     * ~60), after rendering the URL in full, which parses the request's URL three times. Answered
     * here without asking.
     */
    private static final class CookieSessionResponse extends ServletWebResponse {

        CookieSessionResponse(ServletWebRequest request, HttpServletResponse response) {
            super(request, response);
        }

        @Override
        public String encodeURL(CharSequence url) {
            return url.toString();
        }

        @Override
        public String encodeRedirectURL(CharSequence url) {
            return url.toString();
        }
    }

    @Override
    public HostServices hostServices() {
        return host.services();
    }

    @Override
    public Component newPageHeader(String id) {
        return new HeaderPanel(id);
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        response.render(CssHeaderItem.forReference(BOOTSTRAP));
        response.render(CssHeaderItem.forReference(HOST_CSS));
        // No favicon request (and no 404 in the browser console) for every page.
        response.render(org.apache.wicket.markup.head.StringHeaderItem.forString("<link rel=\"icon\" href=\"data:,\">"));
        response.render(org.apache.wicket.markup.head.JavaScriptHeaderItem.forReference(BOOTSTRAP_JS).setDefer(true));
        response.render(org.apache.wicket.markup.head.JavaScriptHeaderItem.forReference(HOST_JS).setDefer(true));
    }

    /** Answers 404 for pages and resources of plugins that are not running, whatever URL reaches them. */
    private static final class InactivePluginGuard implements IRequestCycleListener {

        private final PluginRegistry registry;

        InactivePluginGuard(PluginRegistry registry) {
            this.registry = registry;
        }

        @Override
        public IRequestHandler onException(RequestCycle cycle, Exception ex) {
            return null;
        }

        @Override
        public void onRequestHandlerResolved(RequestCycle cycle, IRequestHandler handler) {
            Class<?> type = null;
            if (handler instanceof IPageClassRequestHandler pageHandler) {
                type = pageHandler.getPageClass();
            } else if (handler instanceof ResourceReferenceRequestHandler resource) {
                type = resource.getResourceReference().getScope();
            }
            if (type != null && registry.isFromInactivePlugin(type)) {
                throw Http.notFound();
            }
        }
    }

    /** @return where Wicket keeps its page store */
    Path pageStore() {
        return host.config().dataDir().resolve("pagestore");
    }
}
