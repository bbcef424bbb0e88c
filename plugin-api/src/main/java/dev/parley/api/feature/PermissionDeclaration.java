package dev.parley.api.feature;

import java.util.Set;

/**
 * A permission a plugin brings, and the built-in roles that hold it by default.
 *
 * @param key permission key, e.g. {@code messaging}
 * @param labelKey resource key of the permission's name, looked up next to the contributing class
 * @param defaultRoles built-in role names, e.g. {@code Account Admin}, {@code Community Manager}
 * @since 1.0
 */
public record PermissionDeclaration(String key, String labelKey, Set<String> defaultRoles) {

    public PermissionDeclaration {
        defaultRoles = Set.copyOf(defaultRoles);
    }
}
