package dev.parley.messaging.broadcast;

import dev.parley.messaging.portal.PortalMessagesPage;
import java.util.Map;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.Model;

/** The partner dashboard's notification that new messages from the program are waiting. */
public class AnnouncementNoticePanel extends Panel {

    private static final long serialVersionUID = 1L;

    private final long count;

    public AnnouncementNoticePanel(String id, long count) {
        super(id);
        this.count = count;
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        add(new Label("text", getString(count == 1 ? "bulkNotice.one" : "bulkNotice.many", Model.ofMap(Map.of("count", count)))));
        add(new BookmarkablePageLink<>("open", PortalMessagesPage.class));
    }
}
