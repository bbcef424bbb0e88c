package dev.parley.host.account;

/**
 * A login account row: a brand user, or a partner member (then {@code partnerId} is set).
 */
public record AccountRow(long id, Long partnerId, Long programId, String email, String name, String passwordHash,
        boolean platformAdmin, String timeZone, String locale) {
}
