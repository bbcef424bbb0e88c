package dev.parley.messaging.inbox;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * A keyset position in a list ordered newest first: the last row shown. Written in URLs as
 * {@code <epoch millis>-<id>}.
 */
public record InboxCursor(Instant at, long id) implements Serializable {

    public static Optional<InboxCursor> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int dash = text.indexOf('-', 1);
        try {
            return dash < 0 ? Optional.empty() : Optional.of(new InboxCursor(
                    Instant.ofEpochMilli(Long.parseLong(text.substring(0, dash))), Long.parseLong(text.substring(dash + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return at.toEpochMilli() + "-" + id;
    }
}
