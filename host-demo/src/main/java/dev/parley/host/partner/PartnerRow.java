package dev.parley.host.partner;

import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnershipStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A partner of a program as read from SQL; tags come as one newline-separated column. */
public class PartnerRow {

    public long id;
    public long programId;
    public String name;
    public String email;
    public String status;
    public String tags;
    public Long managerId;
    public String managerName;
    public Instant joinedAt;
    public Instant lastLoginAt;

    public Partner toPartner() {
        List<String> tagList = tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split("\n"));
        return new Partner(id, programId, name, email, PartnershipStatus.valueOf(status), tagList, managerId,
                managerName, joinedAt, lastLoginAt);
    }
}
