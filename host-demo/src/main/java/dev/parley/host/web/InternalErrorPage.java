package dev.parley.host.web;

/** Shown for unexpected errors (also while the database is unreachable): a message, never a stack trace. */
public class InternalErrorPage extends HttpErrorPage {

    private static final long serialVersionUID = 1L;

    public InternalErrorPage() {
        super(500);
    }
}
