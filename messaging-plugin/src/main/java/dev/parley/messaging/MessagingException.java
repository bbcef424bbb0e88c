package dev.parley.messaging;

import java.util.Map;

/**
 * A request the messaging rules refuse, with a message for the user: {@link #key()} names a text in
 * the plugin's resources ({@code wicket-package.properties}), {@link #params()} fill its
 * {@code ${name}} placeholders. Nothing was stored when this is thrown.
 */
public class MessagingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final Map<String, Object> params;

    public MessagingException(String key) {
        this(key, Map.of());
    }

    public MessagingException(String key, Map<String, Object> params) {
        this(key, params, null);
    }

    public MessagingException(String key, Map<String, Object> params, Throwable cause) {
        super(key + (params.isEmpty() ? "" : " " + params), cause);
        this.key = key;
        this.params = Map.copyOf(params);
    }

    /** @return the resource key of the user-facing text */
    public String key() {
        return key;
    }

    /** @return values for the text's placeholders */
    public Map<String, Object> params() {
        return params;
    }

    /** The conversation does not exist or the actor may not see it: both answer the same. */
    public static MessagingException notFound() {
        return new MessagingException("error.notFound");
    }

    /** The actor lacks the permission, the program's plan lacks messaging, or the actor is of the wrong kind. */
    public static MessagingException denied() {
        return new MessagingException("error.denied");
    }
}
