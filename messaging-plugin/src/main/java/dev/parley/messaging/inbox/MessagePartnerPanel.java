package dev.parley.messaging.inbox;

import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.ResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** "Message team" on a partner's profile, "Message member" next to each of its members. */
public class MessagePartnerPanel extends Panel {

    private static final long serialVersionUID = 1L;

    /**
     * @param memberId {@code null} for the team action
     */
    public MessagePartnerPanel(String id, long partnerId, Long memberId) {
        super(id);
        PageParameters p = new PageParameters().set("partner", partnerId);
        if (memberId != null) {
            p.set("member", memberId);
        }
        BookmarkablePageLink<Void> link = new BookmarkablePageLink<>("message", NewConversationPage.class, p);
        link.setBody(new ResourceModel(memberId == null ? "messageTeam" : "messageMember"));
        link.add(org.apache.wicket.AttributeModifier.replace("class", memberId == null ? "btn btn-primary"
                : "btn btn-sm btn-outline-primary"));
        add(link);
        add(new BookmarkablePageLink<>("conversations", InboxPage.class,
                InboxFilter.all().withPartner(partnerId).toParameters()).setVisible(memberId == null));
    }
}
