package dev.parley.messaging.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlToTextTest {

    @Test
    void htmlMailBecomesText() {
        assertEquals("Hello Leo,\nYour payout & bonus ©\nSee you",
                HtmlToText.toText("<html><head><style>p{color:red}</style></head><body><p>Hello Leo,</p>"
                        + "<p>Your <b>payout</b> &amp; bonus &#169;<br>See&nbsp;you</p><script>alert(1)</script></body></html>"));
        assertEquals("logo", HtmlToText.toText("<img src=\"x.png\" alt=\"logo\">"));
    }

    @Test
    void markdownBecomesText() {
        assertEquals("Title\nRead the guide now\nitem one\nitem two\nbold and italic and code",
                HtmlToText.toText("# Title\n\nRead [the guide](https://x.test/guide?a=1) ![](/files/abc) now\n\n"
                        + "* item one\n1. item two\n\n**bold** and *italic* and `code`"));
        assertEquals("[Engage] → 合作伙伴", HtmlToText.toText("**\\[Engage]** → **合作伙伴**"));
    }

    @Test
    void theChineseSeedKeepsItsWordsAndLosesItsMarkup() {
        String text = HtmlToText.toText(SearchFixture.SEED);
        assertTrue(text.contains("所有收发附件都会进行病毒扫描。"));
        assertTrue(text.contains("参加 PXA 课程"));
        assertFalse(text.contains("https://"));
        assertFalse(text.contains("{%"));
        assertFalse(text.contains("<summary>"));
        assertFalse(text.contains("/files/"));
    }

    @Test
    void nothingInNothingOut() {
        assertEquals("", HtmlToText.toText(null));
        assertEquals("", HtmlToText.toText(""));
        assertEquals("a < b", HtmlToText.toText("a < b"));
        assertEquals("&bogus; &#xFFFFFFF;", HtmlToText.toText("&bogus; &#xFFFFFFF;"));
    }
}
