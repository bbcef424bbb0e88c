package dev.parley.banners.banner;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Banner and image storage. SQL in BannerMapper.xml; every query is scoped by program. */
public interface BannerMapper {

    void insert(@Param("b") Banner banner, @Param("h") IdHolder holder);

    int update(@Param("b") Banner banner);

    Banner find(@Param("programId") long programId, @Param("id") long id);

    List<Banner> ofProgram(@Param("programId") long programId);

    /** @return published, not archived banners that have not ended before {@code now} */
    List<Banner> live(@Param("programId") Long programId, @Param("now") Instant now);

    int archive(@Param("programId") long programId, @Param("id") long id, @Param("now") Instant now);

    void insertImage(ImageRow image);

    ImageRow findImage(@Param("programId") long programId, @Param("id") long id);

    List<DismissalRow> dismissalsOfLive(@Param("now") Instant now);

    int dismiss(@Param("bannerId") long bannerId, @Param("memberId") long memberId, @Param("programId") long programId,
            @Param("partnerId") long partnerId, @Param("contentHash") String contentHash, @Param("at") Instant at);
}
