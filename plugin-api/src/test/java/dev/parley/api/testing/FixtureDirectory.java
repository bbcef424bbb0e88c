package dev.parley.api.testing;

import dev.parley.api.partner.Offer;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerDirectory;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.partner.PartnerRule;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.partner.Performance;
import dev.parley.api.partner.PerformancePeriod;
import dev.parley.api.partner.Program;
import dev.parley.api.user.BrandUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An in-memory partner directory for plugin tests: the host's data as fixtures, so a plugin's own
 * tables (in a real MariaDB) can be tested without the host. The host's MariaDB implementation is
 * tested in host-demo against the same contract.
 */
public final class FixtureDirectory implements PartnerDirectory {

    private final AtomicLong ids = new AtomicLong(1000);
    private final Map<Long, Program> programs = new ConcurrentHashMap<>();
    private final Map<String, Partner> partnerships = new ConcurrentHashMap<>();
    private final Map<Long, PartnerMember> members = new ConcurrentHashMap<>();
    private final Map<Long, Offer> offers = new ConcurrentHashMap<>();
    private final Set<String> approvals = ConcurrentHashMap.newKeySet();
    private final Map<String, BigDecimal[]> performance = new ConcurrentHashMap<>();
    private final Map<Long, BrandUser> brandUsers = new ConcurrentHashMap<>();

    public long nextId() {
        return ids.incrementAndGet();
    }

    public Program addProgram(String name, String plan) {
        Program p = new Program(nextId(), name, plan);
        programs.put(p.id(), p);
        return p;
    }

    public BrandUser addBrandUser(long programId, String name, String email) {
        BrandUser u = new BrandUser(nextId(), programId, name, email);
        brandUsers.put(u.id(), u);
        return u;
    }

    /** Adds a partner to a program (or the same partner id to another program). */
    public Partner addPartner(long programId, long partnerId, String name, String email, PartnershipStatus status,
            List<String> tags, BrandUser manager, Instant joinedAt) {
        Partner p = new Partner(partnerId, programId, name, email, status, tags, manager == null ? null : manager.id(),
                manager == null ? null : manager.name(), joinedAt, null);
        partnerships.put(programId + ":" + partnerId, p);
        return p;
    }

    public Partner addPartner(long programId, String name, String email, PartnershipStatus status, String... tags) {
        return addPartner(programId, nextId(), name, email, status, List.of(tags), null, Instant.parse("2025-01-01T00:00:00Z"));
    }

    public PartnerMember addMember(long partnerId, String name, String email, String phone) {
        String first = name.contains(" ") ? name.substring(0, name.indexOf(' ')) : name;
        PartnerMember m = new PartnerMember(nextId(), partnerId, name, first, email.toLowerCase(Locale.ROOT), phone);
        members.put(m.id(), m);
        return m;
    }

    public Offer addOffer(long programId, String name, String client) {
        Offer o = new Offer(nextId(), programId, name, client);
        offers.put(o.id(), o);
        return o;
    }

    public void approve(long offerId, long partnerId) {
        approvals.add(offerId + ":" + partnerId);
    }

    public void setPerformance(long programId, long partnerId, YearMonth month, BigDecimal revenue, long conversions) {
        performance.put(programId + ":" + partnerId + ":" + month, new BigDecimal[] {revenue, BigDecimal.valueOf(conversions)});
    }

    @Override
    public Optional<Program> program(long programId) {
        return Optional.ofNullable(programs.get(programId));
    }

    @Override
    public Optional<Partner> partner(long programId, long partnerId) {
        return Optional.ofNullable(partnerships.get(programId + ":" + partnerId));
    }

    @Override
    public List<Partner> partners(long programId, Set<Long> partnerIds) {
        return sorted(programId).stream().filter(p -> partnerIds.contains(p.id())).toList();
    }

    @Override
    public List<PartnerMember> members(long programId, long partnerId) {
        if (partner(programId, partnerId).isEmpty()) {
            return List.of();
        }
        return members.values().stream().filter(m -> m.partnerId() == partnerId)
                .sorted(Comparator.comparing(PartnerMember::name)).toList();
    }

    @Override
    public Optional<PartnerMember> member(long programId, long memberId) {
        PartnerMember m = members.get(memberId);
        return m != null && partner(programId, m.partnerId()).isPresent() ? Optional.of(m) : Optional.empty();
    }

    @Override
    public List<PartnerMember> membersByEmail(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return members.values().stream().filter(m -> m.email().equals(e)).toList();
    }

    @Override
    public List<PartnerMember> membersByPhone(String phone) {
        return members.values().stream().filter(m -> phone != null && phone.strip().equals(m.phone())).toList();
    }

