package dev.parley.banners.display;

import dev.parley.api.ui.SlotContext;
import dev.parley.banners.banner.Placement;
import org.apache.wicket.Component;
import org.apache.wicket.MarkupContainer;
import org.apache.wicket.markup.IMarkupResourceStreamProvider;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.WebPage;
import org.apache.wicket.util.resource.IResourceStream;
import org.apache.wicket.util.resource.StringResourceStream;

/** A bare page with one slot, as a host page would have, so header items are rendered too. */
public class SlotTestPage extends WebPage implements IMarkupResourceStreamProvider {

    private static final long serialVersionUID = 1L;

    public SlotTestPage(SlotContext context, Placement placement) {
        Component c = BannerSlots.create("banners", context, placement);
        add(c == null ? new WebMarkupContainer("banners") : c);
    }

    @Override
    public IResourceStream getMarkupResourceStream(MarkupContainer container, Class<?> containerClass) {
        return new StringResourceStream("<!DOCTYPE html><html><head><title>t</title></head><body><div wicket:id=\"banners\"></div></body></html>");
    }
}
