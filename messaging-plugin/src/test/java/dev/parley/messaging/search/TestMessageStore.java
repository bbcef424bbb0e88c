package dev.parley.messaging.search;

import dev.parley.api.user.CurrentUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A real MariaDB message table standing in for the inbox's tables: writes go to MariaDB and append to
 * the change log in the same transaction, exactly as the inbox must do, and the index reads them back
 * through {@link MessageSource}. Read state lives in a table too ({@link UnreadLookup}).
 */
final class TestMessageStore implements MessageSource, UnreadLookup {

    private static final String SEP = "\u001f";
    private final DataSource dataSource;
    private final SearchChangeLog changes;

    TestMessageStore(DataSource dataSource, SearchChangeLog changes) {
        this.dataSource = dataSource;
        this.changes = changes;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS test_search_doc (kind CHAR(1) NOT NULL, id BIGINT NOT NULL, "
                    + "conversation_id BIGINT NULL, program_id BIGINT NOT NULL, partner_id BIGINT NULL, member_id BIGINT NULL, "
                    + "recipient_partners VARCHAR(2000) NOT NULL, recipient_members VARCHAR(2000) NOT NULL, "
                    + "subject VARCHAR(500) NOT NULL, body MEDIUMTEXT NOT NULL, sender_name VARCHAR(200) NOT NULL, "
                    + "sender_kind VARCHAR(8) NOT NULL, partner_names TEXT NOT NULL, member_names TEXT NOT NULL, "
                    + "attachment_names TEXT NOT NULL, channel VARCHAR(8) NOT NULL, sent_at DATETIME(3) NOT NULL, "
                    + "state VARCHAR(8) NOT NULL, PRIMARY KEY (kind, id), KEY ix_conv (conversation_id))");
            st.execute("CREATE TABLE IF NOT EXISTS test_unread (conversation_id BIGINT NOT NULL, side CHAR(1) NOT NULL, "
                    + "PRIMARY KEY (conversation_id, side))");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inserts or replaces the message and records the change, in one transaction. */
    void save(MessageDocument m) {
        inTransaction(c -> {
            save(c, m);
            return null;
        });
    }

    /** Saves in a transaction the caller controls (left open). */
    void save(Connection c, MessageDocument m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("REPLACE INTO test_search_doc VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int i = 1;
            ps.setString(i++, String.valueOf(m.kind().code()));
            ps.setLong(i++, m.id());
            ps.setObject(i++, m.conversationId());
            ps.setLong(i++, m.programId());
            ps.setObject(i++, m.partnerId());
            ps.setObject(i++, m.memberId());
            ps.setString(i++, String.join(",", m.recipientPartnerIds().stream().map(String::valueOf).toList()));
            ps.setString(i++, String.join(",", m.recipientMembers().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList()));
            ps.setString(i++, m.subject());
            ps.setString(i++, m.body());
            ps.setString(i++, m.senderName());
            ps.setString(i++, m.senderKind().name());
            ps.setString(i++, String.join(SEP, m.partnerNames()));
            ps.setString(i++, String.join(SEP, m.memberNames()));
            ps.setString(i++, String.join(SEP, m.attachmentNames()));
            ps.setString(i++, m.channel().name());
            ps.setTimestamp(i++, Timestamp.valueOf(LocalDateTime.ofInstant(m.sentAt(), ZoneOffset.UTC)));
            ps.setString(i, m.state().name());
            ps.executeUpdate();
        }
        changes.append(c, m.kind() == MessageDocument.Kind.MESSAGE ? SearchChangeLog.Kind.MESSAGE : SearchChangeLog.Kind.BULK, m.id());
    }

    void delete(MessageDocument.Kind kind, long id) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM test_search_doc WHERE kind = ? AND id = ?")) {
                ps.setString(1, String.valueOf(kind.code()));
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            changes.append(c, kind == MessageDocument.Kind.MESSAGE ? SearchChangeLog.Kind.MESSAGE : SearchChangeLog.Kind.BULK, id);
            return null;
        });
    }

    /** Moves a whole conversation to another inbox state, as the inbox's Done/Spam buttons do. */
    void setConversationState(long conversationId, MessageDocument.State state) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE test_search_doc SET state = ? WHERE conversation_id = ?")) {
                ps.setString(1, state.name());
                ps.setLong(2, conversationId);
                ps.executeUpdate();
            }
            changes.conversationChanged(c, conversationId);
            return null;
        });
    }

    void markUnread(long conversationId, boolean brandSide) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO test_unread VALUES (?, ?)")) {
                ps.setLong(1, conversationId);
                ps.setString(2, brandSide ? "B" : "P");
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Set<Long> unreadConversationIds(CurrentUser actor) {
        Set<Long> out = new HashSet<>();
        String sql = "SELECT DISTINCT u.conversation_id FROM test_unread u JOIN test_search_doc d ON d.conversation_id = u.conversation_id "
                + "WHERE u.side = ? AND d.program_id = ?" + (actor.isPartner() ? " AND d.partner_id = ?" : "");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, actor.isPartner() ? "P" : "B");
            ps.setLong(2, actor.programId());
            if (actor.isPartner()) {
                ps.setLong(3, actor.partnerId());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public long count() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM test_search_doc")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void streamAll(Consumer<MessageDocument> sink) {
        query("SELECT * FROM test_search_doc ORDER BY kind, id", ps -> { }, sink);
    }

    @Override
    public Optional<MessageDocument> find(MessageDocument.Kind kind, long id) {
        List<MessageDocument> out = new ArrayList<>();
        query("SELECT * FROM test_search_doc WHERE kind = ? AND id = ?", ps -> {
            ps.setString(1, String.valueOf(kind.code()));
            ps.setLong(2, id);
        }, out::add);
        return out.stream().findFirst();
    }

    @Override
    public List<MessageDocument> conversation(long conversationId) {
        List<MessageDocument> out = new ArrayList<>();
        query("SELECT * FROM test_search_doc WHERE kind = 'M' AND conversation_id = ? ORDER BY id", ps -> ps.setLong(1, conversationId),
                out::add);
        return out;
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface TxWork<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T inTransaction(TxWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void query(String sql, Binder binder, Consumer<MessageDocument> sink) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDocument read(ResultSet rs) throws SQLException {
        MessageDocument.Kind kind = rs.getString("kind").equals("M") ? MessageDocument.Kind.MESSAGE : MessageDocument.Kind.BULK;
        Set<Long> partners = new HashSet<>();
        for (String p : rs.getString("recipient_partners").split(",")) {
            if (!p.isBlank()) {
                partners.add(Long.valueOf(p));
            }
        }
        Map<Long, Long> members = new HashMap<>();
        for (String p : rs.getString("recipient_members").split(",")) {
            if (!p.isBlank()) {
                String[] kv = p.split(":");
                members.put(Long.valueOf(kv[0]), Long.valueOf(kv[1]));
            }
        }
        return new MessageDocument(kind, rs.getLong("id"), (Long) rs.getObject("conversation_id", Long.class),
                rs.getLong("program_id"), rs.getObject("partner_id", Long.class), rs.getObject("member_id", Long.class),
                partners, members, rs.getString("subject"), rs.getString("body"), rs.getString("sender_name"),
                MessageDocument.SenderKind.valueOf(rs.getString("sender_kind")), list(rs.getString("partner_names")),
                list(rs.getString("member_names")), list(rs.getString("attachment_names")),
                MessageDocument.Channel.valueOf(rs.getString("channel")),
                rs.getTimestamp("sent_at").toLocalDateTime().toInstant(ZoneOffset.UTC),
                MessageDocument.State.valueOf(rs.getString("state")));
    }

    private static List<String> list(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split(SEP));
    }
}
