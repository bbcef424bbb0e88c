package dev.parley.messaging.portal;

import dev.parley.api.plugin.Host;
import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.inbox.ConversationRow;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.LoadableDetachableModel;

/** The partner portal's Messages tab. */
@PageAccess(area = Area.PORTAL, feature = MessagingPlugin.FEATURE)
public class PortalMessagesPage extends ParleyPage {

    private static final long serialVersionUID = 1L;

    @Override
    protected void onInitialize() {
        super.onInitialize();
        var rows = LoadableDetachableModel.of(() -> MessagingPlugin.get().services().inbox()
                .partnerInbox(Host.services().currentUser().orElseThrow(), 50));
        add(new ListView<>("conversations", rows) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<ConversationRow> item) {
                item.add(new Label("subject", item.getModelObject().subject()));
            }
        });
    }
}
