package dev.parley.messaging.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.testing.TestDatabase;
import dev.parley.messaging.MessagingServices;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "A send killed mid-way and resumed with every recipient receiving exactly one copy": the send job
 * runs in a child JVM on the test database and is killed with SIGKILL after two committed batches;
 * the job then resumes in this JVM.
 */
class SendKilledMidwayTest {

    private static final int PARTNERS = 8 * SendJob.BATCH;

    @Test
    void aSendKilledMidwayResumesAndEveryRecipientGetsExactlyOneCopy() throws Exception {
        try (BroadcastFixture fx = new BroadcastFixture("killed")) {
            ChildSendMain.populate(fx.host.directory(), fx.program.id(), PARTNERS);
            MessagingServices services = fx.newServices();
            BulkDraft d = services.broadcasts().newDraft(fx.manager);
            d.subject = "To everyone";
            d.body = "Hello {partner_name}";
            long id = services.broadcasts().sendNow(fx.manager, d);
            String dbName = scalarString(fx, "SELECT DATABASE()");

            Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    ChildSendMain.class.getName(), TestDatabase.serverUrl() + dbName, TestDatabase.user(),
                    TestDatabase.password(), Long.toString(id), Integer.toString(PARTNERS));
            pb.redirectErrorStream(true);
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process child = pb.start();
            List<String> output = new ArrayList<>();
            int batches = 0;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                    if (line.startsWith("BATCH ") && ++batches == 2) {
                        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback by the application
                        break;
                    }
                }
            }
            child.waitFor();
            assertEquals(2, batches, "the child committed two batches before it was killed: " + output);
            assertTrue(!child.isAlive());
            assertEquals(137, child.exitValue(), "killed by SIGKILL");

            long afterKill = scalar(fx, "SELECT COUNT(*) FROM msg_bulk_delivery WHERE bulk_id = " + id);
            assertTrue(afterKill >= 2L * SendJob.BATCH && afterKill < PARTNERS, "killed mid-way: " + afterKill);
            assertEquals(BulkStatus.SENDING, services.broadcasts().find(fx.manager, id).status());

            assertEquals(SendJob.Outcome.SENT, services.broadcasts().job().run(id));

            assertEquals(PARTNERS, scalar(fx, "SELECT COUNT(*) FROM msg_bulk_delivery WHERE bulk_id = " + id));
            assertEquals(PARTNERS, scalar(fx, "SELECT COUNT(DISTINCT partner_id) FROM msg_bulk_delivery WHERE bulk_id = " + id));
            assertEquals(PARTNERS / SendJob.BATCH, scalar(fx, "SELECT COUNT(*) FROM msg_bulk_chunk WHERE bulk_id = " + id),
                    "the snapshot was written once, before the kill, and reused by the resumed job");
            Bulk sent = services.broadcasts().find(fx.manager, id);
            assertEquals(BulkStatus.SENT, sent.status());
            assertEquals(PARTNERS, sent.recipients());
            assertEquals(PARTNERS, sent.delivered(), "counters kept in the batches' transactions stay exact");
        }
    }

    private static long scalar(BroadcastFixture fx, String sql) throws SQLException {
        try (Connection c = fx.host.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String scalarString(BroadcastFixture fx, String sql) throws SQLException {
        try (Connection c = fx.host.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
