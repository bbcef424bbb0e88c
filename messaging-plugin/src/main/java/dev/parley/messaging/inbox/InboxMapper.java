package dev.parley.messaging.inbox;

import dev.parley.messaging.conversation.Conversation;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** The inbox index. SQL in InboxMapper.xml. */
public interface InboxMapper {

    void insertKeys(@Param("rows") List<InboxKeys.Row> rows);

    void deleteKeys(@Param("conversationId") long conversationId);

    /** Sets box and sort time of the conversation's rows outside the unread box. */
    void updateKeyState(@Param("conversationId") long conversationId, @Param("box") String box,
            @Param("at") Instant at);

    void deleteUnreadKeys(@Param("conversationId") long conversationId);

    /** Adds an unread-box row for each of the conversation's filter values. */
    void copyKeysToUnread(@Param("conversationId") long conversationId);

    /**
     * One keyset page of conversations: the driving key's index range in the view's box, the other
     * keys checked per row, the conversation rows joined by primary key.
     */
    List<Conversation> page(@Param("programId") long programId, @Param("driver") InboxKeys.Key driver,
            @Param("others") List<InboxKeys.Key> others, @Param("box") String box, @Param("afterAt") Instant afterAt,
            @Param("afterId") long afterId, @Param("limit") int limit);

    /** @return the rows of a key in a box, counting at most {@code cap} */
    long cappedCount(@Param("programId") long programId, @Param("key") InboxKeys.Key key, @Param("box") String box,
            @Param("cap") int cap);

    long count(@Param("programId") long programId, @Param("box") String box);
}
