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
import java.util.ArrayList;
import java.util.Arrays;
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
 * on again around each of them. A filter's search text is matched in memory ({@link PartnerSearchIndex});
 * the matching ids then go to SQL with the filter's rules.
 */
public final class HostPartnerDirectory implements PartnerDirectory {

    private static final int MAX_PAGE = 1_000;
    /** Most search matches given to one SQL statement as an IN list. */
    private static final int IN_LIST = 1_000;
    /**
     * How long a program's team is answered from memory. The inbox shows the team's names on every
     * page; this host forgets a team as soon as it changes one ({@link #brandUsersChanged}), so the
     * limit only bounds how long a change written by another host node takes to show.
     */
    static final Duration TEAM_REFRESH = Duration.ofSeconds(30);

    private final SqlSessionFactory sessions;
    private final LoadingCache<Long, List<BrandUser>> teams;
    private final PartnerSearchIndex search;

    public HostPartnerDirectory(SqlSessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.search = new PartnerSearchIndex(sessions);
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
        if (filter.text() == null) {
            try (SqlSession s = sessions.openSession(true)) {
                return mapper(s).count(programId, filter, null, readsPartnerColumns(filter));
            }
        }
        long[] found = searched(programId, filter);
        if (found.length == 0 || filter.anyOf().isEmpty()) {
            return found.length;
        }
        try (SqlSession s = sessions.openSession(true)) {
            if (found.length <= IN_LIST) {
                return mapper(s).count(programId, filter, boxed(found, 0, found.length), readsPartnerColumns(filter));
            }
            // Many matches ("a"): the ids the rules select, intersected here, instead of a long IN list.
            long n = 0;
            for (long id : mapper(s).ids(programId, filter, null, readsPartnerColumns(filter))) {
                if (Arrays.binarySearch(found, id) >= 0) {
                    n++;
                }
            }
            return n;
        }
    }

    @Override
    public List<Partner> page(long programId, PartnerFilter filter, long afterId, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        if (filter.text() == null) {
            try (SqlSession s = sessions.openSession(true)) {
                return mapper(s).page(programId, filter, null, afterId, size).stream().map(PartnerRow::toPartner)
                        .toList();
            }
        }
        long[] found = searched(programId, filter);
        int from = firstAfter(found, afterId);
        if (from == found.length) {
            return List.of();
        }
        try (SqlSession s = sessions.openSession(true)) {
            if (filter.anyOf().isEmpty()) {
                return mapper(s).partnersByIds(programId, boxed(found, from, Math.min(found.length, from + size)))
                        .stream().map(PartnerRow::toPartner).toList();
            }
            // the matches in id order, a chunk at a time, until the rules have let a page through
            List<Partner> out = new ArrayList<>();
            for (int at = from; at < found.length && out.size() < size; at += IN_LIST) {
                List<Long> chunk = boxed(found, at, Math.min(found.length, at + IN_LIST));
                mapper(s).page(programId, filter, chunk, 0, size - out.size()).forEach(r -> out.add(r.toPartner()));
            }
            return out;
        }
    }

    @Override
    public void stream(long programId, PartnerFilter filter, Consumer<Partner> consumer) {
        long[] found = filter.text() == null ? null : searched(programId, filter);
        try (SqlSession s = sessions.openSession()) {
            if (found == null) {
                mapper(s).stream(programId, filter, null, ctx -> consumer.accept(ctx.getResultObject().toPartner()));
                return;
            }
            for (int at = 0; at < found.length; at += IN_LIST) {
                List<Long> chunk = boxed(found, at, Math.min(found.length, at + IN_LIST));
                mapper(s).stream(programId, filter, chunk, ctx -> consumer.accept(ctx.getResultObject().toPartner()));
            }
        }
    }

    /** The partners of the program the filter's text finds, without those excluded by hand, ascending. */
    private long[] searched(long programId, PartnerFilter filter) {
        long[] found = search.matching(programId, filter.text());
        if (filter.excluded().isEmpty()) {
            return found;
        }
        return Arrays.stream(found).filter(id -> !filter.excluded().contains(id)).toArray();
    }

    private static int firstAfter(long[] ascending, long afterId) {
        int i = Arrays.binarySearch(ascending, afterId);
        return i >= 0 ? i + 1 : -i - 1;
    }

    private static List<Long> boxed(long[] ids, int from, int to) {
        List<Long> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(ids[i]);
        }
        return out;
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
     * Whether the filter's SQL reads columns of {@code partner} (last login; the search text is matched
     * in memory): only then does a count need that join, a primary-key lookup per partnership row.
     */
    static boolean readsPartnerColumns(PartnerFilter filter) {
        return filter.anyOf().stream().flatMap(List::stream)
                .anyMatch(r -> r.kind() == PartnerRule.Kind.LAST_LOGIN_BETWEEN || r.kind() == PartnerRule.Kind.NEVER_LOGGED_IN);
    }
}
