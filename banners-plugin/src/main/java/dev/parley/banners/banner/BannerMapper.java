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

    /** Share-locks the image until the transaction ends, so it cannot be deleted as unused meanwhile. */
    Long lockImageInUse(@Param("programId") long programId, @Param("id") long id);

    /** @return ids of images created before {@code before} that no banner uses (archived ones included) */
    List<Long> unusedImagesBefore(@Param("before") Instant before);

    /** Locks the image for deletion. @return its id, or null when it is gone */
    Long lockImageForDelete(@Param("id") long id);

    /** @return how many banners (archived ones included) use the image, read under lock */
    int imageUses(@Param("id") long id);

    int deleteImage(@Param("id") long id);

    List<DismissalRow> dismissalsOfLive(@Param("now") Instant now);

    int dismiss(@Param("bannerId") long bannerId, @Param("memberId") long memberId, @Param("programId") long programId,
            @Param("partnerId") long partnerId, @Param("contentHash") String contentHash, @Param("at") Instant at);
}
