package dev.parley.messaging.broadcast;

import dev.parley.messaging.WebSupport;
import java.util.List;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** The bulk messages a partner received, in the portal's Messages tab: newest first, unopened marked. */
public class AnnouncementsPanel extends Panel {

    private static final long serialVersionUID = 1L;
    static final int SHOWN = 20;

    public AnnouncementsPanel(String id) {
        super(id);
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        int offset = Math.max(0, getPage().getPageParameters().get("announcements").toInt(0));
        IModel<List<BroadcastService.PortalCopy>> rows = LoadableDetachableModel.of(() -> WebSupport.services()
                .broadcasts().inbox(WebSupport.user(), offset, SHOWN + 1));
        add(new ListView<>("rows", rows.map(l -> l.size() > SHOWN ? l.subList(0, SHOWN) : l)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<BroadcastService.PortalCopy> item) {
                BroadcastService.PortalCopy c = item.getModelObject();
                item.add(AttributeModifier.append("class", c.opened() ? "" : "fw-semibold"));
                BookmarkablePageLink<Void> link = new BookmarkablePageLink<>("open", PortalAnnouncementPage.class,
                        new PageParameters().set("id", c.bulkId()));
                link.add(new Label("subject", c.subject()));
                item.add(link);
                item.add(new Label("new", getString("announcements.new")).setVisible(!c.opened()));
                item.add(new Label("time", WebSupport.time(c.deliveredAt(), WebSupport.user())));
            }
        });
        add(new BookmarkablePageLink<>("newer", getPage().getClass(), new PageParameters()
                .set("announcements", Math.max(0, offset - SHOWN))).setVisible(offset > 0));
        add(new BookmarkablePageLink<Void>("older", getPage().getClass(), new PageParameters()
                .set("announcements", offset + SHOWN)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(rows.getObject().size() > SHOWN);
            }
        });
    }

    @Override
    protected void onConfigure() {
        super.onConfigure();
        setVisible(!WebSupport.services().broadcasts().inbox(WebSupport.user(), 0, 1).isEmpty());
    }
}
