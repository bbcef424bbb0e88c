package dev.parley.api.partner;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A partner company (a team of members) as seen inside one program.
 *
 * @param id partner id (the same across programs)
 * @param programId the program this view belongs to
 * @param name company name
 * @param email main contact e-mail
 * @param status partnership status in this program
 * @param tags groups/tags in this program
 * @param managerId assigned manager (brand user id), or {@code null}
 * @param managerName assigned manager's name, or {@code null}
 * @param joinedAt when the partner joined (applied to) the program, UTC
 * @param lastLoginAt the last login of any member, UTC, or {@code null}
 * @since 1.0
 */
public record Partner(long id, long programId, String name, String email, PartnershipStatus status,
        List<String> tags, Long managerId, String managerName, Instant joinedAt, Instant lastLoginAt)
        implements Serializable {

    public Partner {
        tags = List.copyOf(tags);
    }
}
