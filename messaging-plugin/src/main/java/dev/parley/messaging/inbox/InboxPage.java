package dev.parley.messaging.inbox;

import dev.parley.api.plugin.Host;
import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessagingPlugin;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** The brand's shared inbox. */
@PageAccess(area = Area.BRAND, feature = MessagingPlugin.FEATURE, permission = Permissions.MESSAGING)
public class InboxPage extends ParleyPage {

    private static final long serialVersionUID = 1L;

    public InboxPage(PageParameters parameters) {
        super(parameters);
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        var rows = LoadableDetachableModel.of(() -> MessagingPlugin.get().services().inbox()
                .programInbox(Host.services().currentUser().orElseThrow(), 50));
        add(new ListView<>("conversations", rows) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<ConversationRow> item) {
                item.add(new Label("subject", item.getModelObject().subject()));
            }
        });
        add(new Label("empty", getString("empty")) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(rows.getObject().isEmpty());
            }
        });
    }
}
