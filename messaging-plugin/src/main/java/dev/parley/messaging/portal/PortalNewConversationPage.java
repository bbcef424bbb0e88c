package dev.parley.messaging.portal;

import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import dev.parley.messaging.MessageForm;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.WebSupport;
import dev.parley.messaging.attachment.IncomingFile;
import dev.parley.messaging.conversation.Conversation;
import java.util.List;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** A partner member writes to the program's team, when the program allows partners to start conversations. */
@PageAccess(area = Area.PORTAL, feature = MessagingPlugin.FEATURE)
public class PortalNewConversationPage extends ParleyPage {

    private static final long serialVersionUID = 1L;

    @Override
    protected void onInitialize() {
        super.onInitialize();
        boolean allowed = WebSupport.services().conversations().partnersMayStart(WebSupport.user());
        add(new Label("notAllowed", getString("error.partnersMayNotStart")).setVisible(!allowed));
        add(new BookmarkablePageLink<>("cancel", PortalMessagesPage.class));
        IModel<String> subject = Model.of("");
        IModel<String> body = Model.of("");
        MessageForm form = new MessageForm("compose") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void send(List<IncomingFile> attachments) {
                Conversation c = WebSupport.services().conversations().startByPartner(WebSupport.user(),
                        subject.getObject(), body.getObject(), attachments);
                getSession().success(getString("sent"));
                setResponsePage(PortalConversationPage.class, new PageParameters().set("id", c.id()));
            }
        };
        form.setVisible(allowed);
        form.add(new TextField<>("subject", subject));
        form.add(new TextArea<>("body", body));
        add(form);
    }
}
