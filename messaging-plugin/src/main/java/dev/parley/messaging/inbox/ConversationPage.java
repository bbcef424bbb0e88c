package dev.parley.messaging.inbox;

import dev.parley.api.partner.PartnerMember;
import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import dev.parley.api.user.BrandUser;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessageForm;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.attachment.IncomingFile;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.WebSupport;
import dev.parley.messaging.conversation.Conversation;
import dev.parley.messaging.conversation.ConversationService;
import dev.parley.messaging.conversation.ConversationStatus;
import dev.parley.messaging.conversation.ThreadPanel;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.CheckBox;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.link.ExternalLink;
import org.apache.wicket.markup.html.link.Link;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.cycle.RequestCycle;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * One conversation in the brand inbox: the thread, a reply box with attachments (and a text message
 * for member conversations), Open / Done / Spam, priority, assignment and "Mark as unread". Opening
 * it marks it read for the whole team.
 */
@PageAccess(area = Area.BRAND, feature = MessagingPlugin.FEATURE, permission = Permissions.MESSAGING)
public class ConversationPage extends ParleyPage {

    private static final long serialVersionUID = 1L;

    private final long conversationId;

    public ConversationPage(PageParameters parameters) {
        super(parameters);
        this.conversationId = parameters.get("id").toLong(-1);
        try {
            WebSupport.services().conversations().open(WebSupport.user(), conversationId);
        } catch (MessagingException e) {
            throw WebSupport.notFound();
        }
    }

    private ConversationService service() {
        return WebSupport.services().conversations();
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        IModel<Conversation> conversation = LoadableDetachableModel.of(() -> {
            try {
                return service().find(WebSupport.user(), conversationId);
            } catch (MessagingException e) {
                throw WebSupport.notFound();
            }
        });
        Conversation c = conversation.getObject();
        CurrentUser viewer = WebSupport.user();
        add(new Label("subject", conversation.map(Conversation::subject)));
        add(new dev.parley.messaging.broadcast.ReplyOriginPanel("bulkOrigin", conversationId));
        String profileUrl = RequestCycle.get().getUrlRenderer().renderContextRelativeUrl("/partners/" + c.partnerId());
        ExternalLink profile = new ExternalLink("profile", profileUrl);
        profile.add(new Label("partnerName", c.partnerName()));
        add(profile);
        add(new Label("member", c.memberName() == null ? getString("teamConversation") : c.memberName()));
        add(new Label("status", conversation.map(x -> getString("status." + x.status().name()))));
        add(new Label("priorityBadge", getString("priority")) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(conversation.getObject().priority());
            }
        });
        add(new BookmarkablePageLink<>("back", InboxPage.class));

        add(new Link<Void>("markUnread") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onClick() {
                service().markUnread(WebSupport.user(), conversationId);
                getSession().success(getString("markedUnread"));
                setResponsePage(InboxPage.class);
            }
        });
        add(new ListView<>("statuses", Arrays.asList(ConversationStatus.values())) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<ConversationStatus> item) {
                ConversationStatus s = item.getModelObject();
                Link<Void> link = new Link<>("set") {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void onClick() {
                        service().setStatus(WebSupport.user(), conversationId, s);
                    }

                    @Override
                    protected void onConfigure() {
                        super.onConfigure();
                        setEnabled(conversation.getObject().status() != s);
                    }
                };
                link.add(new Label("label", getString("status." + s.name())));
                link.add(AttributeModifier.append("class", conversation.map(x -> x.status() == s ? "active" : "")));
                item.add(link);
            }
        });
        add(new Link<Void>("togglePriority") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onClick() {
                service().setPriority(WebSupport.user(), conversationId, !conversation.getObject().priority());
            }
        }.setBody(conversation.map(x -> getString(x.priority() ? "priorityOff" : "priorityOn"))));

        List<BrandUser> managers = service().managers(viewer);
        IModel<BrandUser> assignee = Model.of(managers.stream()
                .filter(m -> c.assigneeId() != null && m.id() == c.assigneeId()).findFirst().orElse(null));
        Form<Void> assign = new Form<>("assign") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                service().assign(WebSupport.user(), conversationId,
                        assignee.getObject() == null ? null : assignee.getObject().id());
                success(getString("assigned"));
            }
        };
        assign.add(new DropDownChoice<>("assignee", assignee, managers, new ChoiceRenderer<>("name", "id"))
                .setNullValid(true));
        add(assign);

        add(new ThreadPanel("thread", conversationId));
        addReplyForm(viewer, c);
    }

    private void addReplyForm(CurrentUser viewer, Conversation c) {
        IModel<String> body = Model.of("");
        IModel<Boolean> sms = Model.of(false);
        Optional<PartnerMember> member = service().member(viewer, c);
        boolean canText = member.map(m -> m.phone() != null && !m.phone().isBlank()).orElse(false);
        MessageForm form = new MessageForm("reply") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void send(List<IncomingFile> attachments) {
                service().reply(WebSupport.user(), conversationId, body.getObject(), attachments,
                        canText && Boolean.TRUE.equals(sms.getObject()));
                getSession().success(getString("sent"));
                setResponsePage(ConversationPage.class, new PageParameters().set("id", conversationId));
            }
        };
        form.add(new TextArea<>("body", body));
        form.add(new CheckBox("sms", sms).setVisible(canText));
        form.add(new Label("smsLabel", getString("alsoSms")).setVisible(canText));
        add(form);
    }
}
