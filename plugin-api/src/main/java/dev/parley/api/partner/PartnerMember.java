package dev.parley.api.partner;

import java.io.Serializable;

/**
 * A person in a partner company who can log into the partner portal.
 *
 * @param id member id
 * @param partnerId the company
 * @param name full name
 * @param firstName first name, for the {@code {partner_first_name}} macro
 * @param email e-mail address (also the login)
 * @param phone mobile number in E.164 form, or {@code null}
 * @since 1.0
 */
public record PartnerMember(long id, long partnerId, String name, String firstName, String email, String phone)
        implements Serializable {
}
