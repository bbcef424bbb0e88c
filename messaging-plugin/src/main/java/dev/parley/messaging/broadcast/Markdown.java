package dev.parley.messaging.broadcast;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Markdown to safe HTML: CommonMark with raw HTML escaped, then an allow-list sanitizer (formatting,
 * blocks, lists, tables, http(s)/mailto links opened with rel="nofollow noopener"). Never any
 * script, style attribute or event handler, so the output fits the host's Content-Security-Policy.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder().allowElements("a").allowAttributes("href").onElements("a")
                    .allowUrlProtocols("http", "https", "mailto").requireRelsOnLinks("nofollow", "noopener")
                    .allowElements("hr", "pre", "code", "br").toFactory());

    private Markdown() {
    }

    /** @return sanitised HTML for the Markdown text */
    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
    }
}
