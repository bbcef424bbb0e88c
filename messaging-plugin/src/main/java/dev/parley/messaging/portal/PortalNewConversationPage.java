package dev.parley.messaging.portal;

import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.WebSupport;
import dev.parley.messaging.conversation.Conversation;
import java.util.Map;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.form.upload.FileUploadField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.lang.Bytes;

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
        FileUploadField files = new FileUploadField("files");
        Form<Void> form = new Form<>("compose") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                try {
                    Conversation c = WebSupport.services().conversations().startByPartner(WebSupport.user(),
                            subject.getObject(), body.getObject(), WebSupport.uploads(files));
                    getSession().success(getString("sent"));
                    setResponsePage(PortalConversationPage.class, new PageParameters().set("id", c.id()));
                } catch (MessagingException e) {
                    error(WebSupport.text(this, e));
                }
            }

            @Override
            protected void onFileUploadException(org.apache.commons.fileupload2.core.FileUploadException e,
                    Map<String, Object> model) {
                error(getString("error.uploadTooLarge"));
            }
        };
        form.setVisible(allowed);
        form.setMultiPart(true);
        form.setMaxSize(Bytes.bytes(WebSupport.services().config().maxFileBytes() * 10 + 1024 * 1024));
        form.add(new TextField<>("subject", subject));
        form.add(new TextArea<>("body", body));
        form.add(files);
        form.add(new Label("allowed", getString("allowedFiles", Model.ofMap(Map.of("maxMb", WebSupport.maxFileMb())))));
        add(form);
    }
}
