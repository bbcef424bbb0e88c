package dev.parley.messaging.broadcast;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Bulk messages, their recipients, copies and e-mails. The fan-out's batch inserts use plain JDBC (SendJob). */
public interface BroadcastMapper {

    String BULK_COLUMNS = "id, program_id, kind, status, name, subject, body, audience, audience_label, saved_audience_id,"
            + " offer_ids, fallbacks, allow_replies, email_copy, scheduled_at, sender_zone, created_by, created_by_name,"
            + " sent_by, sent_by_name, created_at, updated_at, started_at, finished_at, snapshot_done, snapshot_cursor, snapshot_chunks,"
            + " fanout_cursor, recipients, excluded, delivered, emails_sent, emails_failed, opens, replies, pause_reason";

    /** Values of a new or edited bulk message. */
    final class Content {
        public Long id;
        public long programId;
        public String kind;
        public String status;
        public String name;
        public String subject;
        public String body;
        public String audience;
        public String audienceLabel;
        public Long savedAudienceId;
        public String offerIds;
        public String fallbacks;
        public boolean allowReplies;
        public boolean emailCopy;
        public Instant scheduledAt;
        public String senderZone;
        public long userId;
        public String userName;
        public Instant at;
    }

    @Insert("INSERT INTO msg_bulk (program_id, kind, status, name, subject, body, audience, audience_label, saved_audience_id,"
            + " offer_ids, fallbacks, allow_replies, email_copy, scheduled_at, sender_zone, created_by, created_by_name,"
            + " created_at, updated_at) VALUES (#{programId}, #{kind}, #{status}, #{name}, #{subject}, #{body}, #{audience},"
            + " #{audienceLabel}, #{savedAudienceId}, #{offerIds}, #{fallbacks}, #{allowReplies}, #{emailCopy}, #{scheduledAt},"
            + " #{senderZone}, #{userId}, #{userName}, #{at}, #{at})")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    void insert(Content c);

    /** Edits a message that has not started sending. */
    @Update("UPDATE msg_bulk SET status = #{status}, name = #{name}, subject = #{subject}, body = #{body}, audience = #{audience},"
            + " audience_label = #{audienceLabel}, saved_audience_id = #{savedAudienceId}, offer_ids = #{offerIds},"
            + " fallbacks = #{fallbacks}, allow_replies = #{allowReplies}, email_copy = #{emailCopy},"
            + " scheduled_at = #{scheduledAt}, sender_zone = #{senderZone}, updated_at = #{at}"
            + " WHERE id = #{id} AND program_id = #{programId} AND status IN ('DRAFT', 'SCHEDULED')")
    int update(Content c);

    @Select("SELECT " + BULK_COLUMNS + " FROM msg_bulk WHERE id = #{id}")
    Bulk byId(@Param("id") long id);

    @Select("SELECT " + BULK_COLUMNS + " FROM msg_bulk WHERE id = #{id} AND program_id = #{programId}")
    Bulk find(@Param("programId") long programId, @Param("id") long id);

    @Select({"<script>SELECT " + BULK_COLUMNS + " FROM msg_bulk WHERE program_id = #{programId} AND kind = #{kind}",
            " AND status IN <foreach collection='statuses' item='s' open='(' close=')' separator=','>#{s}</foreach>",
            " ORDER BY updated_at DESC, id DESC LIMIT #{limit} OFFSET #{offset}</script>"})
    List<Bulk> list(@Param("programId") long programId, @Param("kind") String kind,
            @Param("statuses") List<String> statuses, @Param("limit") int limit, @Param("offset") int offset);

    @Update("UPDATE msg_bulk SET status = 'SENDING', started_at = COALESCE(started_at, #{at}), updated_at = #{at},"
            + " sent_by = COALESCE(sent_by, created_by), sent_by_name = COALESCE(sent_by_name, created_by_name)"
            + " WHERE id = #{id} AND status = 'SCHEDULED'")
    int start(@Param("id") long id, @Param("at") Instant at);

