package dev.parley.banners;

import dev.parley.api.ui.Area;
import dev.parley.api.ui.MenuTab;
import dev.parley.api.ui.PageMount;
import dev.parley.api.ui.UiContribution;
import dev.parley.api.user.Permissions;
import dev.parley.banners.editor.BannersPage;
import java.util.List;
import org.pf4j.Extension;

/** The banners plugin's pages and tabs. */
@Extension
public class BannersUi implements UiContribution {

    @Override
    public List<PageMount> pageMounts() {
        return List.of(new PageMount("/banners", BannersPage.class));
    }

    @Override
    public List<MenuTab> menuTabs() {
        return List.of(new MenuTab(Area.BRAND, "tab.banners", BannersPage.class, 400, BannersPlugin.FEATURE,
                Permissions.BANNERS, null));
    }
}
