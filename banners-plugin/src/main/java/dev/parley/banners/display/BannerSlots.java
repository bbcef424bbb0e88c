package dev.parley.banners.display;

import dev.parley.banners.BannersPlugin;
import dev.parley.banners.banner.Placement;
import dev.parley.api.ui.SlotContext;
import java.util.List;
import org.apache.wicket.Component;
import org.apache.wicket.model.LoadableDetachableModel;

/** Creates the portal panels: dashboard banners, and critical banners on every portal page. */
public final class BannerSlots {

    private BannerSlots() {
    }

    /** @return the carousel for the member in the context, or {@code null} when there is nobody to show it to */
    public static Component create(String id, SlotContext context, Placement placement) {
        if (context.viewer() == null || !context.viewer().isPartner()) {
            return null;
        }
        var viewer = context.viewer();
        LoadableDetachableModel<List<ShownBanner>> model = LoadableDetachableModel
                .of(() -> BannersPlugin.get().services().display().show(viewer, placement));
        return new BannerCarouselPanel(id, model, viewer);
    }
}
