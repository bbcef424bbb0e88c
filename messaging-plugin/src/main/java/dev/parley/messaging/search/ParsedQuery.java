package dev.parley.messaging.search;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A search box input, understood. Text parts must all match (words, "exact phrases", prefix*);
 * filters narrow further.
 *
 * @param text words, phrases and prefixes
 * @param from sender name texts ({@code from:})
 * @param partner partner or member name texts ({@code partner:})
 * @param channels channels ({@code channel:email}); empty = any
 * @param hasAttachment {@code has:attachment}
 * @param after messages sent on or after this day ({@code after:2026-01-31}), in the user's zone
 * @param before messages sent before this day ({@code before:2026-01-31}), in the user's zone
 * @param unread {@code is:unread}
 */
public record ParsedQuery(List<TextPart> text, List<String> from, List<String> partner,
        Set<MessageDocument.Channel> channels, boolean hasAttachment, LocalDate after, LocalDate before, boolean unread)
        implements Serializable {

    /** Kinds of text parts. */
    public enum TextKind { WORD, PHRASE, PREFIX }

    /** One text part of the query. */
    public record TextPart(TextKind kind, String text) implements Serializable {
    }

    public ParsedQuery {
        text = List.copyOf(text);
        from = List.copyOf(from);
        partner = List.copyOf(partner);
        channels = Set.copyOf(channels);
    }

    /** @return whether nothing at all was asked */
    public boolean isEmpty() {
        return text.isEmpty() && !hasFilters();
    }

    /** @return whether any filter was given */
    public boolean hasFilters() {
        return !from.isEmpty() || !partner.isEmpty() || !channels.isEmpty() || hasAttachment || after != null
                || before != null || unread;
    }
}
