package dev.parley.messaging.inbox;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** The inbox index. SQL in InboxMapper.xml. */
public interface InboxMapper {

    void insertKeys(@Param("rows") List<InboxKeys.Row> rows);

    void deleteKeys(@Param("conversationId") long conversationId);

    void updateKeyState(@Param("conversationId") long conversationId, @Param("status") String status,
            @Param("unread") boolean unread, @Param("at") Instant at);

    /**
     * One keyset page: the driving key's index range per read state, the other keys checked per row.
     */
    List<Hit> page(@Param("programId") long programId, @Param("driver") InboxKeys.Key driver,
            @Param("others") List<InboxKeys.Key> others, @Param("status") String status,
            @Param("unreadValues") List<Boolean> unreadValues, @Param("afterAt") Instant afterAt,
            @Param("afterId") long afterId, @Param("limit") int limit);

    long count(@Param("programId") long programId, @Param("status") String status, @Param("unread") boolean unread);

    /** A conversation found by a page query. */
    record Hit(long id, Instant lastMessageAt) {
    }
}
