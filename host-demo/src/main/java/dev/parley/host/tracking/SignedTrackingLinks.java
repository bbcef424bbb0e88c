package dev.parley.host.tracking;

import dev.parley.api.partner.PartnerDirectory;
import dev.parley.api.tracking.TrackingLinks;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tracking links of the form {@code <base>/t/<offer>/<partner>/<signature>}: unique per partner and
 * offer, stable, and not guessable for another partner because of the HMAC signature.
 */
public final class SignedTrackingLinks implements TrackingLinks {

    private final PartnerDirectory directory;
    private final String baseUrl;
    private final byte[] secret;

    public SignedTrackingLinks(PartnerDirectory directory, String baseUrl, byte[] secret) {
        this.directory = directory;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.secret = secret.clone();
    }

    @Override
    public String linkFor(long programId, long offerId, long partnerId) {
        if (directory.offers(programId).stream().noneMatch(o -> o.id() == offerId)) {
            throw new IllegalArgumentException("Offer " + offerId + " is not in program " + programId);
        }
        if (directory.partner(programId, partnerId).isEmpty()) {
            throw new IllegalArgumentException("Partner " + partnerId + " is not in program " + programId);
        }
        return baseUrl + "/t/" + offerId + "/" + partnerId + "/" + sign(offerId + ":" + partnerId);
    }

    /** @return whether the signature is the one this host gives that offer and partner */
    public boolean isValid(long offerId, long partnerId, String signature) {
        String expected = sign(offerId + ":" + partnerId);
        return signature != null && java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
