package dev.parley.messaging.settings;

import java.io.Serializable;

/**
 * A program's messaging rules.
 *
 * @param partnersMayStart whether partners may open new conversations from the portal
 * @param maxLength longest accepted message, in characters
 * @param sendsPerHour most messages one user may send in an hour
 */
public record ProgramSettings(boolean partnersMayStart, int maxLength, int sendsPerHour) implements Serializable {

    public static final int MAX_LENGTH_LIMIT = 100_000;
    public static final int SENDS_LIMIT = 10_000;

    /** The rules until an admin changes them. */
    public static final ProgramSettings DEFAULTS = new ProgramSettings(true, 5_000, 60);
}
