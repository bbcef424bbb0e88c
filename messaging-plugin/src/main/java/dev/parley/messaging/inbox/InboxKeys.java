package dev.parley.messaging.inbox;

import dev.parley.api.partner.Offer;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerDirectory;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.ui.RequestMemo;
import dev.parley.messaging.conversation.Conversation;
import dev.parley.messaging.conversation.ConversationStatus;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.ibatis.session.SqlSession;

/**
 * Keeps {@code msg_inbox_key} in step with conversations: one row per conversation and filter value,
 * written in the same transaction as the change to the conversation.
 */
public final class InboxKeys {

    static final String ALL = "A";
    static final String PARTNER = "P";
    static final String MANAGER = "M";
    static final String STATUS = "S";
    static final String TAG = "T";
    static final String OFFER = "O";
    static final String CLIENT = "C";
    /** The box of open conversations unread by the team, besides their OPEN rows. */
    static final String UNREAD_BOX = "UNREAD";

    private InboxKeys() {
    }

    /**
     * A filter value.
     *
     * @param dim one of the dimension letters
     * @param val the value as text
     */
    public record Key(String dim, String val) implements Serializable {
    }

    /**
     * One index row.
     */
    public record Row(long conversationId, String dim, String val, String box, long programId,
            java.time.Instant lastMessageAt) {
    }

    /**
     * What the inbox filters on that belongs to the partner, read from the host's directory.
     *
     * @param offers ids of offers the partner is approved for
     * @param clients clients of those offers
     */
    public record PartnerFacts(String name, PartnershipStatus status, List<String> tags, Long managerId,
            Set<Long> offers, Set<String> clients) implements Serializable {

        /** @return the partner's facts in the program, empty when it is not (or no longer) a partner of it */
        public static Optional<PartnerFacts> load(PartnerDirectory directory, long programId, long partnerId) {
            Optional<Partner> partner = directory.partner(programId, partnerId);
            if (partner.isEmpty()) {
                return Optional.empty();
            }
            Set<Long> approved = directory.approvedOffers(programId, partnerId);
            Set<Long> offers = new LinkedHashSet<>();
            Set<String> clients = new LinkedHashSet<>();
            if (!approved.isEmpty()) {
                for (Offer o : directory.offers(programId)) {
                    if (approved.contains(o.id())) {
                        offers.add(o.id());
                        clients.add(o.client());
                    }
                }
            }
            Partner p = partner.get();
            return Optional.of(new PartnerFacts(p.name(), p.status(), p.tags(), p.managerId(), offers, clients));
        }
    }

    /** Rewrites every index row of the conversation. */
    public static void index(SqlSession session, Conversation c, PartnerFacts facts) {
        session.getMapper(InboxMapper.class).deleteKeys(c.id());
        insert(session, c, facts);
    }

    /**
     * Writes the index rows of a conversation created in this transaction. It has none to delete, and
     * deleting them anyway would be harmful: a DELETE that finds no rows after the highest
     * conversation locks the gap up to the end of the index (REPEATABLE READ), two conversations
     * started at once both hold that gap lock, and then each waits for the other to insert into it —
     * an InnoDB deadlock, which the soak run found when partners answered a bulk message together.
     */
    public static void indexNew(SqlSession session, Conversation c, PartnerFacts facts) {
        insert(session, c, facts);
    }

    private static void insert(SqlSession session, Conversation c, PartnerFacts facts) {
        InboxMapper m = session.getMapper(InboxMapper.class);
        List<Key> keys = new ArrayList<>();
        keys.add(new Key(ALL, ""));
        keys.add(new Key(PARTNER, Long.toString(c.partnerId())));
        keys.add(new Key(MANAGER, c.assigneeId() == null ? "0" : c.assigneeId().toString()));
        if (facts != null) {
            keys.add(new Key(STATUS, facts.status().name()));
            facts.tags().stream().distinct().forEach(t -> keys.add(new Key(TAG, t)));
            facts.offers().forEach(o -> keys.add(new Key(OFFER, o.toString())));
            facts.clients().forEach(cl -> keys.add(new Key(CLIENT, cl)));
        }
        List<Row> rows = new ArrayList<>();
        for (Key k : keys) {
            rows.add(new Row(c.id(), k.dim(), k.val(), c.status().name(), c.programId(), c.lastMessageAt()));
            if (inUnreadBox(c)) {
                rows.add(new Row(c.id(), k.dim(), k.val(), UNREAD_BOX, c.programId(), c.lastMessageAt()));
            }
        }
        m.insertKeys(rows);
        forgetCounts();
    }

    /** Moves the conversation's index rows to its current box(es) and sort time. */
    public static void updateState(SqlSession session, Conversation c) {
        InboxMapper m = session.getMapper(InboxMapper.class);
        m.updateKeyState(c.id(), c.status().name(), c.lastMessageAt());
        m.deleteUnreadKeys(c.id());
        if (inUnreadBox(c)) {
            m.copyKeysToUnread(c.id());
        }
        forgetCounts();
    }

    /**
     * Counts remembered in this request no longer hold. Called at the write, before the commit: a
     * count read in this request between the write and the commit would miss it, and no request does
     * that (counts are read by pages, writes happen in services that commit before they return).
     */
    private static void forgetCounts() {
        RequestMemo.forget(k -> k instanceof InboxService.UnreadOfProgram);
    }

    private static boolean inUnreadBox(Conversation c) {
        return c.brandUnread() && c.status() == ConversationStatus.OPEN;
    }
}