    @Update("UPDATE msg_bulk SET sent_by = #{userId}, sent_by_name = #{userName} WHERE id = #{id}")
    void setSender(@Param("id") long id, @Param("userId") long userId, @Param("userName") String userName);

    @Update("UPDATE msg_bulk SET status = 'PAUSED', pause_reason = #{reason}, updated_at = #{at} WHERE id = #{id} AND status = 'SENDING'")
    int pause(@Param("id") long id, @Param("reason") String reason, @Param("at") Instant at);

    @Update("UPDATE msg_bulk SET status = 'SENDING', pause_reason = NULL, updated_at = #{at} WHERE id = #{id} AND status = 'PAUSED'")
    int resume(@Param("id") long id, @Param("at") Instant at);

    @Update("UPDATE msg_bulk SET status = 'SENT', finished_at = #{at}, updated_at = #{at} WHERE id = #{id} AND status = 'SENDING'")
    int finish(@Param("id") long id, @Param("at") Instant at);

    @Update("UPDATE msg_bulk SET status = 'DRAFT', scheduled_at = NULL, updated_at = #{at} WHERE id = #{id} AND status = 'SCHEDULED'")
    int unschedule(@Param("id") long id, @Param("at") Instant at);

    @Update("UPDATE msg_bulk SET scheduled_at = #{scheduledAt}, updated_at = #{at} WHERE id = #{id} AND status = 'SCHEDULED'")
    int reschedule(@Param("id") long id, @Param("scheduledAt") Instant scheduledAt, @Param("at") Instant at);

    @Delete("DELETE FROM msg_bulk WHERE id = #{id} AND program_id = #{programId} AND (kind = 'TEMPLATE' OR status = 'DRAFT')")
    int delete(@Param("programId") long programId, @Param("id") long id);

    @Update("UPDATE msg_bulk SET snapshot_done = TRUE WHERE id = #{id}")
    void snapshotDone(@Param("id") long id);

    @Update("UPDATE msg_bulk SET emails_sent = emails_sent + #{sent}, emails_failed = emails_failed + #{failed} WHERE id = #{id}")
    void emailCounts(@Param("id") long id, @Param("sent") int sent, @Param("failed") int failed);

    // ---- recipients (snapshot) ---------------------------------------------------------------

    /** One line of the delivery log. */
    record LogRow(long partnerId, String partnerName, String excludedReason, Instant deliveredAt, Instant openedAt,
            String openedVia, Long replyConversationId, Instant repliedAt, int emails, int emailsSent, int emailsFailed,
            String emailError) implements java.io.Serializable {
    }

    /** Delivered copies and left-out partners of the snapshot, by partner id (keyset), name search, replies only. */
    @Select({"<script>SELECT x.*,",
            " (SELECT COUNT(*) FROM msg_bulk_email e WHERE e.bulk_id = #{bulkId} AND e.partner_id = x.partner_id) AS emails,",
            " (SELECT COUNT(*) FROM msg_bulk_email e WHERE e.bulk_id = #{bulkId} AND e.partner_id = x.partner_id AND e.status = 'SENT') AS emails_sent,",
            " (SELECT COUNT(*) FROM msg_bulk_email e WHERE e.bulk_id = #{bulkId} AND e.partner_id = x.partner_id AND e.status = 'FAILED') AS emails_failed,",
            " (SELECT MAX(e.last_error) FROM msg_bulk_email e WHERE e.bulk_id = #{bulkId} AND e.partner_id = x.partner_id) AS email_error",
            " FROM (",
            "  (SELECT d.partner_id, d.partner_name, NULL AS excluded_reason, d.delivered_at, d.opened_at, d.opened_via,",
            "    d.reply_conversation_id, d.replied_at FROM msg_bulk_delivery d",
            "    WHERE d.bulk_id = #{bulkId} AND d.member_id = 0 AND d.partner_id &gt; #{after}",
            "    <if test='text != null'> AND d.partner_name LIKE CONCAT('%', #{text}, '%')</if>",
            "    <if test='repliedOnly'> AND d.replied = TRUE</if>",
            "    ORDER BY d.partner_id LIMIT #{limit})",
            "  <if test='!repliedOnly'> UNION ALL",
            "  (SELECT r.partner_id, r.partner_name, r.excluded_reason, NULL, NULL, NULL, NULL, NULL FROM msg_bulk_recipient r",
            "    WHERE r.bulk_id = #{bulkId} AND r.partner_id &gt; #{after}",
            "    <if test='text != null'> AND r.partner_name LIKE CONCAT('%', #{text}, '%')</if>",
            "    ORDER BY r.partner_id LIMIT #{limit})</if>",
            " ) x ORDER BY x.partner_id LIMIT #{limit}</script>"})
    List<LogRow> log(@Param("bulkId") long bulkId, @Param("after") long after, @Param("text") String text,
            @Param("repliedOnly") boolean repliedOnly, @Param("limit") int limit);

