package dev.parley.messaging.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/**
 * A file offered with a message (upload or e-mail part), not yet checked.
 *
 * @param name the name the sender gave it (untrusted)
 * @param content opens the bytes; may be called more than once
 */
public record IncomingFile(String name, Content content) {

    /** Opens the file's bytes. */
    @FunctionalInterface
    public interface Content extends Serializable {
        InputStream open() throws IOException;
    }

    /** @return a file held in memory (e-mail parts, tests) */
    public static IncomingFile of(String name, byte[] bytes) {
        return new IncomingFile(name, () -> new java.io.ByteArrayInputStream(bytes));
    }
}
