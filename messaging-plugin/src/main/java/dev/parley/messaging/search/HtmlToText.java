package dev.parley.messaging.search;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a message body written in HTML (e-mail) or Markdown (the editor, help-center text) into plain
 * text for indexing and snippets: markup goes, words, link texts and image descriptions stay.
 */
public final class HtmlToText {

    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style|head)\\b.*?</\\1\\s*>");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "(?i)</?(p|div|br|li|ul|ol|tr|td|th|table|h[1-6]|blockquote|pre|section|article|details|summary|figure|hr)\\b[^>]*>");
    private static final Pattern IMG_ALT = Pattern.compile("(?i)<img\\b[^>]*?\\balt\\s*=\\s*\"([^\"]*)\"[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)</?[A-Za-z][^<>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});");
    private static final Pattern LIQUID = Pattern.compile("(?s)\\{%.*?%\\}");
    private static final Pattern MD_IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern MD_FENCE = Pattern.compile("(?m)^\\s*(```|~~~).*$");
    private static final Pattern MD_HEADING = Pattern.compile("(?m)^\\s{0,3}#{1,6}\\s+");
    private static final Pattern MD_QUOTE = Pattern.compile("(?m)^\\s*>\\s?");
    private static final Pattern MD_BULLET = Pattern.compile("(?m)^\\s*(?:[*+-]|\\d{1,3}[.)])\\s+");
    private static final Pattern MD_EMPHASIS = Pattern.compile("(\\*{1,3}|_{2,3}|~~)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern MD_CODE = Pattern.compile("`+([^`]*)`+");
    private static final Pattern MD_ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|>~])");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\u00A0]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\s*\\n\\s*");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ", "hellip", "…", "mdash", "—", "ndash", "–", "rarr", "→");

    private HtmlToText() {
    }

    /** @return the plain text; never {@code null} */
    public static String toText(String markup) {
        if (markup == null || markup.isEmpty()) {
            return "";
        }
        String s = markup.indexOf('\r') >= 0 ? markup.replace("\r\n", "\n").replace('\r', '\n') : markup;
        if (s.indexOf('<') >= 0) {
            s = COMMENT.matcher(s).replaceAll(" ");
            s = SCRIPT.matcher(s).replaceAll(" ");
            s = IMG_ALT.matcher(s).replaceAll(" $1 ");
            s = BLOCK_TAG.matcher(s).replaceAll("\n");
            s = TAG.matcher(s).replaceAll("");
        }
        if (s.indexOf('{') >= 0) {
            s = LIQUID.matcher(s).replaceAll(" ");
        }
        if (s.indexOf('`') >= 0 || s.indexOf('~') >= 0) {
            s = MD_FENCE.matcher(s).replaceAll("");
        }
        if (s.indexOf('[') >= 0) {
            s = MD_IMAGE.matcher(s).replaceAll("$1");
            s = MD_LINK.matcher(s).replaceAll("$1");
        }
        if (s.indexOf('#') >= 0) {
            s = MD_HEADING.matcher(s).replaceAll("");
        }
        if (s.indexOf('>') >= 0) {
            s = MD_QUOTE.matcher(s).replaceAll("");
        }
        s = MD_BULLET.matcher(s).replaceAll("");
        if (s.indexOf('*') >= 0 || s.indexOf('_') >= 0 || s.indexOf('~') >= 0) {
            for (int i = 0; i < 3; i++) {
                String before = s;
                s = MD_EMPHASIS.matcher(s).replaceAll("$2");
                if (s.equals(before)) {
                    break;
                }
            }
        }
        if (s.indexOf('`') >= 0) {
            s = MD_CODE.matcher(s).replaceAll("$1");
        }
        if (s.indexOf('\\') >= 0) {
            s = MD_ESCAPE.matcher(s).replaceAll("$1");
        }
        if (s.indexOf('&') >= 0) {
            s = decodeEntities(s);
        }
        s = SPACES.matcher(s).replaceAll(" ");
        s = BLANK_LINES.matcher(s).replaceAll("\n");
        return s.strip();
    }

    private static String decodeEntities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String e = m.group(1);
            String replacement;
            if (e.charAt(0) == '#') {
                int cp;
                try {
                    cp = e.length() > 1 && (e.charAt(1) == 'x' || e.charAt(1) == 'X')
                            ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
                } catch (NumberFormatException ex) {
                    cp = -1;
                }
                replacement = Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : m.group();
            } else {
                replacement = NAMED.getOrDefault(e.toLowerCase(Locale.ROOT), m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
