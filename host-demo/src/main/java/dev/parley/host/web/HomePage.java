package dev.parley.host.web;

import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.user.CurrentUser;
import dev.parley.host.account.LoginPage;
import dev.parley.host.dashboard.BrandDashboardPage;
import dev.parley.host.portal.PortalDashboardPage;
import java.util.Optional;
import org.apache.wicket.RestartResponseException;
import org.apache.wicket.markup.html.WebPage;

/** "/": sends each user to their start page. */
@PageAccess(area = Area.PUBLIC)
public class HomePage extends WebPage {

    private static final long serialVersionUID = 1L;

    public HomePage() {
        Optional<CurrentUser> user = HostSession.currentUserIfAny();
        if (user.isEmpty()) {
            throw new RestartResponseException(LoginPage.class);
        }
        if (user.get().isBrand()) {
            throw new RestartResponseException(BrandDashboardPage.class);
        }
        throw new RestartResponseException(PortalDashboardPage.class);
    }
}
