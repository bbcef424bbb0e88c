package dev.parley.api.mail;

import java.util.Map;
import java.util.Objects;

/**
 * A message for the host's mailer.
 *
 * @param to recipient address
 * @param replyTo reply address (e.g. one that identifies a conversation), or {@code null}
 * @param subject subject line
 * @param text plain-text body
 * @param html HTML body, or {@code null}
 * @param headers extra headers such as {@code X-Parley-Thread}
 * @since 1.0
 */
public record OutboundMail(String to, String replyTo, String subject, String text, String html,
        Map<String, String> headers) {

    public OutboundMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
