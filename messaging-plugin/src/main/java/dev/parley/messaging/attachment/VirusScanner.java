package dev.parley.messaging.attachment;

import java.io.IOException;
import java.io.InputStream;

/** Scans a file for malware before it is stored or delivered. */
public interface VirusScanner {

    /**
     * @return the name of the threat found, or {@code null} when the content is clean
     * @throws ScannerUnavailableException when no verdict could be had (not configured, unreachable,
     *         refused the stream): the caller must then refuse the file
     */
    String scan(InputStream content) throws IOException;

    /** Thrown when a scanner gives no verdict. */
    final class ScannerUnavailableException extends IOException {

        private static final long serialVersionUID = 1L;

        public ScannerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The scanner when none is configured: every file is refused. */
    VirusScanner NONE = content -> {
        throw new ScannerUnavailableException("No virus scanner is configured (messaging.clamd.host)", null);
    };
}
