package dev.parley.messaging.audience;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.annotations.Delete;

/** Saved audiences of a program. */
public interface AudienceMapper {

    /** A stored row; the filter is encoded (see {@link Codec}). */
    record Row(long id, long programId, String name, String filter, long uses) implements java.io.Serializable {
    }

    /** Insert parameters; {@code id} is filled in. */
    final class NewRow {
        public Long id;
        public long programId;
        public String name;
        public String filter;
        public long createdBy;
        public Instant at;
    }

    @Select("SELECT id, program_id, name, filter, uses FROM msg_saved_audience WHERE program_id = #{programId}"
            + " ORDER BY uses DESC, name, id LIMIT 200")
    List<Row> list(@Param("programId") long programId);

    @Select("SELECT id, program_id, name, filter, uses FROM msg_saved_audience WHERE program_id = #{programId} AND id = #{id}")
    Row find(@Param("programId") long programId, @Param("id") long id);

    @Select("SELECT id, program_id, name, filter, uses FROM msg_saved_audience WHERE program_id = #{programId} AND name = #{name}")
    Row byName(@Param("programId") long programId, @Param("name") String name);

    @Insert("INSERT INTO msg_saved_audience (program_id, name, filter, uses, created_by, created_at, updated_at)"
            + " VALUES (#{programId}, #{name}, #{filter}, 0, #{createdBy}, #{at}, #{at})")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    void insert(NewRow row);

    @Update("UPDATE msg_saved_audience SET filter = #{filter}, updated_at = #{at} WHERE program_id = #{programId} AND id = #{id}")
    int update(@Param("programId") long programId, @Param("id") long id, @Param("filter") String filter,
            @Param("at") Instant at);

    @Update("UPDATE msg_saved_audience SET uses = uses + 1 WHERE program_id = #{programId} AND id = #{id}")
    int recordUse(@Param("programId") long programId, @Param("id") long id);

    @Delete("DELETE FROM msg_saved_audience WHERE program_id = #{programId} AND id = #{id}")
    int delete(@Param("programId") long programId, @Param("id") long id);
}
