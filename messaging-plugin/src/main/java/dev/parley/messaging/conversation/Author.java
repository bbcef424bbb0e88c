package dev.parley.messaging.conversation;

/** Who writes a message. */
record Author(AuthorKind kind, long id, String name) {
}
