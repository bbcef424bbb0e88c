package dev.parley.messaging.inbox;

import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.plugin.HostServices;
import dev.parley.api.user.BrandUser;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.conversation.Conversation;
import dev.parley.messaging.conversation.ConversationMapper;
import dev.parley.messaging.conversation.ConversationStatus;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** The brand team's shared inbox: keyset pages over the inbox index, counts, partner search. */
public final class InboxService {

    /** Rows per inbox page. */
    public static final int PAGE_SIZE = 50;

    private final SqlSessionFactory sessions;
    private final HostServices host;

    public InboxService(SqlSessionFactory sessions, HostServices host) {
        this.sessions = sessions;
        this.host = host;
    }

    /**
     * One page of the actor's program inbox.
     *
     * @param after the last row of the previous page, or {@code null} for the first page
     */
    public InboxPageResult page(CurrentUser actor, InboxFilter filter, InboxCursor after, int size) {
        requireBrand(actor);
        int limit = Math.max(1, Math.min(size, 100));
        List<InboxKeys.Key> keys = filter.keys();
        InboxKeys.Key driver = keys.isEmpty() ? new InboxKeys.Key(InboxKeys.ALL, "") : keys.get(0);
        List<InboxKeys.Key> others = keys.isEmpty() ? List.of() : keys.subList(1, keys.size());
        try (SqlSession s = sessions.openSession()) {
            List<InboxMapper.Hit> hits = s.getMapper(InboxMapper.class).page(actor.programId(), driver, others,
                    filter.view().status().name(), filter.view().unreadValues(), after == null ? null : after.at(),
                    after == null ? 0 : after.id(), limit + 1);
            boolean more = hits.size() > limit;
            List<InboxMapper.Hit> shown = more ? hits.subList(0, limit) : hits;
            if (shown.isEmpty()) {
                return new InboxPageResult(List.of(), null);
            }
            Map<Long, Conversation> byId = s.getMapper(ConversationMapper.class)
                    .conversationsByIds(shown.stream().map(InboxMapper.Hit::id).toList()).stream()
                    .collect(Collectors.toMap(Conversation::id, Function.identity()));
            Map<Long, String> managers = host.partners().managers(actor.programId()).stream()
                    .collect(Collectors.toMap(BrandUser::id, BrandUser::name, (a, b) -> a));
            List<InboxRow> rows = shown.stream().map(h -> byId.get(h.id()))
                    .filter(c -> c != null && c.programId() == actor.programId())
                    .map(c -> new InboxRow(c, c.assigneeId() == null ? null : managers.get(c.assigneeId())))
                    .toList();
            InboxMapper.Hit last = shown.get(shown.size() - 1);
            return new InboxPageResult(rows, more ? new InboxCursor(last.lastMessageAt(), last.id()) : null);
        }
    }

    /**
     * A page of the inbox.
     *
     * @param next the cursor of the following page, or {@code null} on the last page
     */
    public record InboxPageResult(List<InboxRow> rows, InboxCursor next) implements Serializable {
    }

    /** @return open conversations unread by the team (the same number for every teammate) */
    public long unread(CurrentUser actor) {
        requireBrand(actor);
        try (SqlSession s = sessions.openSession()) {
            return s.getMapper(InboxMapper.class).count(actor.programId(), ConversationStatus.OPEN.name(), true);
        }
    }

    /** @return up to {@code limit} partners of the program whose name or e-mail contains the text */
    public List<Partner> findPartners(CurrentUser actor, String text, int limit) {
        requireBrand(actor);
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return host.partners().page(actor.programId(), PartnerFilter.all().withText(text), 0,
                Math.max(1, Math.min(limit, 50)));
    }

    private void requireBrand(CurrentUser actor) {
        if (actor == null || !actor.can(Permissions.MESSAGING)
                || !host.features().isEnabled(actor.programId(), MessagingPlugin.FEATURE)) {
            throw MessagingException.denied();
        }
    }
}
