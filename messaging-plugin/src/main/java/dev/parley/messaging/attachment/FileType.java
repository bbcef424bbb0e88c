package dev.parley.messaging.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The file types a message may carry, recognised by their content (magic bytes), never by name or
 * by the type a browser or mail client claims.
 */
public enum FileType {
    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    GIF("image/gif", "gif"),
    CSV("text/csv; charset=UTF-8", "csv");

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF87 = "GIF87a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF89 = "GIF89a".getBytes(StandardCharsets.US_ASCII);

    private final String contentType;
    private final String extension;

    FileType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** @return the type of the file's content, empty when it is none of the allowed types */
    public static Optional<FileType> detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        }
        if (startsWith(head, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(head, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, GIF87) || startsWith(head, GIF89)) {
            return Optional.of(GIF);
        }
        return isCsv(file) ? Optional.of(CSV) : Optional.empty();
    }

    /** Markup that makes a browser or viewer treat a file as a web page, looked for near the start. */
    private static final String[] MARKUP = {"<script", "<html", "<svg", "<iframe", "<body", "<!doctype html", "<object", "<embed"};

    /**
     * A polyglot: a file of an allowed type that is at the same time another kind of file — a ZIP or
     * JAR archive (its end-of-directory record closes the file, as in a "GIFAR"), or a web page (markup
     * in its first kilobyte, for content sniffers that ignore the declared type).
     *
     * @return whether the file carries such second content
     */
    public static boolean isPolyglot(Path file, FileType type) throws IOException {
        long size = Files.size(file);
        int tail = (int) Math.min(size, 22 + 65535);
        byte[] end;
        byte[] head;
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
            ByteBuffer b = ByteBuffer.allocate(tail);
            ch.position(size - tail);
            while (b.hasRemaining() && ch.read(b) > 0) {
                // read the whole tail
            }
            end = b.array();
            ByteBuffer h = ByteBuffer.allocate((int) Math.min(size, 1024));
            ch.position(0);
            while (h.hasRemaining() && ch.read(h) > 0) {
                // read the head
            }
            head = h.array();
        }
        for (int p = end.length - 22; p >= 0; p--) {
            if (end[p] == 'P' && end[p + 1] == 'K' && end[p + 2] == 5 && end[p + 3] == 6) {
                int commentLength = (end[p + 20] & 0xFF) | (end[p + 21] & 0xFF) << 8;
                if (p + 22 + commentLength == end.length) {
                    return true;
                }
            }
        }
        if (type != CSV) {
            String start = new String(head, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
            for (String m : MARKUP) {
                if (start.contains(m)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * CSV has no magic number: accept UTF-8 text without NUL or other control characters (tab, CR
     * and LF aside) that does not start like markup, so HTML, SVG, scripts in disguise and binaries
     * are refused.
     */
    private static boolean isCsv(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] all = Files.readAllBytes(file);
        int start = all.length >= 3 && all[0] == (byte) 0xEF && all[1] == (byte) 0xBB && all[2] == (byte) 0xBF ? 3 : 0;
        if (all.length - start == 0) {
            return false;
        }
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(all, start, all.length - start)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F) {
                return false;
            }
        }
        String lead = text.stripLeading();
        return !lead.startsWith("<") && !lead.startsWith("#!") && !lead.startsWith("{\\rtf");
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
