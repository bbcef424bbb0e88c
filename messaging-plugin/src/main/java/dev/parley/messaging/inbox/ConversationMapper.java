package dev.parley.messaging.inbox;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Conversation queries. SQL in ConversationMapper.xml. */
public interface ConversationMapper {

    List<ConversationRow> programPage(@Param("programId") long programId, @Param("limit") int limit);

    List<ConversationRow> partnerPage(@Param("programId") long programId, @Param("partnerId") long partnerId,
            @Param("limit") int limit);

    long unreadForPartner(@Param("programId") long programId, @Param("partnerId") long partnerId);
}
