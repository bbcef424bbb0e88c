package dev.parley.api.user;

import java.io.Serializable;

/**
 * A brand team member as seen by plugins (for example a partner's assigned manager).
 *
 * @param id user id
 * @param programId the program the user belongs to
 * @param name display name
 * @param email e-mail address
 * @since 1.0
 */
public record BrandUser(long id, long programId, String name, String email) implements Serializable {
}
