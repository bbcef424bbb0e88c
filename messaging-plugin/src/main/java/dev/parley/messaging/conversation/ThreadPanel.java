package dev.parley.messaging.conversation;

import dev.parley.api.user.CurrentUser;
import dev.parley.messaging.WebSupport;
import dev.parley.messaging.attachment.Attachment;
import java.util.List;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.basic.MultiLineLabel;
import org.apache.wicket.markup.html.link.ExternalLink;
import org.apache.wicket.markup.html.link.Link;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.cycle.RequestCycle;

/**
 * The messages of a conversation, oldest first: each time-stamped, with its sender and channel and
 * its attachments, and a link to older messages when there are more than a page.
 */
public class ThreadPanel extends Panel {

    private static final long serialVersionUID = 1L;

    private final long conversationId;
    /** The oldest message id shown; 0 while the newest page is shown. */
    private long beforeId;
    private final IModel<List<Message>> messages;

    public ThreadPanel(String id, long conversationId) {
        super(id);
        this.conversationId = conversationId;
        this.messages = LoadableDetachableModel.of(() -> loadPage());
    }

    private List<Message> loadPage() {
        return WebSupport.services().conversations().messages(WebSupport.user(), conversationId, beforeId);
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        CurrentUser viewer = WebSupport.user();
        add(new Link<Void>("older") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onClick() {
                List<Message> shown = messages.getObject();
                if (!shown.isEmpty()) {
                    beforeId = shown.get(0).id();
                }
            }

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(messages.getObject().size() >= ConversationService.THREAD_PAGE);
            }
        });
        add(new Link<Void>("newest") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onClick() {
                beforeId = 0;
            }

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(beforeId > 0);
            }
        });
        add(new ListView<>("messages", messages) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Message> item) {
                Message m = item.getModelObject();
                // search results link to #message-<id>
                item.setMarkupId("message-" + m.id());
                item.setOutputMarkupId(true);
                boolean own = (m.authorKind() == AuthorKind.BRAND) == viewer.isBrand();
                item.add(AttributeModifier.append("class", own ? "border-primary-subtle bg-primary-subtle" : ""));
                item.add(new Label("author", m.authorName()));
                item.add(new Label("side", getString(m.authorKind() == AuthorKind.BRAND ? "side.brand" : "side.partner")));
                item.add(new Label("channel", getString("channel." + m.channel().name())));
                item.add(new Label("time", WebSupport.time(m.createdAt(), viewer))
                        .add(AttributeModifier.replace("datetime", m.createdAt().toString())));
                item.add(new MultiLineLabel("body", m.body()));
                item.add(new ListView<>("files", m.attachments()) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected void populateItem(ListItem<Attachment> file) {
                        Attachment a = file.getModelObject();
                        String url = RequestCycle.get().getUrlRenderer()
                                .renderContextRelativeUrl("/messaging/attachment?id=" + a.id());
                        ExternalLink link = new ExternalLink("download", url);
                        link.add(new Label("fileName", a.fileName()));
                        link.add(new Label("size", a.sizeBytes() < 1024 ? a.sizeBytes() + " B"
                                : (a.sizeBytes() + 1023) / 1024 + " KB"));
                        file.add(link);
                    }
                });
            }
        });
    }

    @Override
    protected void onDetach() {
        messages.detach();
        super.onDetach();
    }
}
