package dev.parley.host.mail;

import dev.parley.api.mail.MailDeliveryException;
import dev.parley.api.mail.Mailer;
import dev.parley.api.mail.OutboundMail;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's mailer when no SMTP server is configured: every message is kept in the
 * {@code mail_outbox} table (and logged) so a person can read what would have been sent. A mail
 * whose Message-ID is already in the outbox (sent again after a crash) is not added a second time.
 */
public final class OutboxMailer implements Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxMailer.class);

    private final DataSource dataSource;
    private final Clock clock;

    public OutboxMailer(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public String send(OutboundMail mail) throws MailDeliveryException {
        String given = mail.headers().get("Message-ID");
        String messageId = given == null || given.isBlank() ? "<" + UUID.randomUUID() + "@parley.demo>" : given.strip();
        int added;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO mail_outbox "
                        + "(to_addr, reply_to, subject, body, message_id, sent_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, mail.to());
            ps.setString(2, mail.replyTo());
            ps.setString(3, mail.subject());
            ps.setString(4, mail.text());
            ps.setString(5, messageId);
            ps.setTimestamp(6, Timestamp.from(clock.instant()));
            added = ps.executeUpdate();
        } catch (SQLException e) {
            throw new MailDeliveryException("Outbox unavailable: " + e.getMessage(), e);
        }
        if (added == 0) {
            LOG.info("Mail to {} with Message-ID {} was sent before; not sent again", mail.to(), messageId);
        } else {
            LOG.info("Mail to {}: {}", mail.to(), mail.subject());
        }
        return messageId;
    }
}
