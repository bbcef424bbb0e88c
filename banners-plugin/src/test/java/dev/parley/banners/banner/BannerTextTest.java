package dev.parley.banners.banner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Light Markdown becomes safe HTML; no script gets through; only http(s) call-to-action links. */
class BannerTextTest {

    @Test
    void markdownFormattingIsKept() {
        String html = BannerText.toSafeHtml("Hello **Maya**, see *this*:\n\n- one\n- [two](https://acme.test/x)");
        assertTrue(html.contains("<strong>Maya</strong>"), html);
        assertTrue(html.contains("<em>this</em>"), html);
        assertTrue(html.contains("<li>one</li>"), html);
        assertTrue(html.contains("href=\"https://acme.test/x\""), html);
        java.util.regex.Matcher rel = java.util.regex.Pattern.compile("rel=\"([^\"]*)\"").matcher(html);
        assertTrue(rel.find(), html);
        assertEquals(java.util.Set.of("noopener", "noreferrer", "nofollow"), java.util.Set.of(rel.group(1).split(" ")), html);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))", "<a href=\"javascript:alert(1)\">x</a>", "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "<svg onload=alert(1)>", "<iframe src=https://evil.test></iframe>", "![i](javascript:alert(1))",
        "<div style=\"background:url(javascript:alert(1))\">x</div>"})
    void noScriptCanBeInjected(String attack) {
        String html = BannerText.toSafeHtml(attack).toLowerCase(Locale.ROOT);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<iframe"), html);
        assertFalse(html.contains("<svg"), html);
        assertFalse(html.contains("href=\"javascript"), html);
        assertFalse(html.contains("href=\"data:"), html);
        assertFalse(html.contains(" onerror="), html);
        assertFalse(html.contains(" onload="), html);
        assertFalse(html.contains("style="), html);
    }

    @Test
    void rawHtmlIsShownAsText() {
        assertEquals("<p>&lt;b&gt;hi&lt;/b&gt;</p>", BannerText.toSafeHtml("<b>hi</b>").strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,x", "vbscript:x", "ftp://acme.test/x",
        "/relative/path", "acme.test", "https://", "http:// acme.test", "mailto:a@b.test", "{partner_name}",
        "java\tscript:alert(1)"})
    void ctaUrlsOtherThanHttpAreRefused(String url) {
        assertFalse(BannerText.isAcceptableCtaUrl(url), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://acme.test/sale", "http://acme.test", "HTTPS://acme.test/x?p={partner_name}",
        "{offer_tracking_link}", "{offer_tracking_link}&src=banner"})
    void httpAndHttpsCtaUrlsAreAccepted(String url) {
        assertTrue(BannerText.isAcceptableCtaUrl(url), url);
    }
}
