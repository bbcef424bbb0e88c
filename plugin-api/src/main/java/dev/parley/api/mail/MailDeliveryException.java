package dev.parley.api.mail;

/**
 * The mail transport refused or could not be reached.
 *
 * @since 1.0
 */
public class MailDeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