    @Select("SELECT DATE_FORMAT(opened_at, '%Y-%m-%d %H:00:00') AS hour, COUNT(*) AS opens FROM msg_bulk_delivery"
            + " WHERE bulk_id = #{bulkId} AND opened_at IS NOT NULL GROUP BY 1 ORDER BY 1")
    List<OpenBucketText> opens(@Param("bulkId") long bulkId);

    /** Opens per hour as MariaDB formats the hour. */
    record OpenBucketText(String hour, long opens) implements java.io.Serializable {
    }

    // ---- copies: portal, opens and replies ----------------------------------------------------

    /** A partner's in-app copy with what the portal needs of its message. */
    record CopyRow(long bulkId, String subject, String body, Instant deliveredAt, Instant openedAt,
            Long replyConversationId, boolean allowReplies, String fallbacks, String senderName) implements java.io.Serializable {
    }

    String COPY_SELECT = "SELECT d.bulk_id, d.subject, d.body, d.delivered_at, d.opened_at, d.reply_conversation_id,"
            + " b.allow_replies, b.fallbacks, b.sent_by_name AS sender_name FROM msg_bulk_delivery d JOIN msg_bulk b ON b.id = d.bulk_id";

    @Select(COPY_SELECT + " WHERE d.program_id = #{programId} AND d.partner_id = #{partnerId} AND d.member_id = 0"
            + " ORDER BY d.delivered_at DESC, d.bulk_id DESC LIMIT #{limit} OFFSET #{offset}")
    List<CopyRow> copies(@Param("programId") long programId, @Param("partnerId") long partnerId,
            @Param("limit") int limit, @Param("offset") int offset);

    @Select(COPY_SELECT + " WHERE d.program_id = #{programId} AND d.partner_id = #{partnerId} AND d.member_id = 0"
            + " AND d.bulk_id = #{bulkId}")
    CopyRow copy(@Param("programId") long programId, @Param("partnerId") long partnerId, @Param("bulkId") long bulkId);

    @Select("SELECT COUNT(*) FROM msg_bulk_delivery WHERE program_id = #{programId} AND partner_id = #{partnerId}"
            + " AND member_id = 0 AND opened_at IS NULL")
    long unopened(@Param("programId") long programId, @Param("partnerId") long partnerId);

    @Update("UPDATE msg_bulk_delivery SET opened_at = #{at}, opened_via = #{via} WHERE bulk_id = #{bulkId}"
            + " AND partner_id = #{partnerId} AND member_id = 0 AND opened_at IS NULL")
    int markOpened(@Param("bulkId") long bulkId, @Param("partnerId") long partnerId, @Param("via") String via,
            @Param("at") Instant at);

    @Update("UPDATE msg_bulk SET opens = opens + 1 WHERE id = #{id}")
    void countOpen(@Param("id") long id);

