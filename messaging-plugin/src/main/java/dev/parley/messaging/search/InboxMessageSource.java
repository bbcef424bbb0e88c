package dev.parley.messaging.search;

import dev.parley.api.user.CurrentUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The inbox's tables ({@code msg_message}, {@code msg_conversation}, {@code msg_attachment}) as the
 * search index's source of truth, and its read state for {@code is:unread}. Bulk messages have no
 * table yet: {@link #find} answers empty for them until the broadcast feature adds one.
 */
public final class InboxMessageSource implements MessageSource, UnreadLookup {

    private static final int BATCH = 2_000;
    private static final String SEP = "\u001f";
    private static final String SELECT = "SELECT m.id, m.conversation_id, m.program_id, m.author_kind, m.author_name, "
            + "m.channel, m.body, m.created_at, c.partner_id, c.member_id, c.partner_name, c.member_name, c.subject, "
            + "c.status, (SELECT GROUP_CONCAT(a.file_name ORDER BY a.id SEPARATOR '" + SEP + "') FROM msg_attachment a "
            + "WHERE a.message_id = m.id) AS files FROM msg_message m JOIN msg_conversation c ON c.id = m.conversation_id ";

    private final DataSource dataSource;

    public InboxMessageSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Bulk messages with at least one delivered copy are searchable by their recipients. */
    private static final String DELIVERED_BULK = "SELECT b.id FROM msg_bulk b WHERE b.id > ? AND EXISTS "
            + "(SELECT 1 FROM msg_bulk_delivery d WHERE d.bulk_id = b.id) ORDER BY b.id LIMIT " + BATCH;

    @Override
    public long count() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT (SELECT COUNT(*) FROM msg_message) + (SELECT COUNT(*) "
                        + "FROM msg_bulk b WHERE EXISTS (SELECT 1 FROM msg_bulk_delivery d WHERE d.bulk_id = b.id))");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count messages: " + e.getMessage(), e);
        }
    }

    @Override
    public void streamAll(Consumer<MessageDocument> sink) {
        long after = 0;
        while (true) {
            List<MessageDocument> batch = query(SELECT + "WHERE m.id > ? ORDER BY m.id LIMIT " + BATCH, after);
            batch.forEach(sink);
            if (batch.size() < BATCH) {
                break;
            }
            after = batch.get(batch.size() - 1).id();
        }
        long afterBulk = 0;
        while (true) {
            List<Long> ids = ids(DELIVERED_BULK, afterBulk);
            for (long id : ids) {
                bulk(id).ifPresent(sink);
            }
            if (ids.size() < BATCH) {
                return;
            }
            afterBulk = ids.get(ids.size() - 1);
        }
    }

    @Override
    public Optional<MessageDocument> find(MessageDocument.Kind kind, long id) {
        if (kind == MessageDocument.Kind.BULK) {
            return bulk(id);
        }
        return query(SELECT + "WHERE m.id = ?", id).stream().findFirst();
    }

    @Override
    public List<MessageDocument> conversation(long conversationId) {
        return query(SELECT + "WHERE m.conversation_id = ? ORDER BY m.id", conversationId);
    }

    @Override
    public Set<Long> unreadConversationIds(CurrentUser actor) {
        String sql = actor.isPartner()
                ? "SELECT id FROM msg_conversation WHERE program_id = ? AND partner_id = ? "
                        + "AND (member_id IS NULL OR member_id = ?) AND partner_unread"
                : "SELECT id FROM msg_conversation WHERE program_id = ? AND brand_unread";
        Set<Long> out = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, actor.programId());
            if (actor.isPartner()) {
                ps.setLong(2, actor.partnerId());
                ps.setLong(3, actor.userId());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read unread conversations: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * A bulk message as one document: its subject and body as written (before personalisation) and
     * its delivered recipients, whole teams ({@code member_id = 0}) or single members.
     */
    private Optional<MessageDocument> bulk(long bulkId) {
        try (Connection c = dataSource.getConnection()) {
            String subject;
            String body;
            String sender;
            long programId;
            java.time.Instant sentAt;
            try (PreparedStatement ps = c.prepareStatement("SELECT program_id, subject, body, "
                    + "COALESCE(sent_by_name, created_by_name), COALESCE(started_at, updated_at) FROM msg_bulk WHERE id = ?")) {
                ps.setLong(1, bulkId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    programId = rs.getLong(1);
                    subject = rs.getString(2);
                    body = rs.getString(3);
                    sender = rs.getString(4);
                    sentAt = rs.getTimestamp(5).toLocalDateTime().toInstant(ZoneOffset.UTC);
                }
            }
            Set<Long> teams = new java.util.HashSet<>();
            java.util.Map<Long, Long> members = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT partner_id, member_id FROM msg_bulk_delivery WHERE bulk_id = ?")) {
                ps.setLong(1, bulkId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getLong(2) == 0) {
                            teams.add(rs.getLong(1));
                        } else {
                            members.put(rs.getLong(2), rs.getLong(1));
                        }
                    }
                }
            }
            if (teams.isEmpty() && members.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(MessageDocument.bulk(bulkId, programId, teams, members, subject, body, sender, List.of(),
                    List.of(), MessageDocument.Channel.APP, sentAt));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read bulk message " + bulkId + ": " + e.getMessage(), e);
        }
    }

    private List<Long> ids(String sql, long after) {
        List<Long> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list bulk messages: " + e.getMessage(), e);
        }
        return out;
    }

    private List<MessageDocument> query(String sql, long param) {
        List<MessageDocument> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read messages: " + e.getMessage(), e);
        }
        return out;
    }

    private static MessageDocument read(ResultSet rs) throws SQLException {
        Long memberId = rs.getObject("member_id", Long.class);
        String memberName = rs.getString("member_name");
        String files = rs.getString("files");
        return MessageDocument.message(rs.getLong("id"), rs.getLong("conversation_id"), rs.getLong("program_id"),
                rs.getLong("partner_id"), memberId, rs.getString("subject"), rs.getString("body"),
                rs.getString("author_name"), MessageDocument.SenderKind.valueOf(rs.getString("author_kind")),
                rs.getString("partner_name"), memberName == null ? List.of() : List.of(memberName),
                files == null ? List.of() : Arrays.asList(files.split(SEP)),
                MessageDocument.Channel.valueOf(rs.getString("channel")),
                rs.getTimestamp("created_at").toLocalDateTime().toInstant(ZoneOffset.UTC),
                MessageDocument.State.valueOf(rs.getString("status")));
    }
}
