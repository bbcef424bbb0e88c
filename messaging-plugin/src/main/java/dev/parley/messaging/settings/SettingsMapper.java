package dev.parley.messaging.settings;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Program rules and member preferences. SQL in SettingsMapper.xml. */
public interface SettingsMapper {

    ProgramSettings settings(@Param("programId") long programId);

    void saveSettings(@Param("programId") long programId, @Param("s") ProgramSettings settings,
            @Param("now") Instant now);

    Boolean emailNotify(@Param("programId") long programId, @Param("memberId") long memberId);

    void saveEmailNotify(@Param("programId") long programId, @Param("memberId") long memberId,
            @Param("on") boolean on);

    List<Long> optedIn(@Param("programId") long programId, @Param("memberIds") Collection<Long> memberIds);
}
