package dev.parley.api.upload;

import java.util.Optional;

/**
 * The one rule every upload in Parley applies to the file name a sender gave: a name is a plain
 * file name, or the file is refused (never silently shortened). Browsers normally send only the base
 * name; a name with a folder path comes from old browsers or crafted requests and is refused, as are
 * names with control characters and names that are empty after trimming. Shared by the host and all
 * plugins so every upload field answers the same.
 *
 * @since 1.0
 */
public final class UploadName {

    /**
     * Why a name is refused.
     *
     * @since 1.0
     */
    public enum Problem {
        /** Empty or only spaces (after trimming). */
        MISSING,
        /** Holds {@code /} or {@code \}, or is {@code .} or {@code ..}: a path, not a name. */
        PATH,
        /** Holds NUL or another control character. */
        CONTROL
    }

    /** Longest name shown back to the user; longer names are cut in the middle. */
    private static final int SHOWN_MAX = 120;

    private UploadName() {
    }

    /** @return why the name is refused, or empty when it is a plain file name */
    public static Optional<Problem> problem(String name) {
        if (name == null || name.strip().isEmpty()) {
            return Optional.of(Problem.MISSING);
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.getType(name.charAt(i)) == Character.CONTROL) {
                return Optional.of(Problem.CONTROL);
            }
        }
        String n = name.strip();
        if (n.indexOf('/') >= 0 || n.indexOf('\\') >= 0 || n.equals(".") || n.equals("..")) {
            return Optional.of(Problem.PATH);
        }
        return Optional.empty();
    }

    /**
     * A refused (or any) name made safe to quote in a message: control and text-direction characters
     * (which would show "invoice\u202Efdp.exe" as "invoiceexe.pdf") become {@code ?}, and a long name
     * is shortened in the middle. Pages still escape it as HTML.
     */
    public static String shown(String name) {
        if (name == null) {
            return "";
        }
        String n = name.replaceAll("[\\p{Cntrl}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]", "?").strip();
        if (n.length() > SHOWN_MAX) {
            n = n.substring(0, SHOWN_MAX / 2 - 1) + "…" + n.substring(n.length() - SHOWN_MAX / 2);
        }
        return n;
    }
}
