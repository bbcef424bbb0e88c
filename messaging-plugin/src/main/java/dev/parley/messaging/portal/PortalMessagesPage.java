package dev.parley.messaging.portal;

import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import dev.parley.api.user.CurrentUser;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.WebSupport;
import dev.parley.messaging.conversation.Conversation;
import dev.parley.messaging.inbox.InboxCursor;
import java.util.List;
import dev.parley.messaging.search.PortalMessageSearchPage;
import dev.parley.messaging.search.SearchBoxPanel;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.CheckBox;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * The partner portal's Messages tab: the partner's conversations with the program (the team's and
 * the member's own), newest first in pages of 20, the e-mail notification choice, and "New message"
 * when the program lets partners start conversations.
 */
@PageAccess(area = Area.PORTAL, feature = MessagingPlugin.FEATURE)
public class PortalMessagesPage extends ParleyPage {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;

    private final InboxCursor after;

    public PortalMessagesPage(PageParameters parameters) {
        super(parameters);
        this.after = InboxCursor.parse(parameters.get("after").toOptionalString()).orElse(null);
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        add(new SearchBoxPanel("messageSearch", PortalMessageSearchPage.class));
        CurrentUser viewer = WebSupport.user();
        IModel<List<Conversation>> rows = LoadableDetachableModel.of(() -> WebSupport.services().conversations()
                .partnerConversations(WebSupport.user(), after, PAGE_SIZE + 1));
        add(new dev.parley.messaging.broadcast.AnnouncementsPanel("announcements"));
        add(new BookmarkablePageLink<>("new", PortalNewConversationPage.class)
                .setVisible(WebSupport.services().conversations().partnersMayStart(viewer)));
        add(new ListView<>("conversations", rows.map(l -> l.size() > PAGE_SIZE ? l.subList(0, PAGE_SIZE) : l)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Conversation> item) {
                Conversation c = item.getModelObject();
                item.add(AttributeModifier.append("class", c.partnerUnread() ? "fw-semibold" : ""));
                BookmarkablePageLink<Void> link = new BookmarkablePageLink<>("open", PortalConversationPage.class,
                        new PageParameters().set("id", c.id()));
                link.add(new Label("subject", c.subject()));
                item.add(link);
                item.add(new Label("preview", c.lastPreview()));
                item.add(new Label("unread", getString("unread")).setVisible(c.partnerUnread()));
                item.add(new Label("time", WebSupport.time(c.lastMessageAt(), viewer)));
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
        add(new BookmarkablePageLink<>("first", PortalMessagesPage.class).setVisible(after != null));
        add(new BookmarkablePageLink<Void>("next", PortalMessagesPage.class) {
            private static final long serialVersionUID = 1L;

            @Override
            public PageParameters getPageParameters() {
                List<Conversation> l = rows.getObject();
                Conversation last = l.get(Math.min(l.size(), PAGE_SIZE) - 1);
                return new PageParameters().set("after", new InboxCursor(last.lastMessageAt(), last.id()).toString());
            }

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(rows.getObject().size() > PAGE_SIZE);
            }
        });

        IModel<Boolean> notify = Model.of(WebSupport.services().settings().emailNotify(viewer));
        Form<Void> prefs = new Form<>("prefs") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                WebSupport.services().settings().setEmailNotify(WebSupport.user(), Boolean.TRUE.equals(notify.getObject()));
                success(getString("prefsSaved"));
            }
        };
        prefs.add(new CheckBox("emailNotify", notify));
        add(prefs);
    }
}
