package dev.parley.host.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.parley.host.testing.CapturedLog;
import dev.parley.api.testing.TestClamd;
import dev.parley.host.testing.TestHost;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Partners' e-mail replies read by the real host's messaging plugin from a real IMAP mailbox
 * (GreenMail) on its own schedule, with a real clamd: forged, unknown, oversized, malformed and
 * infected mail is refused, logged and marked read, nothing of it is stored (no message without its
 * files, no file without its message), and the poller goes on: a good reply delivered after all of
 * them still lands in the conversation with its attachment.
 */
class InboundEmailThroughHostTest {

    private static final String MAILBOX = "reply@parley.test";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    private static GreenMail greenMail;
    private static TestHost host;
    private static long conversation;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        greenMail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        greenMail.start();
        greenMail.setUser(MAILBOX, MAILBOX, "secret");
        Map<String, String> settings = new HashMap<>(TestHost.clamdSettings());
        settings.put("messaging.email.reply.address", MAILBOX);
        settings.put("messaging.imap.host", "127.0.0.1");
        settings.put("messaging.imap.port", String.valueOf(greenMail.getImap().getPort()));
        settings.put("messaging.imap.ssl", "false");
        settings.put("messaging.imap.user", MAILBOX);
        settings.put("messaging.imap.password", "secret");
        settings.put("messaging.imap.poll.seconds", "5");
        settings.put("messaging.email.max.mb", "1");
        host = TestHost.start(dir -> { }, settings);
        conversation = host.startConversation(host.acmePartner("Trail Blazers"), "Contract renewal",
                "Please send the signed contract.");
        try (Connection c = host.host().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT reply_token FROM msg_conversation WHERE id = ?")) {
            s.setLong(1, conversation);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                token = rs.getString(1);
            }
        }
    }

    @AfterAll
    static void stop() {
        try {
            host.close();
        } finally {
            greenMail.stop();
        }
    }

    /** A hostile mail: its subject names it in the log, its raw text is exactly what the mailbox holds. */
    private record Mail(String subject, String raw) {
    }

    /** The refusal logged for each hostile mail, by subject. */
    private static final Map<String, String> REASONS = new HashMap<>();

    private static Mail refusedFor(String reason, Mail mail) {
        REASONS.put(mail.subject(), reason);
        return mail;
    }

    private static String replyAddress() {
        return "reply+" + token + "@parley.test";
    }

    private static String headers(String from, String to, String subject, String messageId) {
        StringBuilder h = new StringBuilder();
        if (from != null) {
            h.append("From: ").append(from).append("\r\n");
        }
        if (to != null) {
            h.append("To: ").append(to).append("\r\n");
        }
        return h.append("Subject: ").append(subject).append("\r\nMessage-ID: <").append(messageId)
                .append("@hostile.test>\r\nDate: Mon, 2 Nov 2026 09:30:00 +0000\r\nMIME-Version: 1.0\r\n").toString();
    }

    private static Mail text(String from, String to, String subject, String body) {
        return new Mail(subject, headers(from, to, subject, subject.replace(' ', '-'))
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n");
    }

    /** A reply with files, each {name, content type, base64 body}. */
    private static Mail withFiles(String from, String subject, String body, String[]... files) {
        StringBuilder m = new StringBuilder(headers(from, replyAddress(), subject, subject.replace(' ', '-')));
        m.append("Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n")
                .append("Content-Type: text/plain; charset=UTF-8\r\n\r\n").append(body).append("\r\n");
        for (String[] f : files) {
            m.append("--b1\r\nContent-Type: ").append(f[1]).append("\r\nContent-Transfer-Encoding: base64\r\n")
                    .append("Content-Disposition: attachment; filename=\"").append(f[0]).append("\"\r\n\r\n")
                    .append(f[2]).append("\r\n");
        }
        return new Mail(subject, m.append("--b1--\r\n").toString());
    }

    private static String base64(byte[] data) {
        return Base64.getMimeEncoder().encodeToString(data);
    }

    private static void deliver(Mail mail) throws Exception {
        GreenMailUser mailbox = greenMail.getUserManager().getUser(MAILBOX);
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(mail.raw().getBytes(StandardCharsets.UTF_8)));
        mailbox.deliver(m);
    }

    private static long stored(String messageId) throws Exception {
        try (Connection c = host.host().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id FROM msg_message WHERE external_id = ?")) {
            s.setString(1, "<" + messageId + "@hostile.test>");
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private static int unreadInMailbox() throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", greenMail.getImap().getPort(), MAILBOX, "secret");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return inbox.search(new jakarta.mail.search.FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
            } finally {
                inbox.close(false);
            }
        }
    }

    @Test
    void hostileMailIsRefusedLoggedAndNotStoredAndTheNextGoodReplyStillLands() throws Exception {
        String maya = "Maya Garcia <maya@trailblazers.test>";
        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        byte[] infected = (new String(PDF, StandardCharsets.ISO_8859_1) + TestClamd.EICAR)
                .getBytes(StandardCharsets.ISO_8859_1);
        String to = replyAddress();
        List<Mail> hostile = new ArrayList<>();
        hostile.add(refusedFor("error.inbound.unknownSender",
                text("Stranger <stranger@evil.test>", to, "hostile unknown sender", "Click here")));
        hostile.add(refusedFor("error.inbound.unknownThread",
                text(maya, "reply+aaaaaaaaaaaaaaaaaaaaaaaa@parley.test", "hostile forged token", "Guess")));
        hostile.add(refusedFor("error.inbound.unknownSender",
                text("Leo <leo@summitdeals.test>", to, "hostile other partner", "Not my partner")));
        hostile.add(refusedFor("error.inbound.unknownSender", text(null, to, "hostile no sender", "Who am I")));
        hostile.add(refusedFor("error.inbound.unknownThread", text(maya, null, "hostile no recipient", "Where to")));
        hostile.add(refusedFor("error.inbound.tooLarge",
                text(maya, to, "hostile huge body", "z".repeat(2 * 1024 * 1024))));
        hostile.add(refusedFor("error.inbound.malformed", new Mail("hostile broken boundary",
                headers(maya, to, "hostile broken boundary", "broken-boundary")
                        + "Content-Type: multipart/mixed; boundary=\"declared\"\r\n\r\n--other\r\n"
                        + "Content-Type: text/plain\r\n\r\nSigned.\r\n--other\r\nContent-Type: application/pdf\r\n"
                        + "Content-Disposition: attachment; filename=\"c.pdf\"\r\n\r\n%PDF-1.4\r\n")));
        hostile.add(refusedFor("error.inbound.malformed", withFiles(maya, "hostile bad base64", "Signed.",
                new String[] {"contract.pdf", "application/pdf", "JVBERi0x*** not base64 ***"})));
        hostile.add(refusedFor("error.inbound.malformed", new Mail("hostile unknown charset",
                headers(maya, to, "hostile unknown charset", "unknown-charset")
                        + "Content-Type: text/plain; charset=\"x-no-such-charset\"\r\n\r\nSigned.\r\n")));
        // A clean file next to a refused one: neither is kept, and no message without its files.
        String[] cleanPdf = {"contract.pdf", "application/pdf", base64(PDF)};
        hostile.add(refusedFor("error.fileInfected", withFiles(maya, "hostile infected", "Contract and our logo",
                cleanPdf, new String[] {"logo.pdf", "application/pdf", base64(infected)})));
        hostile.add(refusedFor("error.fileType", withFiles(maya, "hostile disguised exe", "Invoice",
                cleanPdf, new String[] {"invoice.pdf", "application/pdf", base64(exe)})));
        hostile.add(refusedFor("error.fileNamePath", withFiles(maya, "hostile path name", "Contract",
                cleanPdf, new String[] {"../../etc/passwd.pdf", "application/pdf", base64(PDF)})));
        Mail good = withFiles(maya, "good reply", "Signed contract attached.\r\n\r\nOn Mon, Acme wrote:\r\n> Please send",
                new String[] {"signed.pdf", "application/pdf", base64(PDF)});

        try (CapturedLog log = CapturedLog.of("dev.parley.messaging.channel.email")) {
            MessagingRows before = MessagingRows.of(host);
            for (Mail m : hostile) {
                deliver(m);
            }
            deliver(good);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (stored("good-reply") < 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            long goodId = stored("good-reply");
            assertTrue(goodId > 0, () -> "the good reply after the hostile ones was stored; log: " + log.warnings());

            for (Mail m : hostile) {
                String reason = REASONS.get(m.subject());
                assertTrue(log.warned("(" + m.subject() + ") refused: " + reason), () -> "refusal of \"" + m.subject()
                        + "\" for " + reason + " logged in " + log.warnings());
            }
            assertEquals(0, unreadInMailbox(), "refused mail is marked read, so it is not tried again and again");
            MessagingRows after = MessagingRows.of(host);
            assertEquals(before.messages() + 1, after.messages(), "only the good reply is stored");
            assertEquals(before.attachments() + 1, after.attachments(), "with its one file, and no file of refused mail");
            assertEquals(before.conversations(), after.conversations());
            try (Connection c = host.host().dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT m.conversation_id, m.channel, m.author_name, m.body, a.file_name "
                            + "FROM msg_message m JOIN msg_attachment a ON a.message_id = m.id WHERE m.id = " + goodId)) {
                assertTrue(rs.next());
                assertEquals(conversation, rs.getLong(1));
                assertEquals("EMAIL", rs.getString(2));
                assertEquals("Maya Garcia", rs.getString(3));
                assertEquals("Signed contract attached.", rs.getString(4));
                assertEquals("signed.pdf", rs.getString(5));
            }
            assertTrue(log.warnings().stream().noneMatch(l -> l.contains("Polling")), () -> "the poller never failed: "
                    + log.warnings());
        }
    }
}
