package dev.parley.host.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.parley.host.testing.TestHost;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mail server refuses connections, then accepts them and never answers, then works again: the
 * brand's messages are stored and shown as sent each time, nobody sees an error or a stack trace, the
 * partner reads every message in the portal, and e-mail flows again without a restart.
 */
class MailServerFailureTest {

    private static int smtpPort;
    private static TestHost host;
    private static long trail;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            smtpPort = s.getLocalPort();
        }
        host = TestHost.start(dir -> { }, Map.of("smtp.host", "127.0.0.1", "smtp.port", String.valueOf(smtpPort),
                "smtp.timeout.ms", "500", "mail.from", "parley@acme.test"));
        trail = host.acmePartner("Trail Blazers");
        // Maya wants e-mail about new messages.
        WicketTester maya = host.loggedIn("maya@trailblazers.test");
        maya.executeUrl("portal/messages");
        FormTester prefs = maya.newFormTester("prefs");
        prefs.setValue("emailNotify", true);
        prefs.submit();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /** The brand writes to Trail Blazers; @return the conversation id. */
    private static long send(String body) {
        WicketTester cm = host.loggedIn("cm@acme.test");
        cm.executeUrl("inbox/new?partner=" + trail);
        FormTester form = cm.newFormTester("compose");
        form.setValue("subject", body);
        form.setValue("body", body);
        form.submit();
        String page = cm.getLastResponseAsString();
        assertTrue(cm.getLastResponse().getStatus() < 400, "status " + cm.getLastResponse().getStatus());
        assertTrue(page.contains("Your message was sent."), page);
        assertFalse(page.contains("Exception") || page.contains("\tat "), "no stack trace");
        return cm.getLastRenderedPage().getPageParameters().get("id").toLong();
    }

    private static int stored(String body) throws Exception {
        try (Connection c = host.host().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM msg_message WHERE body = ?")) {
            ps.setString(1, body);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void partnerReads(long conversation, String body) {
        WicketTester maya = host.loggedIn("maya@trailblazers.test");
        maya.executeUrl("portal/conversation/" + conversation);
        assertEquals(200, maya.getLastResponse().getStatus());
        assertTrue(maya.getLastResponseAsString().contains(body));
    }

    @Test
    void messagesAreKeptAndShownWhileTheMailServerRefusesOrHangsAndMailFlowsAgainAfterwards() throws Exception {
        // Nothing listens on the port: connection refused.
        long refused = send("Sent while the mail server refuses connections");
        assertEquals(1, stored("Sent while the mail server refuses connections"));
        partnerReads(refused, "Sent while the mail server refuses connections");

        // A server that accepts and never says a word: the mailer's timeout ends the wait.
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(smtpPort)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (java.io.IOException closed) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long hung = send("Sent while the mail server hangs");
            assertEquals(1, stored("Sent while the mail server hangs"));
            partnerReads(hung, "Sent while the mail server hangs");
            assertFalse(held.isEmpty(), "the mailer did try the hanging server");
        } finally {
            for (Socket s : held) {
                // reset instead of a normal close: a connection of ours left in TIME_WAIT on the port
                // would keep the mail server below from binding it ("Address already in use")
                s.setSoLinger(true, 0);
                s.close();
            }
        }

        // The server is back: the next message is e-mailed, without restarting anything.
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            send("Sent when the mail server is back");
            assertEquals(1, stored("Sent when the mail server is back"));
            assertEquals(1, mail.getReceivedMessages().length, "exactly one e-mail, to Maya");
            assertEquals("maya@trailblazers.test", mail.getReceivedMessages()[0].getAllRecipients()[0].toString());
            assertTrue(mail.getReceivedMessages()[0].getSubject().contains("Sent when the mail server is back"));
        } finally {
            mail.stop();
        }
    }
}
