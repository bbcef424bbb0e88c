package dev.parley.messaging.audience;

import dev.parley.api.audience.SavedAudience;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.plugin.HostServices;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.MessagingPlugin;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Audiences: counting and listing partners through the host's directory (the host turns the rules
 * into SQL), and named rule sets a program keeps for reuse, most used first.
 */
public final class AudienceService {

    /** Longest audience name. */
    public static final int MAX_NAME = 200;

    private final SqlSessionFactory sessions;
    private final HostServices host;

    public AudienceService(SqlSessionFactory sessions, HostServices host) {
        this.sessions = sessions;
        this.host = host;
    }

    /** @return how many partners of the actor's program match */
    public long count(CurrentUser actor, PartnerFilter filter) {
        requireBrand(actor);
        return host.partners().count(actor.programId(), filter);
    }

    /** @return one keyset page of matching partners (search with {@link PartnerFilter#withText}) */
    public List<Partner> page(CurrentUser actor, PartnerFilter filter, long afterId, int limit) {
        requireBrand(actor);
        return host.partners().page(actor.programId(), filter, afterId, Math.max(1, Math.min(limit, 200)));
    }

    /** @return the program's saved audiences, most used first */
    public List<SavedAudience> list(CurrentUser actor) {
        requireBrand(actor);
        return list(actor.programId());
    }

    /** Saves (or, for an existing name, replaces the rules of) a named audience. */
    public SavedAudience save(CurrentUser actor, String name, PartnerFilter filter) {
        requireBrand(actor);
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME) {
            throw new MessagingException("error.audience.name", Map.of("max", MAX_NAME));
        }
        PartnerFilter rules = new PartnerFilter(filter.anyOf(), null, filter.excluded());
        String encoded = Codec.encode(rules);
        try (SqlSession s = sessions.openSession(true)) {
            AudienceMapper m = s.getMapper(AudienceMapper.class);
            AudienceMapper.Row existing = m.byName(actor.programId(), n);
            long id;
            if (existing != null) {
                m.update(actor.programId(), existing.id(), encoded, host.clock().instant());
                id = existing.id();
            } else {
                AudienceMapper.NewRow row = new AudienceMapper.NewRow();
                row.programId = actor.programId();
                row.name = n;
                row.filter = encoded;
                row.createdBy = actor.userId();
                row.at = host.clock().instant();
                m.insert(row);
                id = row.id;
            }
            return toAudience(m.find(actor.programId(), id));
        }
    }

    public void delete(CurrentUser actor, long audienceId) {
        requireBrand(actor);
        try (SqlSession s = sessions.openSession(true)) {
            s.getMapper(AudienceMapper.class).delete(actor.programId(), audienceId);
        }
    }

    public Optional<SavedAudience> find(CurrentUser actor, long audienceId) {
        requireBrand(actor);
        return find(actor.programId(), audienceId);
    }

    // ---- program-scoped access for the extension point (the caller checked its own user) ----

    public List<SavedAudience> list(long programId) {
        try (SqlSession s = sessions.openSession()) {
            return s.getMapper(AudienceMapper.class).list(programId).stream().map(AudienceService::toAudience).toList();
        }
    }

    public Optional<SavedAudience> find(long programId, long audienceId) {
        try (SqlSession s = sessions.openSession()) {
            return Optional.ofNullable(s.getMapper(AudienceMapper.class).find(programId, audienceId))
                    .map(AudienceService::toAudience);
        }
    }

    public void recordUse(long programId, long audienceId) {
        try (SqlSession s = sessions.openSession(true)) {
            s.getMapper(AudienceMapper.class).recordUse(programId, audienceId);
        }
    }

    private static SavedAudience toAudience(AudienceMapper.Row r) {
        return new SavedAudience(r.id(), r.programId(), r.name(), Codec.decode(r.filter(), PartnerFilter.class), r.uses());
    }

    private void requireBrand(CurrentUser actor) {
        if (actor == null || !actor.can(Permissions.MESSAGING)
                || !host.features().isEnabled(actor.programId(), MessagingPlugin.FEATURE)) {
            throw MessagingException.denied();
        }
    }
}
