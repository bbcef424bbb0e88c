package dev.parley.api.macro;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The personalisation macros shared by messages and banners, e.g. {@code {partner_name}}. Text in
 * braces that is not a macro name (letters and underscores) is left alone, so "{ }" in prose is safe.
 *
 * @since 1.0
 */
public final class Macros {

    public static final String PARTNER_NAME = "partner_name";
    public static final String PARTNER_FIRST_NAME = "partner_first_name";
    public static final String PARTNER_EMAIL = "partner_email";
    public static final String MANAGER_NAME = "manager_name";
    public static final String PROGRAM_NAME = "program_name";
    public static final String OFFER_NAME = "offer_name";
    public static final String OFFER_TRACKING_LINK = "offer_tracking_link";

    /** Every supported macro, in the order shown to users. */
    public static final List<String> ALL = List.of(PARTNER_NAME, PARTNER_FIRST_NAME, PARTNER_EMAIL, MANAGER_NAME,
            PROGRAM_NAME, OFFER_NAME, OFFER_TRACKING_LINK);

    private static final Pattern MACRO = Pattern.compile("\\{([a-z_]{1,40})\\}");

    private Macros() {
    }

    /** @return macro names used in the text that are not supported, in order of appearance */
    public static Set<String> unknown(String text) {
        Set<String> result = new LinkedHashSet<>();
        for (String name : used(text)) {
            if (!ALL.contains(name)) {
                result.add(name);
            }
        }
        return result;
    }

    /** @return macro names used in the text, in order of appearance, without duplicates */
    public static List<String> used(String text) {
        List<String> result = new ArrayList<>();
        if (text == null) {
            return result;
        }
        Matcher m = MACRO.matcher(text);
        while (m.find()) {
            if (!result.contains(m.group(1))) {
                result.add(m.group(1));
            }
        }
        return result;
    }

    /**
     * Replaces macros with values. A macro without a value (absent or blank) is replaced by its
     * fallback when one is given, otherwise left as written so a preview shows what is missing.
     *
     * @param text text with macros
     * @param values macro name to value
     * @param fallbacks macro name to fallback value
     * @return the personalised text; values are inserted as they are (escape when rendering)
     */
    public static String render(String text, Map<String, String> values, Map<String, String> fallbacks) {
        if (text == null) {
            return null;
        }
        Matcher m = MACRO.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 32);
        while (m.find()) {
            String name = m.group(1);
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                value = fallbacks.get(name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isBlank() ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** @return macros used in the text for which neither a value nor a fallback exists */
    public static Set<String> missing(String text, Map<String, String> values, Map<String, String> fallbacks) {
        Set<String> result = new LinkedHashSet<>();
        for (String name : used(text)) {
            if (ALL.contains(name) && isBlank(values.get(name)) && isBlank(fallbacks.get(name))) {
                result.add(name);
            }
        }
        return result;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
