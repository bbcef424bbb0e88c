package dev.parley.messaging.broadcast;

import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import dev.parley.api.user.CurrentUser;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.WebSupport;
import dev.parley.messaging.conversation.Conversation;
import dev.parley.messaging.portal.PortalConversationPage;
import dev.parley.messaging.portal.PortalMessagesPage;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * A bulk message in the partner portal, personalised for the reader. The partner's first view is
 * the in-app open. With replies on, the reader can answer (the answer opens a conversation with the
 * program's team); with replies off there is no reply box.
 */
@PageAccess(area = Area.PORTAL, feature = MessagingPlugin.FEATURE)
public class PortalAnnouncementPage extends ParleyPage {

    private static final long serialVersionUID = 1L;

    private final long bulkId;

    public PortalAnnouncementPage(PageParameters parameters) {
        super(parameters);
        this.bulkId = parameters.get("id").toLong(-1);
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        CurrentUser viewer = WebSupport.user();
        BroadcastService.PortalCopy copy;
        try {
            copy = WebSupport.services().broadcasts().open(viewer, bulkId);
        } catch (MessagingException e) {
            throw WebSupport.notFound();
        }
        add(new BookmarkablePageLink<>("back", PortalMessagesPage.class));
        add(new Label("subject", copy.subject()));
        add(new Label("from", copy.senderName() == null ? "" : copy.senderName()));
        add(new Label("when", WebSupport.time(copy.deliveredAt(), viewer)));
        add(new Label("body", copy.html()).setEscapeModelStrings(false));
        add(new Label("noReplies", getString("noReplies")).setVisible(!copy.allowReplies()));
        add(new BookmarkablePageLink<>("conversation", PortalConversationPage.class,
                new PageParameters().set("id", copy.replyConversationId() == null ? 0 : copy.replyConversationId()))
                .setVisible(copy.allowReplies() && copy.replyConversationId() != null));
        IModel<String> text = Model.of("");
        Form<Void> reply = new Form<>("reply") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                try {
                    Conversation c = WebSupport.services().broadcasts().reply(WebSupport.user(), bulkId, text.getObject());
                    getSession().success(getString("replied"));
                    setResponsePage(PortalConversationPage.class, new PageParameters().set("id", c.id()));
                } catch (MessagingException e) {
                    error(WebSupport.text(this, e));
                }
            }
        };
        reply.setVisible(copy.allowReplies());
        reply.add(new TextArea<>("text", text));
        add(reply);
    }
}
