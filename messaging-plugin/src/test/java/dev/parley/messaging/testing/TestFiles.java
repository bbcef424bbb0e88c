package dev.parley.messaging.testing;

import dev.parley.api.testing.TestClamd;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Small files of each type, built in memory. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A 1x1 PNG. */
    public static byte[] png() {
        return java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    }

    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] gif() {
        return java.util.Base64.getDecoder().decode("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");
    }

    public static byte[] jpeg() {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0,
            0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9};
    }

    public static byte[] csv() {
        return "partner,clicks\nTrail Blazers,12\n“Summit”,7\n".getBytes(StandardCharsets.UTF_8);
    }

    /** A Windows executable header. */
    public static byte[] exe() {
        byte[] b = new byte[256];
        b[0] = 'M';
        b[1] = 'Z';
        b[60] = (byte) 0x80;
        return b;
    }

    /** A PNG with the EICAR test string appended: a valid image type carrying a "virus". */
    public static byte[] infectedPng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(png());
        out.writeBytes(TestClamd.EICAR.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    public static byte[] ofSize(int bytes) {
        byte[] b = new byte[bytes];
        byte[] head = png();
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }
}
