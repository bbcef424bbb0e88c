package dev.parley.api.mail;

/**
 * The host's outbound mail. The host decides the transport (SMTP in production, a log in a demo).
 *
 * @since 1.0
 */
public interface Mailer {

    /**
     * Sends one message synchronously.
     *
     * @return the Message-ID the transport assigned
     * @throws MailDeliveryException when the transport refuses or times out; the caller may retry
     */
    String send(OutboundMail mail) throws MailDeliveryException;
}
