package dev.parley.messaging.portal;

import java.util.Map;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.Model;

/** The partner dashboard's notice that unread messages are waiting. */
public class UnreadNoticePanel extends Panel {

    private static final long serialVersionUID = 1L;

    private final long unread;

    public UnreadNoticePanel(String id, long unread) {
        super(id);
        this.unread = unread;
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        add(new Label("text", getString(unread == 1 ? "unreadOne" : "unreadMany", Model.ofMap(Map.of("count", unread)))));
        add(new BookmarkablePageLink<>("open", PortalMessagesPage.class));
    }
}
