package dev.parley.messaging.channel.sms;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The inbound SMS webhook's signature: hex HMAC-SHA256, keyed with the shared secret, of
 * {@code timestamp \n from \n id \n text}, sent as header {@code X-Parley-Signature}. The timestamp
 * (epoch seconds) must be within five minutes of the host's clock, so a captured request cannot be
 * replayed later.
 */
public final class SmsSignature {

    /** Largest accepted difference between the request's timestamp and now. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private SmsSignature() {
    }

    public static String sign(String secret, long timestamp, String from, String id, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal((timestamp + "\n" + from + "\n" + id + "\n" + text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sig);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return whether the signature is right and the timestamp fresh (constant-time comparison) */
    public static boolean verify(String secret, long timestamp, String from, String id, String text, String signature,
            Instant now) {
        if (signature == null || Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(MAX_SKEW) > 0) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, from, id, text).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }
}
