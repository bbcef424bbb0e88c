package dev.parley.messaging.conversation;

/** How a message arrived or was sent. */
public enum Channel {
    /** Written in the inbox or the partner portal. */
    APP,
    /** A partner's e-mail reply. */
    EMAIL,
    /** A text message. */
    SMS
}
