package dev.parley.banners.analytics;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Banner reach, dismissals and clicks. SQL in AnalyticsMapper.xml. */
public interface AnalyticsMapper {

    int recordView(@Param("bannerId") long bannerId, @Param("memberId") long memberId, @Param("programId") long programId,
            @Param("partnerId") long partnerId, @Param("at") Instant at);

    void recordClick(@Param("bannerId") long bannerId, @Param("memberId") long memberId, @Param("programId") long programId,
            @Param("partnerId") long partnerId, @Param("at") Instant at);

    long partnersReached(@Param("programId") long programId, @Param("bannerId") long bannerId);

    long membersReached(@Param("programId") long programId, @Param("bannerId") long bannerId);

    long dismissals(@Param("programId") long programId, @Param("bannerId") long bannerId);

    long clicks(@Param("programId") long programId, @Param("bannerId") long bannerId);

    long partnersClicked(@Param("programId") long programId, @Param("bannerId") long bannerId);

    /** @return first-view instants, one per partner (the partner's first member to see it) */
    List<Instant> partnerFirstViews(@Param("programId") long programId, @Param("bannerId") long bannerId);

    List<Instant> dismissalTimes(@Param("programId") long programId, @Param("bannerId") long bannerId);

    List<Instant> clickTimes(@Param("programId") long programId, @Param("bannerId") long bannerId);
}
