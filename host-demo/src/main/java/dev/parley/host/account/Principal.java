package dev.parley.host.account;

import dev.parley.api.user.UserKind;
import java.io.Serializable;

/**
 * Who is logged in, as kept in the HTTP session. Roles and permissions are read again on every
 * request, so an admin's change takes effect at once.
 *
 * @param kind brand user or partner member
 * @param userId brand user id or partner member id
 * @param programId the program acted in
 */
public record Principal(UserKind kind, long userId, long programId) implements Serializable {
}
