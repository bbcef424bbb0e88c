package dev.parley.api.mail;

/**
 * The host's outbound mail. The host decides the transport (SMTP in production, a log in a demo).
 *
 * @since 1.0
 */
public interface Mailer {

    /**
     * Sends one message synchronously. A {@code Message-ID} in the mail's headers is kept: a caller that
     * may send the same mail again (it died before recording that it was sent) gives every attempt the
     * same Message-ID, and the host sends a Message-ID at most once where the transport can tell (the
     * demo outbox); over SMTP the receiving side sees the repeated Message-ID.
     *
     * @return the Message-ID the transport assigned
     * @throws MailDeliveryException when the transport refuses or times out; the caller may retry
     */
    String send(OutboundMail mail) throws MailDeliveryException;
}
