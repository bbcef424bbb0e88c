package dev.parley.messaging.conversation;

import java.io.Serializable;
import java.time.Instant;

/**
 * A thread between a program's team and one partner: the whole team ({@code memberId == null}) or
 * one member.
 *
 * @param brandUnread unread for the whole brand team (shared read state)
 * @param partnerUnread unread for the partner side
 * @param startedBy the side that opened it
 * @param replyToken unguessable token in the reply address of its e-mail notifications
 */
public record Conversation(long id, long programId, long partnerId, Long memberId, String partnerName,
        String memberName, String subject, ConversationStatus status, boolean priority, Long assigneeId,
        boolean brandUnread, boolean partnerUnread, AuthorKind startedBy, String replyToken, Instant lastMessageAt,
        String lastPreview, int messageCount, Instant createdAt) implements Serializable {

    /** @return the partner, or "partner · member" for a member conversation */
    public String counterpart() {
        return memberName == null ? partnerName : partnerName + " · " + memberName;
    }
}
