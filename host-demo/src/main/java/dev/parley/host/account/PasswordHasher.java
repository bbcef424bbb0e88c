package dev.parley.host.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt password hashes (cost 10; the demo generator uses a lower cost only for bulk data). */
public final class PasswordHasher {

    private static final int COST = 10;
    /** bcrypt reads at most 72 bytes; longer passwords are refused instead of silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private PasswordHasher() {
    }

    public static String hash(String password) {
        return hash(password, COST);
    }

    public static String hash(String password, int cost) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("Passwords are limited to " + MAX_PASSWORD_BYTES + " bytes");
        }
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public static boolean matches(String password, String hash) {
        if (password == null || hash == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return false;
        }
        try {
            return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
        } catch (IllegalArgumentException notAHash) {
            // e.g. "!" for an invited member who has not set a password yet
            return false;
        }
    }
}
