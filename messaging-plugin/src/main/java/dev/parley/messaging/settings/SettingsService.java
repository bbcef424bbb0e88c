package dev.parley.messaging.settings;

import dev.parley.api.plugin.HostServices;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.MessagingPlugin;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** A program's messaging rules (set by account admins) and partner members' notification choices. */
public final class SettingsService {

    private final SqlSessionFactory sessions;
    private final HostServices host;

    public SettingsService(SqlSessionFactory sessions, HostServices host) {
        this.sessions = sessions;
        this.host = host;
    }

    /** @return the program's rules, defaults until an admin saved some */
    public ProgramSettings settings(long programId) {
        try (SqlSession s = sessions.openSession()) {
            ProgramSettings p = s.getMapper(SettingsMapper.class).settings(programId);
            return p == null ? ProgramSettings.DEFAULTS : p;
        }
    }

    /** Saves the rules of the admin's program. */
    public void save(CurrentUser actor, ProgramSettings settings) {
        if (actor == null || !actor.can(Permissions.ADMINISTER)
                || !host.features().isEnabled(actor.programId(), MessagingPlugin.FEATURE)) {
            throw MessagingException.denied();
        }
        if (settings.maxLength() < 1 || settings.maxLength() > ProgramSettings.MAX_LENGTH_LIMIT) {
            throw new MessagingException("error.settings.maxLength", Map.of("max", ProgramSettings.MAX_LENGTH_LIMIT));
        }
        if (settings.sendsPerHour() < 1 || settings.sendsPerHour() > ProgramSettings.SENDS_LIMIT) {
            throw new MessagingException("error.settings.sendsPerHour", Map.of("max", ProgramSettings.SENDS_LIMIT));
        }
        try (SqlSession s = sessions.openSession(true)) {
            s.getMapper(SettingsMapper.class).saveSettings(actor.programId(), settings, host.clock().instant());
        }
    }

    /** @return whether the partner member gets e-mail for new messages (off until they opt in) */
    public boolean emailNotify(CurrentUser member) {
        requirePartner(member);
        try (SqlSession s = sessions.openSession()) {
            return Boolean.TRUE.equals(s.getMapper(SettingsMapper.class).emailNotify(member.programId(), member.userId()));
        }
    }

    public void setEmailNotify(CurrentUser member, boolean on) {
        requirePartner(member);
        try (SqlSession s = sessions.openSession(true)) {
            s.getMapper(SettingsMapper.class).saveEmailNotify(member.programId(), member.userId(), on);
        }
    }

    /** @return those of the members who opted in to e-mail in the program */
    public Set<Long> optedIn(long programId, Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Set.of();
        }
        try (SqlSession s = sessions.openSession()) {
            return new HashSet<>(s.getMapper(SettingsMapper.class).optedIn(programId, memberIds));
        }
    }

    private void requirePartner(CurrentUser member) {
        if (member == null || !member.isPartner()
                || !host.features().isEnabled(member.programId(), MessagingPlugin.FEATURE)) {
            throw MessagingException.denied();
        }
    }
}
