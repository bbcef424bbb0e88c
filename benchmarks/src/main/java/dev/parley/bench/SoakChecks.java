package dev.parley.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** What the soak checks in the database afterwards: replies, bulk copies and counters, InnoDB deadlocks. */
final class SoakChecks {

    private static final Pattern TOKEN = Pattern.compile("soak-[0-9a-z]+-[0-9]+-[0-9a-f]{8}");

    private SoakChecks() {
    }

    /** Replies the users saw confirmed against the replies stored. */
    record Replies(long confirmed, long lost, long duplicated, long unconfirmed) {
    }

    static Replies replies(DataSource db, Set<String> confirmed) throws SQLException {
        Map<String, Integer> stored = new HashMap<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT body FROM msg_message WHERE body LIKE 'soak-%'");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Matcher m = TOKEN.matcher(rs.getString(1));
                if (m.find()) {
                    stored.merge(m.group(), 1, Integer::sum);
                }
            }
        }
        long lost = confirmed.stream().filter(t -> !stored.containsKey(t)).count();
        long duplicated = stored.values().stream().filter(n -> n > 1).count();
        long unconfirmed = stored.keySet().stream().filter(t -> !confirmed.contains(t)).count();
        return new Replies(confirmed.size(), lost, duplicated, unconfirmed);
    }

    /**
     * One bulk message in the database. {@code audience}: partners of the program (all of them were
     * chosen); {@code copies}/{@code distinctPartners}: its in-app copies; {@code missing}: partners of
     * the program without a copy; {@code stray}: copies to partners outside it; the counters as the
     * message row keeps them beside what the copies say; {@code opensDuringFanOut}: copies opened
     * before the message was completely sent; {@code confirmedOpensMissing}: opens a partner saw on
     * its page that the copy does not record.
     */
    record Bulk(long id, String status, long audience, long copies, long distinctPartners, long missing, long stray,
            long recipientsCounter, long excludedCounter, long deliveredCounter, long opensCounter, long opened,
            long opensDuringFanOut, long repliesCounter, long replied, long confirmedOpens, long confirmedOpensMissing) {

        /** @return every way this message breaks "sent, exactly one copy per recipient, counters exact" */
        List<String> violations() {
            List<String> v = new ArrayList<>();
            check(v, "SENT".equals(status), "status " + status);
            check(v, copies == audience, "copies " + copies + " for " + audience + " partners");
            check(v, distinctPartners == copies, copies + " copies for " + distinctPartners + " distinct partners");
            check(v, missing == 0, missing + " partners without a copy");
            check(v, stray == 0, stray + " copies to partners outside the program");
            check(v, deliveredCounter == copies, "delivered counter " + deliveredCounter + " vs " + copies + " copies");
            check(v, recipientsCounter - excludedCounter == copies,
                    "recipients counter " + recipientsCounter + " - excluded " + excludedCounter + " vs " + copies + " copies");
            check(v, opensCounter == opened, "opens counter " + opensCounter + " vs " + opened + " opened copies");
            check(v, repliesCounter == replied, "replies counter " + repliesCounter + " vs " + replied + " answered copies");
            check(v, confirmedOpensMissing == 0, confirmedOpensMissing + " opens seen by partners not recorded");
            return v.stream().map(s -> "bulk " + id + ": " + s).toList();
        }

        private static void check(List<String> v, boolean ok, String problem) {
            if (!ok) {
                v.add(problem);
            }
        }
    }

    /** @param confirmedOpens partner ids whose members saw this message on its portal page */
    static Bulk bulk(DataSource db, long program, long bulkId, Collection<Long> confirmedOpens) throws SQLException {
        try (Connection c = db.getConnection()) {
            long audience = one(c, "SELECT COUNT(*) FROM partnership ps JOIN partner p ON p.id = ps.partner_id"
                    + " WHERE ps.program_id = ?", program);
            long copies = one(c, "SELECT COUNT(*) FROM msg_bulk_delivery WHERE bulk_id = ?", bulkId);
            long distinct = one(c, "SELECT COUNT(DISTINCT partner_id) FROM msg_bulk_delivery WHERE bulk_id = ?", bulkId);
            long missing = one(c, "SELECT COUNT(*) FROM partnership ps WHERE ps.program_id = ? AND NOT EXISTS (SELECT 1"
                    + " FROM msg_bulk_delivery d WHERE d.bulk_id = ? AND d.partner_id = ps.partner_id)", program, bulkId);
            long stray = one(c, "SELECT COUNT(*) FROM msg_bulk_delivery d WHERE d.bulk_id = ? AND NOT EXISTS (SELECT 1"
                    + " FROM partnership ps WHERE ps.program_id = ? AND ps.partner_id = d.partner_id)", bulkId, program);
            long opened = one(c, "SELECT COUNT(*) FROM msg_bulk_delivery WHERE bulk_id = ? AND opened_at IS NOT NULL", bulkId);
            long openedEarly = one(c, "SELECT COUNT(*) FROM msg_bulk_delivery d JOIN msg_bulk b ON b.id = d.bulk_id"
                    + " WHERE d.bulk_id = ? AND d.opened_at < b.finished_at", bulkId);
            long replied = one(c, "SELECT COUNT(*) FROM msg_bulk_delivery WHERE bulk_id = ?"
                    + " AND reply_conversation_id IS NOT NULL", bulkId);
            long confirmedMissing = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT opened_at FROM msg_bulk_delivery WHERE bulk_id = ?"
                    + " AND partner_id = ?")) {
                for (long partner : confirmedOpens) {
                    ps.setLong(1, bulkId);
                    ps.setLong(2, partner);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next() || rs.getTimestamp(1) == null) {
                            confirmedMissing++;
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT status, recipients, excluded, delivered, opens, replies"
                    + " FROM msg_bulk WHERE id = ?")) {
                ps.setLong(1, bulkId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new Bulk(bulkId, "MISSING", audience, copies, distinct, missing, stray, 0, 0, 0, 0, opened,
                                openedEarly, 0, replied, confirmedOpens.size(), confirmedMissing);
                    }
                    return new Bulk(bulkId, rs.getString(1), audience, copies, distinct, missing, stray, rs.getLong(2),
                            rs.getLong(3), rs.getLong(4), rs.getLong(5), opened, openedEarly, rs.getLong(6), replied,
                            confirmedOpens.size(), confirmedMissing);
                }
            }
        }
    }

    /** @return MariaDB's count of deadlocks InnoDB detected since the server started */
    static long innodbDeadlocks(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'")) {
            if (!rs.next()) {
                throw new IllegalStateException("The server has no Innodb_deadlocks status counter");
            }
            return rs.getLong(2);
        }
    }

    /** @return the "LATEST DETECTED DEADLOCK" section of InnoDB's status, or null when it has none */
    static String latestDeadlock(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW ENGINE INNODB STATUS")) {
            if (!rs.next()) {
                return null;
            }
            String status = rs.getString("Status");
            int at = status.indexOf("LATEST DETECTED DEADLOCK");
            if (at < 0) {
                return null;
            }
            int end = status.indexOf("\n------------\nTRANSACTIONS", at);
            return status.substring(at, end < 0 ? Math.min(status.length(), at + 4000) : end);
        }
    }

    private static long one(Connection c, String sql, long... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setLong(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
