package dev.parley.messaging.inbox;

import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.plugin.HostServices;
import dev.parley.api.ui.RequestMemo;
import dev.parley.api.user.BrandUser;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.conversation.Conversation;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** The brand team's shared inbox: keyset pages over the inbox index, counts, partner search. */
public final class InboxService {

    /** Rows per inbox page. */
    public static final int PAGE_SIZE = 50;
    /** How far the size of each filter value is counted to pick the one that drives a combined filter. */
    static final int DRIVER_ESTIMATE_CAP = 10_000;

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
        String box = filter.view().box();
        // Read-only: autocommit sessions spare the two round trips of switching it off and on.
        try (SqlSession s = sessions.openSession(true)) {
            InboxMapper m = s.getMapper(InboxMapper.class);
            List<InboxKeys.Key> keys = new ArrayList<>(filter.keys());
            if (keys.isEmpty()) {
                keys.add(new InboxKeys.Key(InboxKeys.ALL, ""));
            } else if (keys.size() > 1) {
                // Drive the scan by the rarest value, so a combination stops early or scans little.
                Map<InboxKeys.Key, Long> sizes = new HashMap<>();
                keys.forEach(k -> sizes.put(k, m.cappedCount(actor.programId(), k, box, DRIVER_ESTIMATE_CAP)));
                keys.sort(Comparator.comparingLong(sizes::get));
            }
            List<Conversation> found = m.page(actor.programId(), keys.get(0), keys.subList(1, keys.size()), box,
                    after == null ? null : after.at(), after == null ? 0 : after.id(), limit + 1);
            boolean more = found.size() > limit;
            List<Conversation> shown = more ? found.subList(0, limit) : found;
            if (shown.isEmpty()) {
                return new InboxPageResult(List.of(), null);
            }
            Map<Long, String> managers = host.partners().managers(actor.programId()).stream()
                    .collect(Collectors.toMap(BrandUser::id, BrandUser::name, (a, b) -> a));
            List<InboxRow> rows = shown.stream()
                    .map(c -> new InboxRow(c, c.assigneeId() == null ? null : managers.get(c.assigneeId()))).toList();
            Conversation last = shown.get(shown.size() - 1);
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

    /**
     * @return open conversations unread by the team (the same number for every teammate); counted
     *         once per web request (the menu badge and the inbox's Unread tab show it on one page),
     *         again after this request changes the inbox index
     */
    public long unread(CurrentUser actor) {
        requireBrand(actor);
        return RequestMemo.get(new UnreadOfProgram(actor.programId()), () -> {
            try (SqlSession s = sessions.openSession(true)) {
                return s.getMapper(InboxMapper.class).count(actor.programId(), InboxView.UNREAD.box());
            }
        });
    }

    /** The key of a remembered unread count. */
    record UnreadOfProgram(long programId) {
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
