package dev.parley.host.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.parley.api.mail.OutboundMail;
import dev.parley.api.testing.TestDatabase;
import dev.parley.host.db.FlywayMigrations;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A plugin that died after handing a mail to the host, before it recorded that, sends the mail again
 * with the same Message-ID: the outbox keeps one copy, and SMTP passes the Message-ID on unchanged so
 * the receiving side can recognise the repeat.
 */
class RepeatedMailTest {

    private static final OutboundMail COPY = new OutboundMail("maya@trailblazers.test", null, "Autumn news",
            "Hello Maya", null, Map.of("Message-ID", "<bulk-7-1700000000000.3.5@parley.test>"));

    @Test
    void theOutboxKeepsOneCopyOfAMailSentTwiceWithTheSameMessageId() throws Exception {
        DataSource ds = TestDatabase.newDatabase("repeated_mail");
        new FlywayMigrations(ds).migrateHost();
        OutboxMailer outbox = new OutboxMailer(ds, Clock.systemUTC());

        assertEquals("<bulk-7-1700000000000.3.5@parley.test>", outbox.send(COPY));
        assertEquals("<bulk-7-1700000000000.3.5@parley.test>", outbox.send(COPY), "the repeat is recognised");
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM mail_outbox"));

        OutboundMail plain = new OutboundMail("leo@summitdeals.test", null, "Hi", "Hello Leo", null, Map.of());
        assertNotEquals(outbox.send(plain), outbox.send(plain), "without a Message-ID every send is a new mail");
        assertEquals(3, count(ds, "SELECT COUNT(*) FROM mail_outbox"));
    }

    @Test
    void smtpSendsTheMessageIdItWasGiven() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            SmtpMailer smtp = new SmtpMailer("127.0.0.1", port, "parley@acme.test", null, "", 5000);
            assertEquals("<bulk-7-1700000000000.3.5@parley.test>", smtp.send(COPY));
            assertEquals("<bulk-7-1700000000000.3.5@parley.test>", server.getReceivedMessages()[0].getMessageID());
        } finally {
            server.stop();
        }
    }

    private static long count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