    @Override
    public long count(long programId, PartnerFilter filter) {
        return sorted(programId).stream().filter(p -> matches(p, filter)).count();
    }

    @Override
    public List<Partner> page(long programId, PartnerFilter filter, long afterId, int limit) {
        return sorted(programId).stream().filter(p -> p.id() > afterId && matches(p, filter))
                .limit(Math.min(limit, 1000)).toList();
    }

    @Override
    public void stream(long programId, PartnerFilter filter, Consumer<Partner> consumer) {
        sorted(programId).stream().filter(p -> matches(p, filter)).forEach(consumer);
    }

    @Override
    public List<Offer> offers(long programId) {
        return offers.values().stream().filter(o -> o.programId() == programId)
                .sorted(Comparator.comparing(Offer::name)).toList();
    }

    @Override
    public Set<Long> approvedOffers(long programId, long partnerId) {
        Set<Long> result = new HashSet<>();
        for (Offer o : offers(programId)) {
            if (approvals.contains(o.id() + ":" + partnerId)) {
                result.add(o.id());
            }
        }
        return result;
    }

    @Override
    public Performance performance(long programId, long partnerId, PerformancePeriod period) {
        BigDecimal revenue = BigDecimal.ZERO;
        long conversions = 0;
        for (YearMonth m = period.from(); !m.isAfter(period.to()); m = m.plusMonths(1)) {
            BigDecimal[] v = performance.get(programId + ":" + partnerId + ":" + m);
            if (v != null) {
                revenue = revenue.add(v[0]);
                conversions += v[1].longValue();
            }
        }
        return new Performance(partnerId, period, revenue, conversions, 0);
    }

    @Override
    public List<String> tags(long programId) {
        return sorted(programId).stream().flatMap(p -> p.tags().stream()).distinct().sorted().toList();
    }

    @Override
    public List<BrandUser> managers(long programId) {
        return brandUsers.values().stream().filter(u -> u.programId() == programId)
                .sorted(Comparator.comparing(BrandUser::name)).toList();
    }

    @Override
    public Optional<BrandUser> brandUser(long programId, long userId) {
        BrandUser u = brandUsers.get(userId);
        return u != null && u.programId() == programId ? Optional.of(u) : Optional.empty();
    }

    private List<Partner> sorted(long programId) {
        List<Partner> list = new ArrayList<>();
        partnerships.values().stream().filter(p -> p.programId() == programId).forEach(list::add);
        list.sort(Comparator.comparingLong(Partner::id));
        return list;
    }

    private boolean matches(Partner p, PartnerFilter filter) {
        if (filter.excluded().contains(p.id())) {
            return false;
        }
        if (filter.text() != null) {
            String t = filter.text().toLowerCase(Locale.ROOT);
            boolean hit = p.name().toLowerCase(Locale.ROOT).contains(t) || p.email().toLowerCase(Locale.ROOT).contains(t)
                    || members.values().stream().anyMatch(m -> m.partnerId() == p.id() && m.email().contains(t));
            if (!hit) {
                return false;
            }
        }
        if (filter.anyOf().isEmpty()) {
            return true;
        }
        return filter.anyOf().stream().anyMatch(group -> group.stream().allMatch(rule -> matches(p, rule)));
    }

    private boolean matches(Partner p, PartnerRule r) {
        return switch (r.kind()) {
            case TAG -> p.tags().contains(r.text());
            case STATUS -> p.status() == r.status();
            case MANAGER -> r.id().equals(p.managerId());
            case RUNS_OFFER, APPROVED_FOR_OFFER -> approvals.contains(r.id() + ":" + p.id());
            case REVENUE_AT_LEAST -> performance(p.programId(), p.id(), r.period()).revenue().compareTo(r.amount()) >= 0;
            case CONVERSIONS_AT_LEAST -> BigDecimal.valueOf(performance(p.programId(), p.id(), r.period()).conversions())
                    .compareTo(r.amount()) >= 0;
            case JOINED_BETWEEN -> (r.from() == null || !p.joinedAt().isBefore(r.from()))
                    && (r.to() == null || p.joinedAt().isBefore(r.to()));
            case LAST_LOGIN_BETWEEN -> p.lastLoginAt() != null && (r.from() == null || !p.lastLoginAt().isBefore(r.from()))
                    && (r.to() == null || p.lastLoginAt().isBefore(r.to()));
            case NEVER_LOGGED_IN -> p.lastLoginAt() == null;
            case PARTNER_IN -> r.ids().contains(p.id());
        };
    }
}
