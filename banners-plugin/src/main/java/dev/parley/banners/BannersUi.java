package dev.parley.banners;

import dev.parley.api.ui.Area;
import dev.parley.api.ui.HostSlot;
import dev.parley.api.ui.MenuTab;
import dev.parley.api.ui.PageMount;
import dev.parley.api.ui.ResourceMount;
import dev.parley.api.ui.SlotPanel;
import dev.parley.api.ui.UiContribution;
import dev.parley.api.user.Permissions;
import dev.parley.banners.analytics.BannerAnalyticsPage;
import dev.parley.banners.banner.Placement;
import dev.parley.banners.display.BannerResources;
import dev.parley.banners.display.BannerSlots;
import dev.parley.banners.editor.BannerEditPage;
import dev.parley.banners.editor.BannersPage;
import dev.parley.banners.editor.LivePreviewResource;
import java.util.List;
import org.pf4j.Extension;

/** The banners plugin's pages, tab, resources and portal panels. */
@Extension
public class BannersUi implements UiContribution {

    @Override
    public List<PageMount> pageMounts() {
        return List.of(new PageMount("/banners", BannersPage.class),
                new PageMount("/banners/edit", BannerEditPage.class),
                new PageMount("/banners/analytics", BannerAnalyticsPage.class));
    }

    @Override
    public List<ResourceMount> resourceMounts() {
        return List.of(new ResourceMount("/banner-click", BannerResources.CLICK),
                new ResourceMount("/banner-image", BannerResources.IMAGE),
                new ResourceMount("/banner-preview", LivePreviewResource.REFERENCE));
    }

    @Override
    public List<MenuTab> menuTabs() {
        return List.of(new MenuTab(Area.BRAND, "tab.banners", BannersPage.class, 400, BannersPlugin.FEATURE,
                Permissions.BANNERS, null));
    }

    @Override
    public List<SlotPanel> slotPanels() {
        return List.of(
                new SlotPanel(HostSlot.PARTNER_DASHBOARD_TOP, 100, BannersPlugin.FEATURE, null,
                        (id, context) -> BannerSlots.create(id, context, Placement.DASHBOARD)),
                new SlotPanel(HostSlot.PORTAL_EVERY_PAGE, 100, BannersPlugin.FEATURE, null,
                        (id, context) -> BannerSlots.create(id, context, Placement.EVERY_PAGE)));
    }
}
