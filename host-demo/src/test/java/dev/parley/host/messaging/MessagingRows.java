package dev.parley.host.messaging;

import dev.parley.host.testing.TestHost;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What an inbound message could leave in the messaging plugin's tables: conversations, messages,
 * attachments, SMS routes, and the newest search change (the change log is pruned on its own schedule,
 * so its newest id, not its size, says whether anything was added).
 */
record MessagingRows(long conversations, long messages, long attachments, long smsRoutes, long newestSearchChange) {

    static MessagingRows of(TestHost host) {
        String[] queries = {"SELECT COUNT(*) FROM msg_conversation", "SELECT COUNT(*) FROM msg_message",
            "SELECT COUNT(*) FROM msg_attachment", "SELECT COUNT(*) FROM msg_sms_route",
            "SELECT COALESCE(MAX(change_id), 0) FROM msg_search_changes"};
        long[] v = new long[queries.length];
        try (Connection c = host.host().dataSource().getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < queries.length; i++) {
                try (ResultSet rs = s.executeQuery(queries[i])) {
                    rs.next();
                    v[i] = rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new MessagingRows(v[0], v[1], v[2], v[3], v[4]);
    }
}
