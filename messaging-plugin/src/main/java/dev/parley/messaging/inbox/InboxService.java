package dev.parley.messaging.inbox;

import dev.parley.api.plugin.HostServices;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessagingPlugin;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** The shared inbox. Every method checks the actor: program, permission and plan feature. */
public final class InboxService {

    private final SqlSessionFactory sessions;
    private final HostServices host;

    public InboxService(SqlSessionFactory sessions, HostServices host) {
        this.sessions = sessions;
        this.host = host;
    }

    /** @return the newest conversations of the brand user's program */
    public List<ConversationRow> programInbox(CurrentUser actor, int limit) {
        requireBrand(actor);
        try (SqlSession s = sessions.openSession()) {
            return s.getMapper(ConversationMapper.class).programPage(actor.programId(), Math.min(limit, 100));
        }
    }

    /** @return the partner member's conversations with the program */
    public List<ConversationRow> partnerInbox(CurrentUser actor, int limit) {
        requirePartner(actor);
        try (SqlSession s = sessions.openSession()) {
            return s.getMapper(ConversationMapper.class).partnerPage(actor.programId(), actor.partnerId(),
                    Math.min(limit, 100));
        }
    }

    /** @return unread conversations of the partner member's company */
    public long unreadForPartner(CurrentUser actor) {
        requirePartner(actor);
        try (SqlSession s = sessions.openSession()) {
            return s.getMapper(ConversationMapper.class).unreadForPartner(actor.programId(), actor.partnerId());
        }
    }

    private void requireBrand(CurrentUser actor) {
        if (actor == null || !actor.can(Permissions.MESSAGING)) {
            throw new SecurityException("Messaging permission required");
        }
        requireFeature(actor);
    }

    private void requirePartner(CurrentUser actor) {
        if (actor == null || !actor.isPartner()) {
            throw new SecurityException("Partner members only");
        }
        requireFeature(actor);
    }

    private void requireFeature(CurrentUser actor) {
        if (!host.features().isEnabled(actor.programId(), MessagingPlugin.FEATURE)) {
            throw new SecurityException("Messaging is not part of this program's plan");
        }
    }
}
