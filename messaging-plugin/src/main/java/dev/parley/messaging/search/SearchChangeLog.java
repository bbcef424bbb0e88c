package dev.parley.messaging.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The change feed table {@code msg_search_changes}. Writers of messages call the {@code Connection}
 * methods inside their own transaction, so a change row exists exactly when the message change was
 * committed; every node's {@link MessageIndex} follows the table.
 *
 * <p>A change only names what to look at again, never the new content: applying a change reads the
 * current rows through {@link MessageSource}, so changes may be applied twice or out of order safely.
 */
public final class SearchChangeLog {

    /** What a change row names. */
    public enum Kind {
        /** One conversation message (created, edited or deleted). */
        MESSAGE('M'),
        /** One bulk message (created, edited, recipients changed or deleted). */
        BULK('B'),
        /** Every message of one conversation (status, partner or member names, deletion of the conversation). */
        CONVERSATION('C');

        private final char code;

        Kind(char code) {
            this.code = code;
        }

        static Kind of(String code) {
            for (Kind k : values()) {
                if (code.length() == 1 && k.code == code.charAt(0)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("Unknown change kind " + code);
        }
    }

    /** One row of the feed. */
    public record Change(long changeId, Kind kind, long entityId, Instant createdAt) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    public SearchChangeLog(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Records, in the caller's transaction, that a conversation message was created, edited or deleted. */
    public void messageChanged(Connection tx, long messageId) throws SQLException {
        append(tx, Kind.MESSAGE, messageId);
    }

    /** Records, in the caller's transaction, that a bulk message was created, edited or deleted. */
    public void bulkMessageChanged(Connection tx, long bulkMessageId) throws SQLException {
        append(tx, Kind.BULK, bulkMessageId);
    }

    /** Records, in the caller's transaction, that every message of a conversation must be looked at again. */
    public void conversationChanged(Connection tx, long conversationId) throws SQLException {
        append(tx, Kind.CONVERSATION, conversationId);
    }

    /** Appends a change in the caller's transaction. */
    public void append(Connection tx, Kind kind, long entityId) throws SQLException {
        record(tx, kind, entityId, clock.instant());
    }

    /**
     * Appends a change in the caller's transaction, for writers that hold no {@code SearchChangeLog}
     * (e.g. a MyBatis service: {@code record(session.getConnection(), Kind.MESSAGE, id, now)}).
     */
    public static void record(Connection tx, Kind kind, long entityId, Instant at) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "INSERT INTO msg_search_changes (kind, entity_id, created_at) VALUES (?, ?, ?)")) {
            ps.setString(1, String.valueOf(kind.code));
            ps.setLong(2, entityId);
            ps.setTimestamp(3, utc(at));
            ps.executeUpdate();
        }
    }

    /** Appends a change in a transaction of its own (for callers without one). */
    public void append(Kind kind, long entityId) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            append(c, kind, entityId);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a search change: " + e.getMessage(), e);
        }
    }

    /** @return up to {@code limit} changes with a larger id than {@code afterId}, in id order */
    public List<Change> after(long afterId, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT change_id, kind, entity_id, created_at "
                        + "FROM msg_search_changes WHERE change_id > ? ORDER BY change_id LIMIT ?")) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            List<Change> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Change(rs.getLong(1), Kind.of(rs.getString(2)), rs.getLong(3), instant(rs.getTimestamp(4))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read search changes: " + e.getMessage(), e);
        }
    }

    /**
     * Where a node may start following after it read the whole database: before every change of the
     * last {@code window} (their transactions may not have been visible to the read), else the newest
     * change. Re-applying those few changes is harmless.
     */
    public long restartPoint(Duration window) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(change_id), 0), "
                        + "(SELECT MIN(change_id) FROM msg_search_changes WHERE created_at >= ?) FROM msg_search_changes")) {
            ps.setTimestamp(1, utc(clock.instant().minus(window)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long max = rs.getLong(1);
                long recent = rs.getLong(2);
                return rs.wasNull() ? max : Math.min(max, recent - 1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read search changes: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes changes older than the instant (every running node has applied them long ago). The newest
     * change is always kept, so a node can tell a pruned log from a replaced database.
     *
     * @return rows deleted
     */
    public int prune(Instant olderThan) {
        long max = bounds()[1];
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM msg_search_changes WHERE created_at < ? AND change_id < ?")) {
            ps.setTimestamp(1, utc(olderThan));
            ps.setLong(2, max);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prune search changes: " + e.getMessage(), e);
        }
    }

    /** @return the smallest and largest change id kept, {0, 0} when there is none */
    public long[] bounds() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT COALESCE(MIN(change_id), 0), COALESCE(MAX(change_id), 0) FROM msg_search_changes");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read search changes: " + e.getMessage(), e);
        }
    }

    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static Instant instant(Timestamp ts) {
        return ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
