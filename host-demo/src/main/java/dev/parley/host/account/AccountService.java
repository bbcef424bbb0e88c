package dev.parley.host.account;

import dev.parley.api.user.BrandUser;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.api.user.UserKind;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Logins, the current user's roles and permissions, and the role editor. */
public final class AccountService {

    /** A bcrypt hash of a random password: comparing against it costs the same as a real check. */
    private static final class DummyHash {
        static final String VALUE = PasswordHasher.hash("not-a-real-password-" + System.nanoTime());
    }

    private final SqlSessionFactory sessions;
    private final Clock clock;

    public AccountService(SqlSessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Checks e-mail and password of a brand user or a partner member.
     *
     * @return who logged in, or empty for a wrong e-mail or password (same answer and cost for both)
     */
    public Optional<Principal> authenticate(String email, String password) {
        if (email == null || password == null) {
            return Optional.empty();
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        try (SqlSession s = sessions.openSession(true)) {
            AccountMapper m = s.getMapper(AccountMapper.class);
            AccountRow brand = m.brandAccountByEmail(normalized);
            if (brand != null) {
                return PasswordHasher.matches(password, brand.passwordHash())
                        ? Optional.of(new Principal(UserKind.BRAND, brand.id(), brand.programId()))
                        : Optional.empty();
            }
            AccountRow member = m.memberAccountByEmail(normalized);
            if (member == null) {
                PasswordHasher.matches(password, DummyHash.VALUE);
                return Optional.empty();
            }
            if (!PasswordHasher.matches(password, member.passwordHash())) {
                return Optional.empty();
            }
            List<Long> programs = m.memberPrograms(member.id());
            if (programs.isEmpty()) {
                return Optional.empty();
            }
            m.touchMemberLogin(member.id(), clock.instant());
            return Optional.of(new Principal(UserKind.PARTNER, member.id(), programs.get(0)));
        }
    }

    /** @return programs a partner member may switch between */
    public List<Long> programsOfMember(long memberId) {
        try (SqlSession s = sessions.openSession()) {
            return s.getMapper(AccountMapper.class).memberPrograms(memberId);
        }
    }

    /**
     * @return the user with current roles and permissions, or empty if the account is gone or lost
     *         access to the program
     */
    public Optional<CurrentUser> currentUser(Principal p) {
        // read on every request: an autocommit session spares switching autocommit off and back on
        try (SqlSession s = sessions.openSession(true)) {
            AccountMapper m = s.getMapper(AccountMapper.class);
            if (p.kind() == UserKind.BRAND) {
                List<BrandAccessRow> rows = m.brandAccess(p.userId());
                BrandAccessRow row = rows.isEmpty() ? null : rows.get(0);
                if (row == null || row.programId() == null || row.programId() != p.programId()) {
                    return Optional.empty();
                }
                Set<String> roles = new HashSet<>();
                Set<String> permissions = new HashSet<>();
                for (BrandAccessRow r : rows) {
                    if (r.roleName() != null) {
                        roles.add(r.roleName());
                    }
                    if (r.permission() != null) {
                        permissions.add(r.permission());
                    }
                }
                return Optional.of(new CurrentUser(row.id(), UserKind.BRAND, row.name(), row.email(), p.programId(),
                        null, roles, permissions, row.platformAdmin(), zone(row.timeZone()),
                        Locale.forLanguageTag(row.locale())));
            }
            AccountRow row = m.memberAccountById(p.userId());
            if (row == null || !m.memberPrograms(row.id()).contains(p.programId())) {
                return Optional.empty();
            }
            return Optional.of(new CurrentUser(row.id(), UserKind.PARTNER, row.name(), row.email(), p.programId(),
                    row.partnerId(), Set.of(), Set.of(), false, zone(row.timeZone()),
                    Locale.forLanguageTag(row.locale())));
        }
    }

    /** @return built-in roles and the program's custom roles */
    public List<RoleRow> roles(CurrentUser actor) {
        requireAdmin(actor);
        try (SqlSession s = sessions.openSession()) {
            return s.getMapper(AccountMapper.class).rolesOfProgram(actor.programId());
        }
    }

    public Set<String> permissionsOfRole(CurrentUser actor, long roleId) {
        RoleRow role = visibleRole(actor, roleId);
        try (SqlSession s = sessions.openSession()) {
            return new HashSet<>(s.getMapper(AccountMapper.class).permissionsOfRole(role.id()));
        }
    }

    /**
     * Creates a custom role of the actor's program.
     *
     * @throws IllegalArgumentException for a blank, too long or duplicate name
     */
    public long createRole(CurrentUser actor, String name, Collection<String> permissions) {
        requireAdmin(actor);
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw new IllegalArgumentException("A role needs a name of 1 to 100 characters.");
        }
        try (SqlSession s = sessions.openSession(false)) {
            AccountMapper m = s.getMapper(AccountMapper.class);
            if (m.roleIdByName(actor.programId(), n) != null || m.roleIdByName(null, n) != null) {
                throw new IllegalArgumentException("A role named '" + n + "' already exists.");
            }
            m.insertRole(actor.programId(), n);
            long id = m.roleIdByName(actor.programId(), n);
            permissions.forEach(p -> m.insertRolePermission(id, p));
            s.commit();
            return id;
        }
    }

    /** Replaces the permissions of a custom role; built-in roles are fixed. */
    public void setRolePermissions(CurrentUser actor, long roleId, Collection<String> permissions) {
        RoleRow role = visibleRole(actor, roleId);
        if (role.builtin()) {
            throw new IllegalArgumentException("Built-in roles cannot be changed; create a custom role instead.");
        }
        try (SqlSession s = sessions.openSession(false)) {
            AccountMapper m = s.getMapper(AccountMapper.class);
            m.deletePermissionsOfRole(roleId);
            permissions.forEach(p -> m.insertRolePermission(roleId, p));
            s.commit();
        }
    }

    /** @return the program's brand users */
    public List<BrandUser> users(CurrentUser actor) {
        requireAdmin(actor);
        try (SqlSession s = sessions.openSession()) {
            return s.getMapper(AccountMapper.class).usersOfProgram(actor.programId());
        }
    }

    public Set<Long> roleIdsOfUser(CurrentUser actor, long userId) {
        requireOwnUser(actor, userId);
        try (SqlSession s = sessions.openSession()) {
            return new HashSet<>(s.getMapper(AccountMapper.class).roleIdsOfUser(userId));
        }
    }

    /** Replaces a user's roles with roles visible in the actor's program. */
    public void setUserRoles(CurrentUser actor, long userId, Collection<Long> roleIds) {
        requireOwnUser(actor, userId);
        roleIds.forEach(r -> visibleRole(actor, r));
        try (SqlSession s = sessions.openSession(false)) {
            AccountMapper m = s.getMapper(AccountMapper.class);
            m.deleteRolesOfUser(userId);
            roleIds.forEach(r -> m.insertUserRole(userId, r));
            s.commit();
        }
    }

    /**
     * Grants a newly declared permission to its default built-in roles, once: a later removal by an
     * admin is kept across restarts.
     */
    public void applyDefaultRoles(String permission, Collection<String> builtinRoles) {
        try (SqlSession s = sessions.openSession(false)) {
            AccountMapper m = s.getMapper(AccountMapper.class);
            if (m.markPermissionSeen(permission) == 1) {
                for (String roleName : builtinRoles) {
                    Long roleId = m.roleIdByName(null, roleName);
                    if (roleId != null) {
                        m.insertRolePermission(roleId, permission);
                    }
                }
            }
            s.commit();
        }
    }

    private RoleRow visibleRole(CurrentUser actor, long roleId) {
        requireAdmin(actor);
        try (SqlSession s = sessions.openSession()) {
            RoleRow role = s.getMapper(AccountMapper.class).role(roleId);
            if (role == null || (role.programId() != null && role.programId() != actor.programId())) {
                throw new AccessDeniedException("No such role.");
            }
            return role;
        }
    }

    private void requireOwnUser(CurrentUser actor, long userId) {
        requireAdmin(actor);
        try (SqlSession s = sessions.openSession()) {
            AccountRow row = s.getMapper(AccountMapper.class).brandAccountById(userId);
            if (row == null || row.programId() != actor.programId()) {
                throw new AccessDeniedException("No such user in your program.");
            }
        }
    }

    private static void requireAdmin(CurrentUser actor) {
        if (actor == null || !actor.can(Permissions.ADMINISTER)) {
            throw new AccessDeniedException("Only an Account Admin can manage roles.");
        }
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
