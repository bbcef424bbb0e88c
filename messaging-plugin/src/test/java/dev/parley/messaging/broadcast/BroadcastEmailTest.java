package dev.parley.messaging.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.parley.api.mail.MailDeliveryException;
import dev.parley.api.mail.Mailer;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.testing.FixtureHost;
import dev.parley.messaging.MessagingServices;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** E-mail copies through a real SMTP server (GreenMail): per member preference, retries, error-rate pause, pixels. */
class BroadcastEmailTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private BroadcastFixture fx;
    private MessagingServices services;
    private BroadcastService bulk;
    private long programId;

    @BeforeEach
    void setUp() {
        fx = new BroadcastFixture("bulkmail");
        services = fx.newServices();
        bulk = services.broadcasts();
        programId = fx.program.id();
        fx.host.setMailer(smtp());
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    /** The host's mailer as production has it: SMTP, here to GreenMail. */
    static Mailer smtp() {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
        Session session = Session.getInstance(p);
        return mail -> {
            try {
                MimeMessage m = new MimeMessage(session);
                m.setFrom(new InternetAddress("messages@parley.test"));
                m.setRecipients(Message.RecipientType.TO, mail.to());
                m.setSubject(mail.subject(), "UTF-8");
                MimeMultipart alt = new MimeMultipart("alternative");
                MimeBodyPart text = new MimeBodyPart();
                text.setText(mail.text(), "UTF-8");
                alt.addBodyPart(text);
                if (mail.html() != null) {
                    MimeBodyPart html = new MimeBodyPart();
                    html.setContent(mail.html(), "text/html; charset=UTF-8");
                    alt.addBodyPart(html);
                }
                m.setContent(alt);
                for (var h : mail.headers().entrySet()) {
                    m.setHeader(h.getKey(), h.getValue());
                }
                Transport.send(m);
                return m.getMessageID();
            } catch (MessagingException e) {
                throw new MailDeliveryException(e.getMessage(), e);
            }
        };
    }

    private PartnerMember member(Partner p, String name, boolean optIn) {
        PartnerMember m = fx.host.directory().addMember(p.id(), name, name.toLowerCase().replace(' ', '.') + "@mail.test", null);
        if (optIn) {
            services.settings().setEmailNotify(FixtureHost.partnerMember(m.id(), programId, p.id(), name), true);
        }
        return m;
    }

    private BulkDraft draft(String subject, String body) {
        BulkDraft d = bulk.newDraft(fx.manager);
        d.subject = subject;
        d.body = body;
        return d;
    }

    @Test
    void membersWhoAskedForEmailReceiveAPersonalisedCopyWithATrackingPixel() throws Exception {
        Partner alpha = fx.host.directory().addPartner(programId, "Alpha", "alpha@p.test", PartnershipStatus.APPROVED);
        Partner beta = fx.host.directory().addPartner(programId, "Beta", "beta@p.test", PartnershipStatus.APPROVED);
        member(alpha, "Ann Alpha", true);
        member(alpha, "Al Alpha", false);
        member(beta, "Ben Beta", true);

        long id = bulk.sendNow(fx.manager, draft("News for {partner_name}", "Hi {partner_first_name}, **big** news for {partner_name}."));
        assertEquals(SendJob.Outcome.SENT, bulk.job().run(id));

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(2, received.length);
        MimeMessage ann = find(received, "ann.alpha@mail.test");
        assertEquals("[Acme Outdoor] News for Alpha", ann.getSubject());
        String body = GreenMailUtil.getBody(ann);
        assertTrue(body.contains("Hi Ann, **big** news for Alpha."), body);
        assertTrue(body.contains("<strong>big</strong>"), body);
        assertTrue(find(received, "ben.beta@mail.test") != null);
        assertEquals(String.valueOf(id), ann.getHeader("X-Parley-Bulk")[0]);

        Matcher pixel = Pattern.compile("https://parley\\.test/messaging/open\\?t=([A-Za-z0-9_.=-]+)").matcher(body.replace("=\r\n", ""));
        assertTrue(pixel.find(), body);
        assertTrue(bulk.emailOpened(pixel.group(1).replace("=3D", "=")));
        Bulk b = bulk.find(fx.manager, id);
        assertEquals(2, b.emailsSent());
        assertEquals(1, b.opens());
        assertEquals(List.of("SENT", "SENT"), bulk.emails(fx.manager, id).stream().map(BroadcastMapper.EmailState::status).toList());
    }

    @Test
    void failuresAreRetriedWithBackoffAndRecordedPerRecipient() throws Exception {
        Partner alpha = fx.host.directory().addPartner(programId, "Alpha", "alpha@p.test", PartnershipStatus.APPROVED);
        member(alpha, "Ann Alpha", true);
        Mailer real = smtp();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        fx.host.setMailer(mail -> {
            if (failOnce.getAndSet(false)) {
                throw new MailDeliveryException("421 try again later", null);
            }
            return real.send(mail);
        });
        long id = bulk.sendNow(fx.manager, draft("Retry", "Body"));
        assertEquals(SendJob.Outcome.WAITING_FOR_RETRIES, bulk.job().run(id));
        BroadcastMapper.EmailState state = bulk.emails(fx.manager, id).get(0);
        assertEquals("PENDING", state.status());
        assertEquals(1, state.attempts());
        assertEquals("421 try again later", state.lastError());
        assertEquals(0, greenMail.getReceivedMessages().length);
        assertEquals(BulkStatus.SENDING, bulk.find(fx.manager, id).status());
        assertEquals(1, bulk.find(fx.manager, id).delivered(), "the in-app copy does not wait for e-mail");

        assertEquals(SendJob.Outcome.WAITING_FOR_RETRIES, bulk.job().run(id), "not due before the backoff");
        fx.host.mutableClock().advance(SendJob.BACKOFF.plusSeconds(1));
        assertEquals(SendJob.Outcome.SENT, bulk.job().run(id));
        assertEquals(1, greenMail.getReceivedMessages().length);
        assertEquals(2, bulk.emails(fx.manager, id).get(0).attempts());
        assertEquals(BulkStatus.SENT, bulk.find(fx.manager, id).status());
    }

    @Test
    void everyAttemptAtAnEmailCopyCarriesTheSameMessageIdSoARepeatCanBeRecognised() throws Exception {
        Partner alpha = fx.host.directory().addPartner(programId, "Alpha", "alpha@p.test", PartnershipStatus.APPROVED);
        member(alpha, "Ann Alpha", true);
        List<String> attempts = new java.util.ArrayList<>();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        fx.host.setMailer(mail -> {
            attempts.add(mail.headers().get("Message-ID"));
            if (failOnce.getAndSet(false)) {
                throw new MailDeliveryException("timeout after DATA: the server may have taken it", null);
            }
            return mail.headers().get("Message-ID");
        });
        long id = bulk.sendNow(fx.manager, draft("Retry", "Body"));
        assertEquals(SendJob.Outcome.WAITING_FOR_RETRIES, bulk.job().run(id));
        fx.host.mutableClock().advance(SendJob.BACKOFF.plusSeconds(1));
        assertEquals(SendJob.Outcome.SENT, bulk.job().run(id));

        assertEquals(2, attempts.size());
        assertEquals(attempts.get(0), attempts.get(1));
        assertTrue(attempts.get(0).matches("<bulk-" + id + "-\\d+\\." + alpha.id() + "\\.\\d+@parley\\.test>"),
                attempts.get(0));
    }

    @Test
    void aHighErrorRatePausesTheJob_resumingDeliversEveryCopyOnce() throws Exception {
        for (int i = 0; i < 30; i++) {
            Partner p = fx.host.directory().addPartner(programId, "P" + i, "p" + i + "@p.test", PartnershipStatus.APPROVED);
            member(p, "Member " + i, true);
        }
        List<String> attempted = new ArrayList<>();
        fx.host.setMailer(mail -> {
            attempted.add(mail.to());
            throw new MailDeliveryException("connection refused", null);
        });
        long id = bulk.sendNow(fx.manager, draft("Down", "Mail server is down"));
        assertEquals(SendJob.Outcome.PAUSED, bulk.job().run(id));
        Bulk paused = bulk.find(fx.manager, id);
        assertEquals(BulkStatus.PAUSED, paused.status());
        assertEquals(SendJob.PAUSED_ERROR_RATE, paused.pauseReason());
        assertEquals(SendJob.ERROR_MIN_ATTEMPTS, attempted.size(), "stopped instead of hammering the server");
        assertEquals(30, paused.delivered());

        fx.host.setMailer(smtp());
        bulk.resume(fx.manager, id);
        fx.host.mutableClock().advance(Duration.ofMinutes(1));
        assertEquals(SendJob.Outcome.SENT, bulk.job().run(id));
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(30, received.length);
        Set<String> to = new java.util.HashSet<>();
        for (MimeMessage m : received) {
            to.add(m.getAllRecipients()[0].toString());
        }
        assertEquals(30, to.size(), "one copy per member");
        assertEquals(30, bulk.find(fx.manager, id).emailsSent());
        assertEquals(Set.of("SENT"), bulk.emails(fx.manager, id).stream().map(BroadcastMapper.EmailState::status)
                .collect(Collectors.toSet()));
    }

    @Test
    void noEmailCopyWhenTheSenderTurnsItOff() {
        Partner alpha = fx.host.directory().addPartner(programId, "Alpha", "alpha@p.test", PartnershipStatus.APPROVED);
        member(alpha, "Ann Alpha", true);
        BulkDraft d = draft("In-app only", "Body");
        d.emailCopy = false;
        long id = bulk.sendNow(fx.manager, d);
        assertEquals(SendJob.Outcome.SENT, bulk.job().run(id));
        assertEquals(0, greenMail.getReceivedMessages().length);
        assertEquals(1, bulk.find(fx.manager, id).delivered());
    }

    private static MimeMessage find(MimeMessage[] messages, String to) throws Exception {
        for (MimeMessage m : messages) {
            if (m.getAllRecipients()[0].toString().equals(to)) {
                return m;
            }
        }
        throw new AssertionError("no mail to " + to);
    }
}
