package dev.parley.host.partner;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.parley.api.partner.Offer;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerDirectory;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.partner.PartnerRule;
import dev.parley.api.partner.Performance;
import dev.parley.api.partner.PerformancePeriod;
import dev.parley.api.partner.Program;
import dev.parley.api.user.BrandUser;
import dev.parley.host.plan.PlanMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The host's partner directory on MariaDB: every query is scoped to one program. Reads are single
 * statements in autocommit sessions, which spare the two round trips of switching autocommit off and
 * on again around each of them.
 */
public final class HostPartnerDirectory implements PartnerDirectory {

    private static final int MAX_PAGE = 1_000;
    /**
     * How long a program's team is answered from memory. The inbox shows the team's names on every
     * page; this host forgets a team as soon as it changes one ({@link #brandUsersChanged}), so the
     * limit only bounds how long a change written by another host node takes to show.
     */
    static final Duration TEAM_REFRESH = Duration.ofSeconds(30);

    private final SqlSessionFactory sessions;
    private final LoadingCache<Long, List<BrandUser>> teams;

    public HostPartnerDirectory(SqlSessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.teams = Caffeine.newBuilder()
                .expireAfterWrite(TEAM_REFRESH)
                .ticker(() -> clock.millis() * 1_000_000L)
                .maximumSize(10_000)
                .build(this::loadManagers);
    }

    @Override
    public Optional<Program> program(long programId) {
        try (SqlSession s = sessions.openSession(true)) {
            return Optional.ofNullable(s.getMapper(PlanMapper.class).program(programId));
        }
    }

    @Override
    public Optional<Partner> partner(long programId, long partnerId) {
        try (SqlSession s = sessions.openSession(true)) {
            return Optional.ofNullable(mapper(s).partner(programId, partnerId)).map(PartnerRow::toPartner);
        }
    }

    @Override
    public List<Partner> partners(long programId, Set<Long> partnerIds) {
        if (partnerIds.isEmpty()) {
            return List.of();
        }
        try (SqlSession s = sessions.openSession(true)) {
            return mapper(s).partnersByIds(programId, partnerIds).stream().map(PartnerRow::toPartner).toList();
        }
    }

    @Override
    public List<PartnerMember> members(long programId, long partnerId) {
        try (SqlSession s = sessions.openSession(true)) {
            return mapper(s).members(programId, partnerId);
        }
    }

    @Override
    public Optional<PartnerMember> member(long programId, long memberId) {
        try (SqlSession s = sessions.openSession(true)) {
            return Optional.ofNullable(mapper(s).member(programId, memberId));
        }
    }

    @Override
    public List<PartnerMember> membersByEmail(String email) {
        if (email == null || email.isBlank()) {
            return List.of();
        }
        try (SqlSession s = sessions.openSession(true)) {
            return mapper(s).membersByEmail(email.strip().toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public List<PartnerMember> membersByPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return List.of();
        }
        try (SqlSession s = sessions.openSession(true)) {
            return mapper(s).membersByPhone(phone.strip());
        }
    }

    @Override
    public long count(long programId, PartnerFilter filter) {
        try (SqlSession s = sessions.openSession(true)) {
            return mapper(s).count(programId, filter, like(filter), readsPartnerColumns(filter));
        }
    }

    @Override
    public List<Partner> page(long programId, PartnerFilter filter, long afterId, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        try (SqlSession s = sessions.openSession(true)) {
            return mapper(s).page(programId, filter, like(filter), afterId, size).stream().map(PartnerRow::toPartner)
                    .toList();
        }
    }

    @Override
    public void stream(long programId, PartnerFilter filter, Consumer<Partner> consumer) {
        try (SqlSession s = sessions.openSession()) {
            mapper(s).stream(programId, filter, like(filter), ctx -> consumer.accept(ctx.getResultObject().toPartner()));
        }
    }

    @Override
    public List<Offer> offers(long programId) {
        try (SqlSession s = sessions.openSession(true)) {
            return mapper(s).offers(programId);
        }
    }

    @Override
    public Set<Long> approvedOffers(long programId, long partnerId) {
        try (SqlSession s = sessions.openSession(true)) {
            return new HashSet<>(mapper(s).approvedOffers(programId, partnerId));
        }
    }

    @Override
    public Performance performance(long programId, long partnerId, PerformancePeriod period) {
        try (SqlSession s = sessions.openSession(true)) {
            Map<String, Object> row = mapper(s).performance(programId, partnerId, period.from(), period.to());
            return new Performance(partnerId, period, new BigDecimal(row.get("revenue").toString()),
                    ((Number) row.get("conversions")).longValue(), ((Number) row.get("clicks")).longValue());
        }
    }

    @Override
    public List<String> tags(long programId) {
        try (SqlSession s = sessions.openSession(true)) {
            return mapper(s).tags(programId);
        }
    }

    @Override
    public List<BrandUser> managers(long programId) {
        return teams.get(programId);
    }

    private List<BrandUser> loadManagers(long programId) {
        try (SqlSession s = sessions.openSession(true)) {
            return List.copyOf(mapper(s).managers(programId));
        }
    }

    /**
     * Host code that adds, renames or removes a program's brand users calls this after its commit, so
     * {@link #managers} answers from the database again.
     */
    public void brandUsersChanged(long programId) {
        teams.invalidate(programId);
    }

    @Override
    public Optional<BrandUser> brandUser(long programId, long userId) {
        try (SqlSession s = sessions.openSession(true)) {
            return Optional.ofNullable(mapper(s).brandUser(programId, userId));
        }
    }

    private static PartnerMapper mapper(SqlSession s) {
        return s.getMapper(PartnerMapper.class);
    }

    /**
     * Whether the filter's SQL reads columns of {@code partner} (name, e-mail, last login): only then
     * does a count need that join, a primary-key lookup per partnership row.
     */
    static boolean readsPartnerColumns(PartnerFilter filter) {
        return filter.text() != null || filter.anyOf().stream().flatMap(List::stream)
                .anyMatch(r -> r.kind() == PartnerRule.Kind.LAST_LOGIN_BETWEEN || r.kind() == PartnerRule.Kind.NEVER_LOGGED_IN);
    }

    /** A LIKE pattern for the search text with the wildcards in it escaped. */
    static String like(PartnerFilter filter) {
        if (filter.text() == null) {
            return null;
        }
        String escaped = filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
