package dev.parley.banners.banner;

import dev.parley.api.macro.Macros;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Text rules of banners: light Markdown rendered to sanitised HTML, personalisation with the shared
 * macros, and the call-to-action URL rule (http and https only).
 */
public final class BannerText {

    public static final int MAX_HEADLINE = 75;
    public static final int MAX_BODY = 450;
    public static final int MAX_NAME = 100;
    public static final int MAX_CTA_LABEL = 40;
    public static final int MAX_URL = 1000;

    /** Raw HTML in the source is shown as text; link URLs that are not safe are dropped. */
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    /** What light Markdown may produce: emphasis, paragraphs, lists, line breaks, code and http(s)/mailto links. */
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "ul", "ol", "li", "code", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
            .toFactory();

    private BannerText() {
    }

    /**
     * @param markdown light Markdown, already personalised
     * @return safe HTML
     */
    public static String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node doc = PARSER.parse(markdown);
        return POLICY.sanitize(RENDERER.render(doc));
    }

    /** @return personalised text (values inserted as they are; escape or sanitise when rendering) */
    public static String personalise(String text, Map<String, String> values) {
        return Macros.render(text, values, Map.of());
    }

    /**
     * Personalises a link: macro values are percent-encoded so they stay inside the URL, except the
     * tracking link, which is itself a URL.
     */
    public static String personaliseUrl(String url, Map<String, String> values) {
        Map<String, String> encoded = new java.util.HashMap<>();
        values.forEach((k, v) -> encoded.put(k, Macros.OFFER_TRACKING_LINK.equals(k) || v == null ? v
                : java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")));
        return Macros.render(url, encoded, Map.of());
    }

    /**
     * @param url a call-to-action URL as written by the editor (may be a macro such as
     *        {@code {offer_tracking_link}} or contain macros)
     * @return whether it is acceptable: an absolute http or https URL, or starting with a link macro
     */
    public static boolean isAcceptableCtaUrl(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        String u = url.strip();
        if (u.startsWith("{" + Macros.OFFER_TRACKING_LINK + "}")) {
            return true;
        }
        // Check the URL with sample values in place of macros.
        return isHttpUrl(Macros.render(u, sampleValues(u), Map.of()));
    }

    /** @return whether the text is an absolute http(s) URL with a host and no control characters or spaces */
    public static boolean isHttpUrl(String url) {
        if (url == null) {
            return false;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                return false;
            }
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return scheme != null && Set.of("http", "https").contains(scheme.toLowerCase(Locale.ROOT))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Map<String, String> sampleValues(String text) {
        Map<String, String> values = new java.util.HashMap<>();
        List<String> used = Macros.used(text);
        for (String name : used) {
            values.put(name, "x");
        }
        return values;
    }
}
