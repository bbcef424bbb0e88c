package dev.parley.api.partner;

import dev.parley.api.user.BrandUser;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The host's partner data, read-only, always scoped to one program: a plugin can never read a
 * partner through a program the partner does not belong to.
 *
 * @since 1.0
 */
public interface PartnerDirectory {

    /** @return the program, if it exists */
    Optional<Program> program(long programId);

    /** @return the partner as seen in the program, empty if it is not a partner of that program */
    Optional<Partner> partner(long programId, long partnerId);

    /** @return the partners with these ids that belong to the program (others are left out) */
    List<Partner> partners(long programId, Set<Long> partnerIds);

    /** @return members of a partner of the program, empty if the partner is not in the program */
    List<PartnerMember> members(long programId, long partnerId);

    /** @return the member, if the member's partner belongs to the program */
    Optional<PartnerMember> member(long programId, long memberId);

    /** @return every member with this e-mail (case-insensitive), across partners */
    List<PartnerMember> membersByEmail(String email);

    /** @return every member with this phone number (E.164), across partners */
    List<PartnerMember> membersByPhone(String phone);

    /** @return how many partners of the program match */
    long count(long programId, PartnerFilter filter);

    /**
     * One page of matching partners ordered by id (keyset pagination).
     *
     * @param afterId return partners with a larger id; 0 for the first page
     * @param limit page size, at most 1,000
     */
    List<Partner> page(long programId, PartnerFilter filter, long afterId, int limit);

    /** Streams every matching partner in id order without holding them all in memory. */
    void stream(long programId, PartnerFilter filter, Consumer<Partner> consumer);

    /** @return the program's offers */
    List<Offer> offers(long programId);

    /** @return ids of the program's offers the partner is approved for */
    Set<Long> approvedOffers(long programId, long partnerId);

    /** @return the partner's results over the period (zeros when none) */
    Performance performance(long programId, long partnerId, PerformancePeriod period);

    /** @return the program's tags/groups in use, sorted */
    List<String> tags(long programId);

    /** @return the program's brand users who can be assigned as managers */
    List<BrandUser> managers(long programId);

    /** @return the brand user, if the user belongs to the program */
    Optional<BrandUser> brandUser(long programId, long userId);
}
