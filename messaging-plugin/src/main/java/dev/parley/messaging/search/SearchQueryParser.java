package dev.parley.messaging.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the search box: words, {@code "exact phrases"}, {@code prefix*}, and the filters
 * {@code from:}, {@code partner:}, {@code channel:}, {@code has:attachment}, {@code before:},
 * {@code after:} (YYYY-MM-DD or YYYY/MM/DD) and {@code is:unread}; filter values may be quoted
 * ({@code from:"Mia Chen"}). It never fails: an unknown filter, a bad date, an unclosed quote or
 * a lone {@code *} is read as plain words. Input is cut at {@link #MAX_LENGTH} characters and
 * {@link #MAX_PARTS} parts.
 */
public final class SearchQueryParser {

    /** Longest input read; the rest is ignored. */
    public static final int MAX_LENGTH = 500;
    /** Most text parts and filter values kept. */
    public static final int MAX_PARTS = 24;
    /** Shortest prefix accepted before {@code *}; shorter ones are searched as words. */
    public static final int MIN_PREFIX = 2;

    // compiled once: a search parses its input on every request
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");
    private static final Pattern TRAILING_STARS = Pattern.compile("\\*+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchQueryParser() {
    }

    public static ParsedQuery parse(String input) {
        Builder b = new Builder();
        if (input == null) {
            return b.build();
        }
        String s = input.length() > MAX_LENGTH ? input.substring(0, MAX_LENGTH) : input;
        s = CONTROL.matcher(s).replaceAll(" ").replace('\u201C', '"').replace('\u201D', '"')
                .replace('\uFF02', '"').replace('\uFF1A', ':');
        int i = 0;
        int n = s.length();
        while (i < n && b.parts < MAX_PARTS) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '"') {
                int close = s.indexOf('"', i + 1);
                if (close < 0) {
                    // unclosed quote: the rest is plain words
                    b.words(s.substring(i + 1));
                    break;
                }
                b.phrase(s.substring(i + 1, close));
                i = close + 1;
                continue;
            }
            int end = i;
            while (end < n && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != '"') {
                end++;
            }
            String token = s.substring(i, end);
            int colon = token.indexOf(':');
            if (colon > 0 && end < n && s.charAt(end) == '"' && colon == token.length() - 1) {
                // key:"quoted value"
                int close = s.indexOf('"', end + 1);
                if (close < 0) {
                    b.words(token.substring(0, colon) + " " + s.substring(end + 1));
                    break;
                }
                b.filter(token.substring(0, colon), s.substring(end + 1, close));
                i = close + 1;
                continue;
            }
            if (colon > 0 && colon < token.length() - 1) {
                b.filter(token.substring(0, colon), token.substring(colon + 1));
            } else if (token.endsWith("*")) {
                String stem = TRAILING_STARS.matcher(token).replaceAll("");
                if (stem.codePointCount(0, stem.length()) >= MIN_PREFIX && stem.indexOf('*') < 0) {
                    b.prefix(stem);
                } else {
                    b.words(stem);
                }
            } else {
                b.words(token);
            }
            i = end;
        }
        return b.build();
    }

    private static final class Builder {
        private final List<ParsedQuery.TextPart> text = new ArrayList<>();
        private final List<String> from = new ArrayList<>();
        private final List<String> partner = new ArrayList<>();
        private final Set<MessageDocument.Channel> channels = EnumSet.noneOf(MessageDocument.Channel.class);
        private boolean hasAttachment;
        private LocalDate after;
        private LocalDate before;
        private boolean unread;
        private int parts;

        void words(String raw) {
            for (String w : SPACES.split(raw.replace('*', ' ').replace(':', ' ').strip())) {
                if (!w.isBlank() && parts < MAX_PARTS) {
                    text.add(new ParsedQuery.TextPart(ParsedQuery.TextKind.WORD, w));
                    parts++;
                }
            }
        }

        void phrase(String raw) {
            String p = raw.strip();
            if (!p.isEmpty() && parts < MAX_PARTS) {
                text.add(new ParsedQuery.TextPart(p.contains(" ") || p.length() > 1
                        ? ParsedQuery.TextKind.PHRASE : ParsedQuery.TextKind.WORD, p));
                parts++;
            }
        }

        void prefix(String stem) {
            text.add(new ParsedQuery.TextPart(ParsedQuery.TextKind.PREFIX, stem));
            parts++;
        }

        void filter(String key, String rawValue) {
            String value = rawValue.strip();
            String k = key.toLowerCase(Locale.ROOT);
            String v = value.toLowerCase(Locale.ROOT);
            boolean understood = !value.isEmpty() && switch (k) {
                case "from" -> from.add(value);
                case "partner" -> partner.add(value);
                case "channel" -> channel(v);
                case "has" -> (v.equals("attachment") || v.equals("attachments")) && (hasAttachment = true);
                case "is" -> v.equals("unread") && (unread = true);
                case "before" -> (before = date(v)) != null;
                case "after" -> (after = date(v)) != null;
                default -> false;
            };
            if (understood) {
                parts++;
            } else {
                words(key + " " + value);
            }
        }

        private boolean channel(String v) {
            MessageDocument.Channel c = switch (v) {
                case "email", "e-mail", "mail" -> MessageDocument.Channel.EMAIL;
                case "sms", "text" -> MessageDocument.Channel.SMS;
                case "app", "in-app", "inapp" -> MessageDocument.Channel.APP;
                default -> null;
            };
            return c != null && channels.add(c) | true;
        }

        private static LocalDate date(String v) {
            try {
                return LocalDate.parse(v.replace('/', '-'));
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        ParsedQuery build() {
            return new ParsedQuery(text, from, partner, channels, hasAttachment, after, before, unread);
        }
    }
}
