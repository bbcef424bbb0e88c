package dev.parley.host.account;

import dev.parley.api.user.BrandUser;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Logins, roles and permissions. SQL in AccountMapper.xml. */
public interface AccountMapper {

    AccountRow brandAccountByEmail(@Param("email") String email);

    AccountRow brandAccountById(@Param("id") long id);

    AccountRow memberAccountByEmail(@Param("email") String email);

    AccountRow memberAccountById(@Param("id") long id);

    /** Programs the member's partner belongs to and is not declined in, oldest first. */
    List<Long> memberPrograms(@Param("memberId") long memberId);

    /** @return the brand user's row once per role and permission; empty if there is no such user */
    List<BrandAccessRow> brandAccess(@Param("id") long id);

    void touchMemberLogin(@Param("memberId") long memberId, @Param("at") Instant at);

    List<RoleRow> rolesOfProgram(@Param("programId") long programId);

    RoleRow role(@Param("roleId") long roleId);

    List<String> permissionsOfRole(@Param("roleId") long roleId);

    void insertRole(@Param("programId") long programId, @Param("name") String name);

    Long roleIdByName(@Param("programId") Long programId, @Param("name") String name);

    void deletePermissionsOfRole(@Param("roleId") long roleId);

    void insertRolePermission(@Param("roleId") long roleId, @Param("permission") String permission);

    int markPermissionSeen(@Param("permission") String permission);

    List<BrandUser> usersOfProgram(@Param("programId") long programId);

    List<Long> roleIdsOfUser(@Param("userId") long userId);

    void deleteRolesOfUser(@Param("userId") long userId);

    void insertUserRole(@Param("userId") long userId, @Param("roleId") long roleId);
}
