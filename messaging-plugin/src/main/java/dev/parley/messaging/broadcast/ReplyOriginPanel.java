package dev.parley.messaging.broadcast;

import dev.parley.messaging.WebSupport;
import java.util.Optional;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** In the shared inbox: "In reply to the bulk message …" on a conversation a partner's reply opened. */
public class ReplyOriginPanel extends Panel {

    private static final long serialVersionUID = 1L;

    private final long conversationId;

    public ReplyOriginPanel(String id, long conversationId) {
        super(id);
        this.conversationId = conversationId;
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        Optional<BroadcastService.ReplyOrigin> origin = WebSupport.services().broadcasts()
                .replyOrigin(WebSupport.user(), conversationId);
        BookmarkablePageLink<Void> link = new BookmarkablePageLink<>("bulk", BroadcastDetailPage.class,
                new PageParameters().set("id", origin.map(BroadcastService.ReplyOrigin::bulkId).orElse(0L)));
        link.add(new Label("subject", origin.map(BroadcastService.ReplyOrigin::subject).orElse("")));
        add(link);
        setVisible(origin.isPresent());
    }
}
