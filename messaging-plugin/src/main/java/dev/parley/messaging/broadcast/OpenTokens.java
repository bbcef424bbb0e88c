package dev.parley.messaging.broadcast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed tokens of e-mail open pixels: the copy's ids plus an HMAC-SHA256, so the URL holds no
 * secret and cannot be forged or altered. The key comes from the setting
 * {@code messaging.tracking.secret}, else from a random key kept in the plugin's data directory.
 */
public final class OpenTokens {

    /** The e-mail copy a token names. */
    public record Ids(long bulkId, long partnerId, long memberId) {
    }

    private final byte[] key;

    public OpenTokens(byte[] key) {
        this.key = key.clone();
    }

    public static OpenTokens fromSettingOrFile(Optional<String> secret, Path dir) {
        if (secret.isPresent() && !secret.get().isBlank()) {
            return new OpenTokens(secret.get().getBytes(StandardCharsets.UTF_8));
        }
        try {
            Path file = dir.resolve("open-tracking.key");
            if (!Files.exists(file)) {
                byte[] k = new byte[32];
                new SecureRandom().nextBytes(k);
                Files.createDirectories(dir);
                Files.write(file, k);
            }
            return new OpenTokens(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String token(long bulkId, long partnerId, long memberId) {
        String payload = bulkId + "." + partnerId + "." + memberId;
        return b64(payload.getBytes(StandardCharsets.US_ASCII)) + "." + b64(mac(payload));
    }

    /** @return the ids when the token is well-formed and its signature is right */
    public Optional<Ids> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.US_ASCII);
            byte[] sig = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(sig, mac(payload))) {
                return Optional.empty();
            }
            String[] p = payload.split("\\.");
            return Optional.of(new Ids(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2])));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
