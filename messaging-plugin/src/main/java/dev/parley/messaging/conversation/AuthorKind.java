package dev.parley.messaging.conversation;

/** Which side wrote a message. */
public enum AuthorKind {
    /** A member of the brand's team. */
    BRAND,
    /** A partner member. */
    PARTNER
}
