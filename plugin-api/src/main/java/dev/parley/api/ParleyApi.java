package dev.parley.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of the extension API. A host sets it as PF4J's system version, so a plugin whose
 * {@code Plugin-Requires} does not accept it (for example {@code >=2.0.0}) is refused with a reason.
 *
 * @since 1.0
 */
public final class ParleyApi {

    /** The API version this artifact implements, e.g. {@code 1.0.0}. */
    public static final String VERSION = readVersion();

    private ParleyApi() {
    }

    private static String readVersion() {
        try (InputStream in = ParleyApi.class.getResourceAsStream("parley-api.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "1.0.0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
