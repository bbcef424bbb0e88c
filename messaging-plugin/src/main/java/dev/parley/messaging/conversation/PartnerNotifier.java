package dev.parley.messaging.conversation;

/** Tells the partner side about a message the brand team sent, after it is stored. */
public interface PartnerNotifier {

    /**
     * @param alsoSms whether the sender asked for a text message too (member conversations)
     */
    void brandMessageSent(Conversation conversation, Message message, boolean alsoSms);
}
