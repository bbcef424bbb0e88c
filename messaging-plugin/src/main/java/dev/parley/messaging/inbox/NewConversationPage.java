package dev.parley.messaging.inbox;

import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
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

/**
 * Starts a conversation with a partner team ({@code ?partner=N}) or one of its members
 * ({@code &member=M}): reached from the inbox's partner search and from the partner profile's
 * "Message team" / "Message member" actions.
 */
@PageAccess(area = Area.BRAND, feature = MessagingPlugin.FEATURE, permission = Permissions.MESSAGING)
public class NewConversationPage extends ParleyPage {

    private static final long serialVersionUID = 1L;

    private final long partnerId;
    private final Long memberId;

    public NewConversationPage(PageParameters parameters) {
        super(parameters);
        this.partnerId = parameters.get("partner").toLong(-1);
        long m = parameters.get("member").toLong(-1);
        this.memberId = m < 0 ? null : m;
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        CurrentUser viewer = WebSupport.user();
        var directory = WebSupport.services().host().partners();
        // Ids come from the URL: only partners and members of the viewer's program are found.
        Partner partner = directory.partner(viewer.programId(), partnerId).orElseThrow(WebSupport::notFound);
        PartnerMember member = memberId == null ? null : directory.member(viewer.programId(), memberId)
                .filter(m -> m.partnerId() == partnerId).orElseThrow(WebSupport::notFound);
        add(new Label("partner", partner.name()));
        add(new Label("recipient", member == null ? getString("wholeTeam") : member.name() + " <" + member.email() + ">"));
        IModel<String> subject = Model.of("");
        IModel<String> body = Model.of("");
        MessageForm form = new MessageForm("compose") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void send(List<IncomingFile> attachments) {
                Conversation c = WebSupport.services().conversations().start(WebSupport.user(), partnerId, memberId,
                        subject.getObject(), body.getObject(), attachments);
                getSession().success(getString("sent"));
                setResponsePage(ConversationPage.class, new PageParameters().set("id", c.id()));
            }
        };
        form.add(new TextField<>("subject", subject));
        form.add(new TextArea<>("body", body));
        form.add(new BookmarkablePageLink<>("cancel", InboxPage.class,
                InboxFilter.all().withPartner(partnerId).toParameters()));
        add(form);
    }
}
