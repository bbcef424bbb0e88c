package dev.parley.messaging.conversation;

import dev.parley.messaging.attachment.Attachment;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Conversations, messages, attachments and SMS routes. SQL in ConversationMapper.xml. */
public interface ConversationMapper {

    void insertConversation(ConversationInsert c);

    Conversation conversation(@Param("id") long id);

    List<Conversation> conversationsByIds(@Param("ids") Collection<Long> ids);

    Conversation conversationByToken(@Param("token") String token);

    List<Conversation> conversationsOfPartner(@Param("programId") long programId, @Param("partnerId") long partnerId);

    /** After a new message: sort key, preview, count, read state and status. */
    void updateAfterMessage(@Param("id") long id, @Param("at") Instant at, @Param("preview") String preview,
            @Param("brandUnread") boolean brandUnread, @Param("partnerUnread") boolean partnerUnread,
            @Param("status") ConversationStatus status);

    /**
     * Takes the conversation row's write lock first: a message insert would otherwise take a shared
     * lock on it (foreign key) and then need the write lock, which deadlocks against anyone opening
     * or answering the same conversation at the same moment.
     */
    Long lockConversation(@Param("id") long id);

    int setBrandUnread(@Param("id") long id, @Param("unread") boolean unread);

    int setPartnerUnread(@Param("id") long id, @Param("unread") boolean unread);

    void setStatus(@Param("id") long id, @Param("status") ConversationStatus status);

    void setPriority(@Param("id") long id, @Param("priority") boolean priority);

    void setAssignee(@Param("id") long id, @Param("assigneeId") Long assigneeId);

    void setNames(@Param("id") long id, @Param("partnerName") String partnerName,
            @Param("memberName") String memberName);

    /** The partner side's conversations: the team's, and the member's own. */
    List<Conversation> partnerPage(@Param("programId") long programId, @Param("partnerId") long partnerId,
            @Param("memberId") long memberId, @Param("afterAt") Instant afterAt, @Param("afterId") long afterId,
            @Param("limit") int limit);

    long partnerUnread(@Param("programId") long programId, @Param("partnerId") long partnerId,
            @Param("memberId") long memberId);

    void insertMessage(MessageInsert m);

    /** Newest first, older than {@code beforeId} (0 = from the newest). */
    List<MessageRow> messages(@Param("conversationId") long conversationId, @Param("beforeId") long beforeId,
            @Param("limit") int limit);

    Long messageByExternalId(@Param("programId") long programId, @Param("channel") Channel channel,
            @Param("externalId") String externalId);

    long countSentSince(@Param("authorKind") AuthorKind kind, @Param("authorId") long authorId,
            @Param("since") Instant since);

    void insertAttachment(@Param("messageId") long messageId, @Param("conversationId") long conversationId,
            @Param("fileName") String fileName, @Param("contentType") String contentType,
            @Param("size") long size, @Param("sha256") String sha256, @Param("at") Instant at);

    List<Attachment> attachmentsOfMessages(@Param("messageIds") Collection<Long> messageIds);

    Attachment attachment(@Param("id") long id);

    void saveSmsRoute(@Param("phone") String phone, @Param("conversationId") long conversationId,
            @Param("memberId") long memberId, @Param("at") Instant at);

    SmsRoute smsRoute(@Param("phone") String phone);

    /** Holder for a new conversation's generated id. */
    class ConversationInsert {
        public Long id;
        public long programId;
        public long partnerId;
        public Long memberId;
        public String partnerName;
        public String memberName;
        public String subject;
        public Long assigneeId;
        public boolean brandUnread;
        public boolean partnerUnread;
        public AuthorKind startedBy;
        public String replyToken;
        public Instant at;
    }

    /** Holder for a new message's generated id. */
    class MessageInsert {
        public Long id;
        public long conversationId;
        public long programId;
        public AuthorKind authorKind;
        public long authorId;
        public String authorName;
        public Channel channel;
        public String body;
        public String externalId;
        public Instant at;
    }

    /** A message row without its attachments. */
    record MessageRow(long id, long conversationId, AuthorKind authorKind, long authorId, String authorName,
            Channel channel, String body, String externalId, Instant createdAt) {

        Message toMessage(List<Attachment> attachments) {
            return new Message(id, conversationId, authorKind, authorId, authorName, channel, body, externalId,
                    createdAt, attachments);
        }
    }

    /** Where replies from a phone number go. */
    record SmsRoute(String phone, long conversationId, long memberId, Instant sentAt) {
    }
}
