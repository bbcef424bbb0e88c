package dev.parley.messaging.inbox;

/** The inbox's tabs; each is a box of the inbox index. */
public enum InboxView {
    /** Open conversations, read and unread. */
    ALL("OPEN"),
    /** Open conversations nobody on the team has read since the partner last wrote. */
    UNREAD(InboxKeys.UNREAD_BOX),
    /** Done (archived). */
    DONE("DONE"),
    SPAM("SPAM");

    private final String box;

    InboxView(String box) {
        this.box = box;
    }

    /** @return the index box holding the view's conversations */
    public String box() {
        return box;
    }
}
