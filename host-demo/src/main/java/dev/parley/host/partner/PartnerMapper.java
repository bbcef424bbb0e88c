package dev.parley.host.partner;

import dev.parley.api.partner.Offer;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.user.BrandUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.session.ResultHandler;

/** Partner directory queries. SQL, including the rule-to-SQL translation, in PartnerMapper.xml. */
public interface PartnerMapper {

    PartnerRow partner(@Param("programId") long programId, @Param("partnerId") long partnerId);

    List<PartnerRow> partnersByIds(@Param("programId") long programId, @Param("ids") Collection<Long> ids);

    /** @param joinPartner whether the filter reads columns of {@code partner} (see {@link HostPartnerDirectory}) */
    long count(@Param("programId") long programId, @Param("filter") PartnerFilter filter, @Param("like") String like,
            @Param("joinPartner") boolean joinPartner);

    List<PartnerRow> page(@Param("programId") long programId, @Param("filter") PartnerFilter filter,
            @Param("like") String like, @Param("afterId") long afterId, @Param("limit") int limit);

    void stream(@Param("programId") long programId, @Param("filter") PartnerFilter filter, @Param("like") String like,
            ResultHandler<PartnerRow> handler);

    List<PartnerMember> members(@Param("programId") long programId, @Param("partnerId") long partnerId);

    PartnerMember member(@Param("programId") long programId, @Param("memberId") long memberId);

    List<PartnerMember> membersByEmail(@Param("email") String email);

    List<PartnerMember> membersByPhone(@Param("phone") String phone);

    List<Offer> offers(@Param("programId") long programId);

    List<Long> approvedOffers(@Param("programId") long programId, @Param("partnerId") long partnerId);

    Map<String, Object> performance(@Param("programId") long programId, @Param("partnerId") long partnerId,
            @Param("from") YearMonth from, @Param("to") YearMonth to);

    List<String> tags(@Param("programId") long programId);

    List<BrandUser> managers(@Param("programId") long programId);

    BrandUser brandUser(@Param("programId") long programId, @Param("userId") long userId);

    int setStatus(@Param("programId") long programId, @Param("partnerId") long partnerId,
            @Param("status") String status);

    int setManager(@Param("programId") long programId, @Param("partnerId") long partnerId,
            @Param("managerId") Long managerId);

    void insertPartner(PartnerInsert insert);

    void insertPartnership(@Param("programId") long programId, @Param("partnerId") long partnerId,
            @Param("status") String status, @Param("managerId") Long managerId, @Param("joinedAt") Instant joinedAt);

    /**
     * Tags a partner. The program's tag list ({@code program_tag}, read by {@link #tags}) is written in
     * the same session, so it commits or rolls back with the partner's tag.
     */
    default void tag(long programId, long partnerId, String tag) {
        insertPartnerTag(programId, partnerId, tag);
        insertProgramTag(programId, tag);
    }

    /** Only through {@link #tag}: alone it leaves the program's tag list behind. */
    void insertPartnerTag(@Param("programId") long programId, @Param("partnerId") long partnerId,
            @Param("tag") String tag);

    void insertProgramTag(@Param("programId") long programId, @Param("tag") String tag);

    void insertMember(@Param("partnerId") long partnerId, @Param("name") String name,
            @Param("firstName") String firstName, @Param("email") String email, @Param("phone") String phone,
            @Param("passwordHash") String passwordHash, @Param("createdAt") Instant createdAt);

    void insertOffer(OfferInsert insert);

    void insertApproval(@Param("offerId") long offerId, @Param("partnerId") long partnerId,
            @Param("status") String status);

    void insertPerformance(@Param("programId") long programId, @Param("partnerId") long partnerId,
            @Param("offerId") long offerId, @Param("month") YearMonth month, @Param("revenue") BigDecimal revenue,
            @Param("conversions") int conversions, @Param("clicks") int clicks);

    /** Holder for generated keys. */
    class PartnerInsert {
        public Long id;
        public String name;
        public String email;
        public Instant createdAt;

        public PartnerInsert(String name, String email, Instant createdAt) {
            this.name = name;
            this.email = email;
            this.createdAt = createdAt;
        }
    }

    /** Holder for generated keys. */
    class OfferInsert {
        public Long id;
        public long programId;
        public String name;
        public String client;

        public OfferInsert(long programId, String name, String client) {
            this.programId = programId;
            this.name = name;
            this.client = client;
        }
    }
}
