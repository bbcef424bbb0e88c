package dev.parley.host.account;

/**
 * One row of a brand user's access: the account's columns with one of its roles and one of that
 * role's permissions ({@code null} where the user has no role or the role no permission).
 */
public record BrandAccessRow(long id, Long programId, String email, String name, boolean platformAdmin,
        String timeZone, String locale, String roleName, String permission) {
}
