package dev.parley.messaging.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.parley.api.mail.MailDeliveryException;
import dev.parley.api.mail.Mailer;
import dev.parley.api.user.CurrentUser;
import dev.parley.messaging.channel.email.ImapPoller;
import dev.parley.messaging.conversation.Channel;
import dev.parley.messaging.conversation.Conversation;
import dev.parley.messaging.conversation.ConversationService;
import dev.parley.messaging.conversation.Message;
import dev.parley.messaging.inbox.InboxFilter;
import dev.parley.messaging.inbox.InboxView;
import dev.parley.messaging.testing.MessagingFixture;
import dev.parley.api.testing.TestClamd;
import dev.parley.messaging.testing.TestFiles;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * E-mail in one thread, against a real SMTP and IMAP server in the JVM (GreenMail): notifications to
 * members who opted in, and their replies read from the reply mailbox over IMAP.
 */
class EmailChannelTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new com.icegreen.greenmail.util.ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    private MessagingFixture f;
    private ConversationService conversations;
    private ImapPoller poller;
    private Session smtp;

    @BeforeEach
    void setUp() {
        greenMail.setUser(MessagingFixture.REPLY_ADDRESS, MessagingFixture.REPLY_ADDRESS, "secret");
        f = new MessagingFixture("email");
        f.host.setSetting("messaging.imap.host", "127.0.0.1");
        f.host.setSetting("messaging.imap.port", String.valueOf(greenMail.getImap().getPort()));
        f.host.setSetting("messaging.imap.ssl", "false");
        f.host.setSetting("messaging.imap.user", MessagingFixture.REPLY_ADDRESS);
        f.host.setSetting("messaging.imap.password", "secret");
        f.host.setSetting("base.url", "https://partners.acme.test");
        conversations = f.rewire().conversations();
        poller = f.services.imap().orElseThrow();
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
        smtp = Session.getInstance(props);
        // The host's mailer, as SmtpMailer does it: through the SMTP server.
        f.host.setMailer(smtpMailer());
    }

    private Mailer smtpMailer() {
        return mail -> {
            try {
                MimeMessage m = new MimeMessage(smtp);
                m.setFrom(new InternetAddress("parley@acme.test"));
                m.setRecipients(jakarta.mail.Message.RecipientType.TO, mail.to());
                if (mail.replyTo() != null) {
                    m.setReplyTo(InternetAddress.parse(mail.replyTo()));
                }
                m.setSubject(mail.subject(), "UTF-8");
                for (var h : mail.headers().entrySet()) {
                    m.setHeader(h.getKey(), h.getValue());
                }
                m.setText(mail.text(), "UTF-8");
                m.saveChanges();
                Transport.send(m);
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new MailDeliveryException(e.getMessage(), e);
            }
        };
    }

    @Test
    void membersWhoOptedInAreMailedAndTheirReplyLandsInTheSameThread() throws Exception {
        f.services.settings().setEmailNotify(f.member(f.maya), true);
        CurrentUser carlos = f.carlosUser();
        Conversation c = conversations.start(carlos, f.trail.id(), null, "Winter campaign", "Can you post on Friday?",
                List.of());

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length, "Maya opted in, Tom did not");
        MimeMessage notification = received[0];
        assertEquals("maya@trailblazers.test", notification.getAllRecipients()[0].toString());
        assertEquals("[Acme Outdoor] Winter campaign", notification.getSubject());
        String replyTo = notification.getReplyTo()[0].toString();
        assertEquals("reply+" + c.replyToken() + "@parley.test", replyTo);
        String text = notification.getContent().toString();
        assertTrue(text.contains("Can you post on Friday?"), text);
        assertTrue(text.contains("https://partners.acme.test/portal/conversation/" + c.id()), text);

        MimeMessage reply = reply("maya@trailblazers.test", replyTo, "<r1@trailblazers.test>",
                "Yes, Friday works. Stats attached.\n\nOn Mon, 2 Nov 2026, Acme wrote:\n> Can you post on Friday?\n",
                "stats.png", TestFiles.png());
        deliver(reply);
        assertEquals(1, poller.pollOnce());

        List<Message> thread = conversations.messages(carlos, c.id(), 0);
        Message last = thread.get(thread.size() - 1);
        assertEquals(Channel.EMAIL, last.channel());
        assertEquals("Maya Garcia", last.authorName());
        assertEquals("Yes, Friday works. Stats attached.", last.body(), "the quoted original is left out");
        assertEquals(List.of("stats.png"), last.attachments().stream().map(a -> a.fileName()).toList());
        assertEquals(List.of(c.id()), f.services.inbox().page(carlos, InboxFilter.all().withView(InboxView.UNREAD), null, 50)
                .rows().stream().map(r -> r.conversation().id()).toList());

        assertEquals(0, poller.pollOnce(), "read mail is not taken twice");
        deliver(reply);
        poller.pollOnce();
        assertEquals(thread.size(), conversations.messages(carlos, c.id(), 0).size(), "a repeated delivery is stored once");
    }

    @Test
    void unknownSenderUnknownThreadAndInfectedAttachmentsAreRefusedAndNothingIsStored() throws Exception {
        CurrentUser carlos = f.carlosUser();
        Conversation c = conversations.start(carlos, f.trail.id(), null, "Hello", "Hello team", List.of());
        Conversation tomsOwn = conversations.start(carlos, f.trail.id(), f.tom.id(), "Tom only", "Hi Tom", List.of());
        String address = "reply+" + c.replyToken() + "@parley.test";
        deliver(reply("stranger@evil.test", address, "<x1@evil.test>", "Click here", null, null));
        deliver(reply("leo@summitdeals.test", address, "<x2@summit.test>", "Not my partner", null, null));
        deliver(reply("maya@trailblazers.test", "reply+aaaaaaaaaaaaaaaaaaaaaaaa@parley.test", "<x3@t.test>", "?", null, null));
        deliver(reply("maya@trailblazers.test", "reply+" + tomsOwn.replyToken() + "@parley.test", "<x4@t.test>",
                "Maya answering Tom's private thread", null, null));
        byte[] infected = (new String(TestFiles.pdf(), StandardCharsets.ISO_8859_1) + TestClamd.EICAR)
                .getBytes(StandardCharsets.ISO_8859_1);
        deliver(reply("maya@trailblazers.test", address, "<x5@t.test>", "See the contract", "contract.pdf", infected));

        assertEquals(0, poller.pollOnce());
        assertEquals(1, conversations.messages(carlos, c.id(), 0).size());
        assertEquals(1, conversations.messages(carlos, tomsOwn.id(), 0).size());
        assertEquals(0, unreadInMailbox(), "refused mail is marked read so it is not tried again");
    }

    @Test
    void aReplyWithAFileWaitsWhileTheScannerIsDownAndIsNeverStoredUnscanned() throws Exception {
        CurrentUser carlos = f.carlosUser();
        Conversation c = conversations.start(carlos, f.trail.id(), null, "Contract", "Please sign", List.of());
        String address = "reply+" + c.replyToken() + "@parley.test";
        String port = String.valueOf(TestClamd.get().port());
        f.host.setSetting("messaging.clamd.port", "1");
        poller = f.rewire().imap().orElseThrow();
        deliver(reply("maya@trailblazers.test", address, "<signed@t.test>", "Signed.", "signed.pdf", TestFiles.pdf()));
        assertEquals(0, poller.pollOnce());
        assertEquals(1, conversations.messages(carlos, c.id(), 0).size(), "nothing stored unscanned");
        assertEquals(1, unreadInMailbox(), "kept for the next poll");

        f.host.setSetting("messaging.clamd.port", port);
        poller = f.rewire().imap().orElseThrow();
        assertEquals(1, poller.pollOnce());
        List<Message> thread = conversations.messages(carlos, c.id(), 0);
        assertEquals(List.of("signed.pdf"), thread.get(1).attachments().stream().map(a -> a.fileName()).toList());
    }

    @Test
    void oversizedAndMalformedMailIsRefusedForGoodAndThePollerGoesOnToTheNextReply() throws Exception {
        f.host.setSetting("messaging.email.max.mb", "1");
        conversations = f.rewire().conversations();
        poller = f.services.imap().orElseThrow();
        CurrentUser carlos = f.carlosUser();
        Conversation c = conversations.start(carlos, f.trail.id(), null, "Contract", "Please sign", List.of());
        String head = "From: maya@trailblazers.test\r\nTo: reply+" + c.replyToken() + "@parley.test\r\n"
                + "MIME-Version: 1.0\r\n";
        deliverRaw(head + "Message-ID: <huge@t.test>\r\nSubject: huge\r\nContent-Type: text/plain\r\n\r\n"
                + "z".repeat(2 * 1024 * 1024) + "\r\n");
        deliverRaw(head + "Message-ID: <charset@t.test>\r\nSubject: charset\r\n"
                + "Content-Type: text/plain; charset=x-no-such-charset\r\n\r\nSigned.\r\n");
        deliverRaw(head + "Message-ID: <boundary@t.test>\r\nSubject: boundary\r\n"
                + "Content-Type: multipart/mixed; boundary=declared\r\n\r\n--other\r\nContent-Type: text/plain\r\n\r\n"
                + "Signed.\r\n--other--\r\n");
        deliverRaw(head + "Message-ID: <path@t.test>\r\nSubject: path\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nSigned.\r\n--b\r\nContent-Type: application/pdf\r\n"
                + "Content-Disposition: attachment; filename=\"../../etc/passwd.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(TestFiles.pdf()) + "\r\n--b--\r\n");
        deliver(reply("maya@trailblazers.test", "reply+" + c.replyToken() + "@parley.test", "<fine@t.test>",
                "Signed and attached.", "signed.pdf", TestFiles.pdf()));

        assertEquals(1, poller.pollOnce(), "only the last, good reply is stored");
        List<Message> thread = conversations.messages(carlos, c.id(), 0);
        assertEquals(2, thread.size());
        assertEquals("Signed and attached.", thread.get(1).body());
        assertEquals(List.of("signed.pdf"), thread.get(1).attachments().stream().map(a -> a.fileName()).toList());
        assertEquals(0, unreadInMailbox(), "refused mail is read, never tried again");
        assertEquals(0, poller.pollOnce());
    }

    /** Delivers a mail exactly as written, however broken. */
    private void deliverRaw(String raw) throws Exception {
        GreenMailUser mailbox = greenMail.getUserManager().getUser(MessagingFixture.REPLY_ADDRESS);
        mailbox.deliver(new MimeMessage(smtp, new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
    }

    private MimeMessage reply(String from, String to, String messageId, String text, String fileName, byte[] file)
            throws Exception {
        MimeMessage m = new MimeMessage(smtp) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(new InternetAddress(from));
        m.setRecipients(jakarta.mail.Message.RecipientType.TO, to);
        m.setSubject("Re: your message", "UTF-8");
        if (fileName == null) {
            m.setText(text, "UTF-8");
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new jakarta.activation.DataHandler(
                    new ByteArrayDataSource(file, "application/octet-stream")));
            attachment.setFileName(fileName);
            attachment.setDisposition(jakarta.mail.Part.ATTACHMENT);
            mixed.addBodyPart(body);
            mixed.addBodyPart(attachment);
            m.setContent(mixed);
        }
        m.saveChanges();
        return m;
    }

    /** As a mail server would: sub-addressed mail goes to the reply mailbox. */
    private void deliver(MimeMessage m) throws Exception {
        GreenMailUser mailbox = greenMail.getUserManager().getUser(MessagingFixture.REPLY_ADDRESS);
        mailbox.deliver(new MimeMessage(m));
    }

    private int unreadInMailbox() throws Exception {
        Properties props = new Properties();
        Session s = Session.getInstance(props);
        try (Store store = s.getStore("imap")) {
            store.connect("127.0.0.1", greenMail.getImap().getPort(), MessagingFixture.REPLY_ADDRESS, "secret");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int unread = inbox.search(new jakarta.mail.search.FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
            inbox.close(false);
            return unread;
        }
    }
}
