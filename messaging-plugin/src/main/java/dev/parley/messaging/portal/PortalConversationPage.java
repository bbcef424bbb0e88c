package dev.parley.messaging.portal;

import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import dev.parley.messaging.MessageForm;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.attachment.IncomingFile;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.WebSupport;
import dev.parley.messaging.conversation.Conversation;
import dev.parley.messaging.conversation.ThreadPanel;
import java.util.List;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** A conversation in the partner portal: read it (it becomes read for the partner side) and reply. */
@PageAccess(area = Area.PORTAL, feature = MessagingPlugin.FEATURE)
public class PortalConversationPage extends ParleyPage {

    private static final long serialVersionUID = 1L;

    private final long conversationId;

    public PortalConversationPage(PageParameters parameters) {
        super(parameters);
        this.conversationId = parameters.get("id").toLong(-1);
        try {
            WebSupport.services().conversations().open(WebSupport.user(), conversationId);
        } catch (MessagingException e) {
            throw WebSupport.notFound();
        }
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        Conversation c = WebSupport.services().conversations().find(WebSupport.user(), conversationId);
        add(new BookmarkablePageLink<>("back", PortalMessagesPage.class));
        add(new Label("subject", c.subject()));
        add(new ThreadPanel("thread", conversationId));
        IModel<String> body = Model.of("");
        MessageForm form = new MessageForm("reply") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void send(List<IncomingFile> attachments) {
                WebSupport.services().conversations().reply(WebSupport.user(), conversationId, body.getObject(),
                        attachments, false);
                getSession().success(getString("sent"));
                setResponsePage(PortalConversationPage.class, new PageParameters().set("id", conversationId));
            }
        };
        form.add(new TextArea<>("body", body));
        add(form);
    }
}
