package dev.parley.messaging;

import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.user.CurrentUser;
import dev.parley.messaging.inbox.InboxCursor;
import dev.parley.messaging.inbox.InboxFilter;
import dev.parley.messaging.inbox.InboxService;
import dev.parley.messaging.inbox.InboxView;
import dev.parley.messaging.testing.MessagingFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not a test (surefire's default includes skip it; nothing is asserted): a manual measurement of
 * inbox pages over 100k conversations / 1M messages on the test MariaDB, printed per filter next
 * to raw JDBC on the same SQL. Run it alone on a quiet machine:
 * {@code mvn -B -ntp -o test -pl messaging-plugin -Dtest=InboxSpeedProbe -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class InboxSpeedProbe {

    @Test
    void probe() throws Exception {
        MessagingFixture f = new MessagingFixture("speed");
        long p = f.acme.id();
        long carlos = f.carlos.id();
        long chloe = f.chloe.id();
        try (Connection c = f.host.dataSource().getConnection(); Statement st = c.createStatement()) {
            long t0 = System.nanoTime();
            st.execute("INSERT INTO msg_conversation (id, program_id, partner_id, member_id, partner_name, member_name, subject, status, priority, assignee_id, brand_unread, partner_unread, started_by, reply_token, last_message_at, last_preview, message_count, created_at) "
                    + "SELECT seq, " + p + ", 100000 + seq % 5000, NULL, CONCAT('Partner ', seq % 5000), NULL, CONCAT('Subject ', seq), IF(seq % 10 = 0, 'DONE', IF(seq % 97 = 0, 'SPAM', 'OPEN')), seq % 50 = 0, "
                    + "CASE seq % 4 WHEN 0 THEN NULL WHEN 1 THEN " + carlos + " WHEN 2 THEN " + chloe + " ELSE 7 END, seq % 20 = 3, FALSE, 'PARTNER', LPAD(seq, 24, '0'), "
                    + "TIMESTAMP('2026-01-01') + INTERVAL seq * 37 SECOND, 'preview', 10, TIMESTAMP('2026-01-01') FROM seq_1_to_100000");
            st.execute("INSERT INTO msg_message (conversation_id, program_id, author_kind, author_id, author_name, channel, body, created_at) "
                    + "SELECT seq % 100000 + 1, " + p + ", 'PARTNER', 1, 'Someone', 'APP', REPEAT('lorem ipsum ', 16), TIMESTAMP('2026-01-01') FROM seq_1_to_1000000");
            String[][] dims = {{"'A'", "''", "TRUE"}, {"'P'", "partner_id", "TRUE"}, {"'M'", "IFNULL(assignee_id, 0)", "TRUE"},
                {"'S'", "ELT(partner_id % 3 + 1, 'APPROVED', 'PENDING', 'DECLINED')", "TRUE"},
                {"'T'", "ELT(partner_id % 8 + 1, 'VIP','Influencers','Content','Loyalty','EMEA','APAC','Newsletter','Coupon sites')", "TRUE"},
                {"'T'", "'Rare'", "partner_id % 97 = 0"}, {"'O'", "partner_id % 5 + 1", "TRUE"},
                {"'O'", "(partner_id + 2) % 5 + 1", "TRUE"},
                {"'C'", "ELT(partner_id % 3 + 1, 'Acme Apparel','Acme Outdoor','Acme Water')", "TRUE"}};
            for (String[] d : dims) {
                st.execute("INSERT INTO msg_inbox_key (conversation_id, dim, val, box, program_id, last_message_at) SELECT id, "
                        + d[0] + ", " + d[1] + ", status, program_id, last_message_at FROM msg_conversation WHERE " + d[2]);
                st.execute("INSERT INTO msg_inbox_key (conversation_id, dim, val, box, program_id, last_message_at) SELECT id, "
                        + d[0] + ", " + d[1] + ", 'UNREAD', program_id, last_message_at FROM msg_conversation WHERE " + d[2]
                        + " AND status = 'OPEN' AND brand_unread");
            }
            st.execute("ANALYZE TABLE msg_conversation, msg_inbox_key, msg_message");
            System.out.printf("data: %.1f s%n", (System.nanoTime() - t0) / 1e9);
            try (ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM msg_conversation), (SELECT COUNT(*) FROM msg_message), (SELECT COUNT(*) FROM msg_inbox_key)")) {
                rs.next();
                System.out.println("rows: " + rs.getLong(1) + " conversations, " + rs.getLong(2) + " messages, " + rs.getLong(3) + " index rows");
            }
        }
        InboxService inbox = f.services.inbox();
        CurrentUser u = f.carlosUser();
        Map<String, InboxFilter> cases = new LinkedHashMap<>();
        cases.put("all", InboxFilter.all());
        cases.put("unread", InboxFilter.all().withView(InboxView.UNREAD));
        cases.put("tag", new InboxFilter(InboxView.ALL, "VIP", null, null, null, null, null));
        cases.put("rare tag", new InboxFilter(InboxView.ALL, "Rare", null, null, null, null, null));
        cases.put("manager", new InboxFilter(InboxView.ALL, null, chloe, null, null, null, null));
        cases.put("status", new InboxFilter(InboxView.ALL, null, null, PartnershipStatus.PENDING, null, null, null));
        cases.put("offer", new InboxFilter(InboxView.ALL, null, null, null, 3L, null, null));
        cases.put("client", new InboxFilter(InboxView.ALL, null, null, null, null, "Acme Water", null));
        cases.put("partner", new InboxFilter(InboxView.ALL, null, null, null, null, null, 100_042L));
        cases.put("tag+manager", new InboxFilter(InboxView.ALL, "VIP", chloe, null, null, null, null));
        cases.put("unread+tag+status", new InboxFilter(InboxView.UNREAD, "Content", null, PartnershipStatus.PENDING, null, null, null));
        cases.put("done", InboxFilter.all().withView(InboxView.DONE));
        for (var e : cases.entrySet()) {
            InboxCursor second = inbox.page(u, e.getValue(), null, 50).next();
            long[] first = time(() -> inbox.page(u, e.getValue(), null, 50));
            long[] deep = second == null ? first : time(() -> inbox.page(u, e.getValue(), second, 50));
            System.out.printf("%-20s rows=%2d  first page p50 %.2f ms p99 %.2f ms | 2nd page p50 %.2f p99 %.2f%n", e.getKey(),
                    inbox.page(u, e.getValue(), null, 50).rows().size(), first[0] / 1e6, first[1] / 1e6, deep[0] / 1e6, deep[1] / 1e6);
        }
        long[] rawAll = rawPage(f.host.dataSource(), p, "A", "");
        long[] rawTag = rawPage(f.host.dataSource(), p, "T", "VIP");
        System.out.printf("raw JDBC same page SQL (connection from pool, 51 full rows): all p50 %.2f p99 %.2f ms; tag p50 %.2f p99 %.2f ms%n",
                rawAll[0] / 1e6, rawAll[1] / 1e6, rawTag[0] / 1e6, rawTag[1] / 1e6);
        try (Connection c = f.host.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, last_message_at FROM msg_conversation FORCE INDEX (ix_raw) WHERE program_id = ? AND status = 'OPEN' ORDER BY last_message_at DESC, id DESC LIMIT 50")) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE INDEX ix_raw ON msg_conversation (program_id, status, last_message_at, id)");
            }
            ps.setLong(1, p);
            long[] raw = time(() -> {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                    }
                } catch (Exception ex) {
                    throw new RuntimeException(ex);
                }
                return null;
            });
            System.out.printf("raw keyset JDBC, ids only, on (program, status, last_message_at, id): p50 %.2f ms p99 %.2f ms%n", raw[0] / 1e6, raw[1] / 1e6);
        }
    }

    static long[] rawPage(javax.sql.DataSource ds, long program, String dim, String val) throws Exception {
        String sql = "SELECT STRAIGHT_JOIN c.id, c.program_id, c.partner_id, c.member_id, c.partner_name, c.member_name, c.subject, c.status, c.priority, c.assignee_id, c.brand_unread, c.partner_unread, c.started_by, c.reply_token, c.last_message_at, c.last_preview, c.message_count, c.created_at "
                + "FROM msg_inbox_key k FORCE INDEX (ix_msg_inbox_key_list) JOIN msg_conversation c ON c.id = k.conversation_id "
                + "WHERE k.program_id = ? AND k.dim = ? AND k.val = ? AND k.box = 'OPEN' ORDER BY k.last_message_at DESC, k.conversation_id DESC LIMIT 51";
        return time(() -> {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, program);
                ps.setString(2, dim);
                ps.setString(3, val);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (int i = 1; i <= 18; i++) {
                            rs.getObject(i);
                        }
                    }
                }
            } catch (Exception ex) {
                throw new RuntimeException(ex);
            }
            return null;
        });
    }

    private static long[] time(java.util.function.Supplier<?> s) {
        for (int i = 0; i < 200; i++) {
            s.get();
        }
        long[] t = new long[1000];
        for (int i = 0; i < t.length; i++) {
            long a = System.nanoTime();
            s.get();
            t[i] = System.nanoTime() - a;
        }
        Arrays.sort(t);
        return new long[] {t[t.length / 2], t[t.length * 99 / 100]};
    }
}
