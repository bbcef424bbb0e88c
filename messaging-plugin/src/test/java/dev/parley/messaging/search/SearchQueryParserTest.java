package dev.parley.messaging.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.messaging.search.ParsedQuery.TextKind;
import dev.parley.messaging.search.ParsedQuery.TextPart;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchQueryParserTest {

    private static TextPart w(String s) {
        return new TextPart(TextKind.WORD, s);
    }

    @Test
    void wordsPhrasesPrefixesAndFilters() {
        ParsedQuery q = SearchQueryParser.parse(
                "invoice \"spring campaign\" pay* from:\"Mia Chen\" partner:acme channel:SMS has:attachment "
                        + "after:2026-01-01 before:2026/02/01 is:unread");
        assertEquals(List.of(w("invoice"), new TextPart(TextKind.PHRASE, "spring campaign"), new TextPart(TextKind.PREFIX, "pay")),
                q.text());
        assertEquals(List.of("Mia Chen"), q.from());
        assertEquals(List.of("acme"), q.partner());
        assertEquals(Set.of(MessageDocument.Channel.SMS), q.channels());
        assertTrue(q.hasAttachment());
        assertTrue(q.unread());
        assertEquals(LocalDate.of(2026, 1, 1), q.after());
        assertEquals(LocalDate.of(2026, 2, 1), q.before());
    }

    @Test
    void channelsHaveAliases() {
        assertEquals(Set.of(MessageDocument.Channel.EMAIL, MessageDocument.Channel.APP),
                SearchQueryParser.parse("channel:e-mail channel:in-app").channels());
    }

    @Test
    void anythingNotUnderstoodBecomesWords() {
        assertEquals(List.of(w("color"), w("blue"), w("x")), SearchQueryParser.parse("color:blue x").text());
        assertEquals(List.of(w("before"), w("yesterday")), SearchQueryParser.parse("before:yesterday").text());
        assertNull(SearchQueryParser.parse("before:yesterday").before());
        assertEquals(List.of(w("is"), w("read")), SearchQueryParser.parse("is:read").text());
        assertEquals(List.of(w("has"), w("pictures")), SearchQueryParser.parse("has:pictures").text());
        assertEquals(List.of(w("channel"), w("fax")), SearchQueryParser.parse("channel:fax").text());
        assertEquals(List.of(w("open"), w("quote")), SearchQueryParser.parse("\"open quote").text());
        assertEquals(List.of(w("from"), w("Mia"), w("Chen")), SearchQueryParser.parse("from:\"Mia Chen").text());
        assertEquals(List.of(w("a")), SearchQueryParser.parse("a*").text(), "too short for a prefix");
        assertEquals(List.of(), SearchQueryParser.parse("*** :").text());
        assertTrue(SearchQueryParser.parse("   ").isEmpty());
        assertTrue(SearchQueryParser.parse(null).isEmpty());
    }

    @Test
    void fullWidthPunctuationFromChineseKeyboards() {
        ParsedQuery q = SearchQueryParser.parse("from：王芳 “病毒 扫描”");
        assertEquals(List.of("王芳"), q.from());
        assertEquals(List.of(new TextPart(TextKind.PHRASE, "病毒 扫描")), q.text());
    }

    @Test
    void inputIsBounded() {
        ParsedQuery q = SearchQueryParser.parse("word ".repeat(1000));
        assertEquals(SearchQueryParser.MAX_PARTS, q.text().size());
        ParsedQuery cut = SearchQueryParser.parse("a".repeat(SearchQueryParser.MAX_LENGTH) + " tail");
        assertEquals(1, cut.text().size());
        assertFalse(cut.text().get(0).text().contains("tail"));
    }
}
