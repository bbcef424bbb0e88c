package dev.parley.messaging.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HighlighterTest {

    private static Highlighter h(String query) {
        return new Highlighter(new SearchAnalyzer(), SearchQueryParser.parse(query));
    }

    @Test
    void wordsPrefixesAndPhrases() {
        assertEquals("<mark>Spring</mark> and <mark>SPRING</mark>", h("spring").whole("Spring and SPRING"));
        assertEquals("<mark>Payouts</mark> and <mark>payout</mark>, not pay", h("payout*").whole("Payouts and payout, not pay"));
        assertEquals("spring, then <mark>spring campaign</mark>", h("\"spring campaign\"").whole("spring, then spring campaign"),
                "a phrase marks only where its words stand together");
        assertEquals("<mark>Café</mark> or <mark>CAFE</mark>", h("cafe").whole("Café or CAFE"),
                "accents and case are folded the same way as in the index");
    }

    @Test
    void chineseWordsAreMarkedWhereTheirCharactersStandTogether() {
        assertEquals("病人有毒，请扫描：<mark>病毒扫描</mark>。", h("病毒扫描").whole("病人有毒，请扫描：病毒扫描。"));
        assertEquals("发送给<mark>合作伙伴</mark>的消息", h("合作伙伴").whole("发送给合作伙伴的消息"));
    }

    @Test
    void escapesEverythingButTheMarks() {
        assertEquals("&lt;b&gt;<mark>bold</mark>&lt;/b&gt; &amp; &quot;x&quot;", h("bold").whole("<b>bold</b> & \"x\""));
        assertEquals("&lt;mark&gt;", h("zzz").whole("<mark>"));
    }

    @Test
    void snippetsAreCutAroundTheFirstMatch() {
        String text = "word ".repeat(100) + "the zebra appears here " + "tail ".repeat(100);
        String s = h("zebra").snippet(text, 80);
        assertTrue(s.startsWith("…"), s);
        assertTrue(s.endsWith("…"), s);
        assertTrue(s.contains("the <mark>zebra</mark> appears"), s);
        assertTrue(s.length() <= 80 + 2 + "<mark></mark>".length(), s);
        String start = h("nothing").snippet(text, 80);
        assertTrue(start.startsWith("word word"), start);
        assertEquals(81, start.length(), "80 characters and an ellipsis");
        assertEquals("a b <mark>c</mark>", h("c").snippet("a\n\nb   c", 80), "whitespace is folded");
    }

    @Test
    void aMarkIsNeverCut() {
        String text = "x".repeat(70) + " alpha longlongword";
        String s = h("longlongword").snippet(text, 80);
        assertTrue(s.contains("<mark>longlongword</mark>"), s);
    }

    @Test
    void aPrefixMarksTheWordsThatStartWithIt() {
        assertEquals("repay <mark>payout</mark>, <mark>PAYOUTS</mark> and <mark>Ｐａｙｏｕｔ</mark>; pa-y",
                h("pay*").whole("repay payout, PAYOUTS and Ｐａｙｏｕｔ; pa-y"), "not inside a word; case and width folded");
        assertEquals("café <mark>Payé</mark> <mark>pay\u0301</mark>", h("pay*").whole("café Payé pay\u0301"),
                "accents folded as in the index, a combining accent marked with its letter");
        assertEquals("<mark>合作伙伴</mark>的<mark>payout</mark>：<mark>合作伙伴</mark>", h("pay* 合作伙伴").whole("合作伙伴的payout：合作伙伴"),
                "next to Chinese");
    }

    @Test
    void aLongTextsSnippetShowsItsFirstMatchAndOnlyWhatFits() {
        String text = "word ".repeat(100) + "the payout is here " + "tail ".repeat(100) + "payout again";
        String s = h("pay*").snippet(text, 80);
        assertTrue(s.startsWith("…") && s.endsWith("…"), s);
        assertTrue(s.contains("the <mark>payout</mark> is here"), s);
        assertEquals(1, s.split("<mark>", -1).length - 1, s);
    }
}
