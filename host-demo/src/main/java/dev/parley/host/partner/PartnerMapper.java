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

    /*
     * The filter's search text is never read here: the partners it matches are found in memory
     * (PartnerSearchIndex) and come as ids (null: no search).
     */

    /** @param joinPartner whether the filter reads columns of {@code partner} (see {@link HostPartnerDirectory}) */
    long count(@Param("programId") long programId, @Param("filter") PartnerFilter filter,
            @Param("ids") Collection<Long> ids, @Param("joinPartner") boolean joinPartner);

    /** @return ids of the partners matching the filter's rules and exclusions, ascending */
    List<Long> ids(@Param("programId") long programId, @Param("filter") PartnerFilter filter,
            @Param("ids") Collection<Long> ids, @Param("joinPartner") boolean joinPartner);

    List<PartnerRow> page(@Param("programId") long programId, @Param("filter") PartnerFilter filter,
            @Param("ids") Collection<Long> ids, @Param("afterId") long afterId, @Param("limit") int limit);

    void stream(@Param("programId") long programId, @Param("filter") PartnerFilter filter,
            @Param("ids") Collection<Long> ids, ResultHandler<PartnerRow> handler);

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

    /**
     * Adds a partner to a program. The program's search version is raised and the partner logged as
     * changed in the same session, so the partner is found by name and e-mail as soon as this commits
     * (on every host node).
     */
    default void insertPartnership(long programId, long partnerId, String status, Long managerId, Instant joinedAt) {
        insertPartnershipRow(programId, partnerId, status, managerId, joinedAt);
        searchChanged(programId, partnerId);
    }

    /** Only through {@link #insertPartnership}: alone it leaves the program's search index behind. */
    void insertPartnershipRow(@Param("programId") long programId, @Param("partnerId") long partnerId,
            @Param("status") String status, @Param("managerId") Long managerId, @Param("joinedAt") Instant joinedAt);

    /** Renames a partner company; the search versions of all its programs are raised in the same session. */
    default void renamePartner(long partnerId, String name) {
        renamePartnerRow(partnerId, name);
        partnerSearchChanged(partnerId);
    }

    /** Only through {@link #renamePartner}. */
    void renamePartnerRow(@Param("partnerId") long partnerId, @Param("name") String name);

    /**
     * After a write that changes what a name or e-mail search finds for one partner in the program, in
     * the same transaction as that write: raises the program's partner search version and logs the
     * partner as changed at that version ({@code partner_search_change}, read by PartnerSearchIndex).
     */
    default void searchChanged(long programId, long partnerId) {
        raiseSearchVersion(programId);
        logSearchChange(programId, partnerId);
    }

    /** Only through {@link #searchChanged(long, long)}: a raise without a logged change costs a full reload. */
    void raiseSearchVersion(@Param("programId") long programId);

    /** Only through {@link #searchChanged(long, long)}. */
    void logSearchChange(@Param("programId") long programId, @Param("partnerId") long partnerId);

    /** {@link #searchChanged(long, long)} for every program the partner belongs to. */
    default void partnerSearchChanged(long partnerId) {
        raisePartnerSearchVersions(partnerId);
        logPartnerSearchChange(partnerId);
    }

    /** Only through {@link #partnerSearchChanged}. */
    void raisePartnerSearchVersions(@Param("partnerId") long partnerId);

    /** Only through {@link #partnerSearchChanged}. */
    void logPartnerSearchChange(@Param("partnerId") long partnerId);

    /** @return the program's partner search version, 0 before the first change */
    long searchVersion(@Param("programId") long programId);

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

    /**
     * Adds a member to a partner; its e-mail is searchable in the partner's programs as soon as this
     * commits (their search versions are raised in the same session).
     */
    default void insertMember(long partnerId, String name, String firstName, String email, String phone,
            String passwordHash, Instant createdAt) {
        insertMemberRow(partnerId, name, firstName, email, phone, passwordHash, createdAt);
        partnerSearchChanged(partnerId);
    }

    /** Only through {@link #insertMember}. */
    void insertMemberRow(@Param("partnerId") long partnerId, @Param("name") String name,
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