    @Update("UPDATE msg_bulk_email SET opened_at = #{at} WHERE bulk_id = #{bulkId} AND partner_id = #{partnerId}"
            + " AND member_id = #{memberId} AND opened_at IS NULL")
    int markEmailOpened(@Param("bulkId") long bulkId, @Param("partnerId") long partnerId,
            @Param("memberId") long memberId, @Param("at") Instant at);

    @Update("UPDATE msg_bulk_delivery SET reply_conversation_id = #{conversationId}, replied_at = #{at}"
            + " WHERE bulk_id = #{bulkId} AND partner_id = #{partnerId} AND member_id = 0 AND reply_conversation_id IS NULL")
    int linkReply(@Param("bulkId") long bulkId, @Param("partnerId") long partnerId,
            @Param("conversationId") long conversationId, @Param("at") Instant at);

    @Select("SELECT b.id AS bulk_id, b.subject FROM msg_bulk_delivery d JOIN msg_bulk b ON b.id = d.bulk_id"
            + " WHERE d.program_id = #{programId} AND d.reply_conversation_id = #{conversationId} LIMIT 1")
    BroadcastService.ReplyOrigin replyOrigin(@Param("programId") long programId, @Param("conversationId") long conversationId);

    @Update("UPDATE msg_bulk SET replies = replies + 1 WHERE id = #{id}")
    void countReply(@Param("id") long id);

    // ---- e-mail copies --------------------------------------------------------------------------

    /** An e-mail copy due for an attempt, with the partner's personalised copy. */
    record EmailRow(long partnerId, long memberId, String email, String firstName, String status, int attempts,
            String subject, String body) implements java.io.Serializable {
    }

    @Select("SELECT e.partner_id, e.member_id, e.email, e.first_name, e.status, e.attempts, d.subject, d.body"
            + " FROM msg_bulk_email e JOIN msg_bulk_delivery d ON d.bulk_id = e.bulk_id AND d.partner_id = e.partner_id AND d.member_id = 0"
            + " WHERE e.bulk_id = #{bulkId} AND e.status IN ('PENDING', 'SENDING') AND e.next_attempt_at <= #{now}"
            + " ORDER BY e.next_attempt_at, e.partner_id, e.member_id LIMIT #{limit}")
    List<EmailRow> dueEmails(@Param("bulkId") long bulkId, @Param("now") Instant now, @Param("limit") int limit);

    @Select("SELECT MIN(next_attempt_at) FROM msg_bulk_email WHERE bulk_id = #{bulkId} AND status IN ('PENDING', 'SENDING')")
    Instant nextEmailAttempt(@Param("bulkId") long bulkId);

    @Update("UPDATE msg_bulk_email SET status = #{status}, attempts = #{attempts}, next_attempt_at = #{next},"
            + " last_error = #{error}, sent_at = #{sentAt} WHERE bulk_id = #{bulkId} AND partner_id = #{partnerId} AND member_id = #{memberId}")
    void updateEmail(@Param("bulkId") long bulkId, @Param("partnerId") long partnerId, @Param("memberId") long memberId,
            @Param("status") String status, @Param("attempts") int attempts, @Param("next") Instant next,
            @Param("error") String error, @Param("sentAt") Instant sentAt);

    /** An e-mail copy's state, for tests and the log. */
    record EmailState(long partnerId, long memberId, String email, String status, int attempts, String lastError) implements java.io.Serializable {
    }

    @Select("SELECT partner_id, member_id, email, status, attempts, last_error FROM msg_bulk_email WHERE bulk_id = #{bulkId}"
            + " ORDER BY partner_id, member_id")
    List<EmailState> emails(@Param("bulkId") long bulkId);

    /** Messages being sent, and messages due that have not started (their host may have died right after picking them). */
    @Select("SELECT b.id FROM msg_bulk b WHERE b.kind = 'MESSAGE' AND (b.status = 'SENDING'"
            + " OR (b.status = 'SCHEDULED' AND b.scheduled_at <= #{now}))")
    List<Long> interrupted(@Param("now") Instant now);
}
