package dev.parley.host.account;

import java.io.Serializable;

/** A role as listed in the role editor. */
public record RoleRow(long id, Long programId, String name, boolean builtin) implements Serializable {
}
