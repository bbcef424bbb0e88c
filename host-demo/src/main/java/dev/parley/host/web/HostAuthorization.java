package dev.parley.host.web;

import dev.parley.api.feature.FeatureGate;
import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.user.CurrentUser;
import dev.parley.host.account.LoginPage;
import dev.parley.host.plugin.PluginRegistry;
import java.util.Optional;
import org.apache.wicket.Component;
import org.apache.wicket.Page;
import org.apache.wicket.RestartResponseAtInterceptPageException;
import org.apache.wicket.authorization.Action;
import org.apache.wicket.authorization.IAuthorizationStrategy;
import org.apache.wicket.request.component.IRequestableComponent;
import org.apache.wicket.request.resource.IResource;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * Enforces {@link PageAccess} when a page is created and again when a stored page is rendered, and
 * hides components of plugins that are not running. Anonymous users go to the login page; the wrong
 * area or a missing permission gives 403; a feature the plan lacks, or a stopped plugin, gives 404.
 */
final class HostAuthorization implements IAuthorizationStrategy {

    private final PluginRegistry registry;
    private final FeatureGate gate;

    HostAuthorization(PluginRegistry registry, FeatureGate gate) {
        this.registry = registry;
        this.gate = gate;
    }

    @Override
    public <T extends IRequestableComponent> boolean isInstantiationAuthorized(Class<T> componentClass) {
        if (Page.class.isAssignableFrom(componentClass)) {
            check(componentClass);
        }
        return true;
    }

    @Override
    public boolean isActionAuthorized(Component component, Action action) {
        if (registry.isFromInactivePlugin(component.getClass())) {
            if (component instanceof Page) {
                throw Http.notFound();
            }
            return false;
        }
        if (component instanceof Page && Component.RENDER.equals(action)) {
            check(component.getClass());
        }
        return true;
    }

    @Override
    public boolean isResourceAuthorized(IResource resource, PageParameters parameters) {
        return !registry.isFromInactivePlugin(resource.getClass());
    }

    private void check(Class<?> pageClass) {
        if (registry.isFromInactivePlugin(pageClass)) {
            throw Http.notFound();
        }
        PageAccess access = pageClass.getAnnotation(PageAccess.class);
        if (access == null && pageClass.getName().startsWith("org.apache.wicket.")) {
            return;
        }
        if (access != null && access.area() == Area.PUBLIC) {
            return;
        }
        Optional<CurrentUser> user = HostSession.currentUserIfAny();
        if (user.isEmpty()) {
            throw new RestartResponseAtInterceptPageException(LoginPage.class);
        }
        if (access == null) {
            return;
        }
        CurrentUser u = user.get();
        if ((access.area() == Area.BRAND && !u.isBrand()) || (access.area() == Area.PORTAL && !u.isPartner())) {
            throw Http.forbidden();
        }
        if (!access.feature().isEmpty() && !gate.isEnabled(u.programId(), access.feature())) {
            throw Http.notFound();
        }
        if (!access.permission().isEmpty() && !u.can(access.permission())) {
            throw Http.forbidden();
        }
    }
}
