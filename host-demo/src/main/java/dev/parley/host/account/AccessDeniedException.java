package dev.parley.host.account;

/** The acting user may not do this; shown to the user as a plain message, never as a stack trace. */
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
