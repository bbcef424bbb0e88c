package dev.parley.messaging.conversation;

/** Where a conversation sits in the brand's inbox. */
public enum ConversationStatus {
    /** Needs or may need attention: the All and Unread views. */
    OPEN,
    /** Handled (archived); a new partner message opens it again. */
    DONE,
    /** Unwanted; partner messages keep it here. */
    SPAM
}
