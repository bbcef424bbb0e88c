package dev.parley.messaging.audience;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Stores audiences and rule sets in text columns: Java serialization of the API's records, limited
 * on reading to the classes an audience is made of (no arbitrary classes from the database).
 */
public final class Codec {

    private Codec() {
    }

    public static String encode(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    public static <T> T decode(String text, Class<T> type) {
        try (ObjectInputStream in = new Restricted(new ByteArrayInputStream(Base64.getDecoder().decode(text)))) {
            return type.cast(in.readObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Restricted extends ObjectInputStream {
        Restricted(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            String n = desc.getName();
            boolean ok = n.startsWith("dev.parley.api.partner.") || n.startsWith("dev.parley.messaging.audience.")
                    || n.startsWith("java.util.") || n.startsWith("java.lang.") || n.startsWith("java.math.")
                    || n.startsWith("java.time.") || n.startsWith("[");
            if (!ok) {
                throw new InvalidClassException(n, "not allowed in a stored audience");
            }
            try {
                return Class.forName(n, false, Codec.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
