package dev.parley.host.demo;

import dev.parley.api.partner.PartnershipStatus;
import dev.parley.host.account.PasswordHasher;
import dev.parley.host.partner.PartnerMapper;
import dev.parley.host.partner.PartnerMapper.OfferInsert;
import dev.parley.host.partner.PartnerMapper.PartnerInsert;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Realistic demo programs: three brands on different plans, their teams, offers with approvals,
 * partners in groups with managers, statuses, members and six months of performance. The same
 * generator produces 100k partners for benchmarks (partners are written in JDBC batches).
 */
public final class DemoDataGenerator {

    /** The password of every demo account. */
    public static final String DEMO_PASSWORD = "demo1234";

    private static final String[] TAGS = {"Influencers", "Coupon sites", "Content", "Loyalty", "VIP", "EMEA", "APAC",
        "Newsletter"};
    private static final String[] FIRST = {"Maya", "Leo", "Ava", "Noah", "Mia", "Liam", "Zoe", "Ethan", "Lena", "Omar",
        "Yuki", "Chen", "Priya", "Lucas", "Sofia", "Jonas", "Amara", "Mateo", "Ines", "Kai"};
    private static final String[] LAST = {"Garcia", "Chen", "Smith", "Okafor", "Nguyen", "Muller", "Rossi", "Kim",
        "Silva", "Novak", "Tanaka", "Haddad", "Larsen", "Wang", "Dubois"};
    private static final String[] WORDS = {"Trail", "Summit", "Urban", "Pixel", "Green", "Blue", "Bright", "North",
        "Coastal", "Nova", "Peak", "Cedar", "River", "Golden", "Swift", "Prime", "Wild", "Lunar", "Metro", "Happy"};
    private static final String[] KINDS = {"Media", "Deals", "Reviews", "Blog", "Studio", "Network", "Coupons",
        "Creators", "Guides", "Labs"};

    private final SqlSessionFactory sessions;
    private final DataSource dataSource;
    private final Clock clock;
    private final Random random;

    public DemoDataGenerator(SqlSessionFactory sessions, DataSource dataSource, Clock clock, long seed) {
        this.sessions = sessions;
        this.dataSource = dataSource;
        this.clock = clock;
        this.random = new Random(seed);
    }

    /** @return whether the database holds no program yet */
    public boolean isEmpty() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM program")) {
            rs.next();
            return rs.getLong(1) == 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Adds generated partners (with members, tags, approvals and performance) to an existing program,
     * managed by its brand users and approved for its offers.
     *
     * @param progress called with the number of partners written so far
     */
    public void addPartners(long program, int count, LongConsumer progress) {
        List<Long> managers = ids("SELECT id FROM brand_user WHERE program_id = ?", program);
        List<Long> offers = ids("SELECT id FROM offer WHERE program_id = ?", program);
        bulkPartners(program, count, managers.stream().mapToLong(Long::longValue).toArray(), offers,
                PasswordHasher.hash(DEMO_PASSWORD), "more", progress);
    }

    private List<Long> ids(String sql, long program) {
        List<Long> ids = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, program);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /**
     * Writes the demo programs.
     *
     * @param acmePartners generated partners in the main program (Acme Outdoor), besides the named ones
     * @param progress called with the number of partners written so far
     * @return the ids of the programs: Acme, Bolt, Cedar
     */
    public DemoPrograms generate(int acmePartners, LongConsumer progress) {
        String hash = PasswordHasher.hash(DEMO_PASSWORD);
        long acme = program("Acme Outdoor", "advanced");
        long bolt = program("Bolt Fitness", "starter");
        long cedar = program("Cedar Software", "partner");
        long admin = brandUser(acme, "admin@parley.test", "Pat Admin", hash, true, "Account Admin");
        brandUser(acme, "owner@acme.test", "Olivia Owner", hash, false, "Account Admin");
        long cm = brandUser(acme, "cm@acme.test", "Carlos Manager", hash, false, "Community Manager");
        long cm2 = brandUser(acme, "cm2@acme.test", "Chloe Manager", hash, false, "Community Manager");
        brandUser(acme, "analyst@acme.test", "Ana Analyst", hash, false, "Analyst");
        brandUser(bolt, "owner@bolt.test", "Ben Bolt", hash, false, "Account Admin");
        long boltCm = brandUser(bolt, "cm@bolt.test", "Bea Manager", hash, false, "Community Manager");
        brandUser(cedar, "owner@cedar.test", "Cyrus Cedar", hash, false, "Account Admin");
        long cedarCm = brandUser(cedar, "cm@cedar.test", "Cora Manager", hash, false, "Community Manager");

        List<Long> acmeOffers = offers(acme, new String[][] {{"Winter Jackets", "Acme Apparel"},
            {"Camping Gear Sale", "Acme Outdoor"}, {"Hiking Boots", "Acme Apparel"}, {"Black Friday", "Acme Outdoor"},
            {"Kayak Rentals", "Acme Water"}});
        List<Long> boltOffers = offers(bolt, new String[][] {{"Gym Membership", "Bolt Fitness"},
            {"Protein Bundle", "Bolt Nutrition"}});
        List<Long> cedarOffers = offers(cedar, new String[][] {{"Pro Plan Trial", "Cedar Software"},
            {"Annual Discount", "Cedar Software"}});

        try (SqlSession s = sessions.openSession(ExecutorType.SIMPLE, false)) {
            PartnerMapper m = s.getMapper(PartnerMapper.class);
            Instant now = clock.instant();
            long trail = namedPartner(m, "Trail Blazers Media", "hello@trailblazers.test", hash, now,
                    new String[][] {{"Maya Garcia", "Maya", "maya@trailblazers.test", "+15550100001"},
                        {"Tom Reed", "Tom", "tom@trailblazers.test", "+15550100002"}});
            long summit = namedPartner(m, "Summit Deals", "team@summitdeals.test", hash, now,
                    new String[][] {{"Leo Chen", "Leo", "leo@summitdeals.test", "+15550100003"}});
            m.insertPartnership(acme, trail, "APPROVED", cm, now.minus(Duration.ofDays(400)));
            m.tag(acme, trail, "Influencers");
            m.tag(acme, trail, "VIP");
            m.insertPartnership(acme, summit, "APPROVED", cm2, now.minus(Duration.ofDays(200)));
            m.tag(acme, summit, "Coupon sites");
            m.insertPartnership(bolt, trail, "APPROVED", boltCm, now.minus(Duration.ofDays(90)));
            for (long offer : acmeOffers.subList(0, 3)) {
                m.insertApproval(offer, trail, "APPROVED");
            }
            m.insertApproval(acmeOffers.get(0), summit, "APPROVED");
            m.insertApproval(acmeOffers.get(3), summit, "APPROVED");
            m.insertApproval(boltOffers.get(0), trail, "APPROVED");
            performance(m, acme, trail, acmeOffers.subList(0, 3), 6);
            performance(m, acme, summit, List.of(acmeOffers.get(0)), 6);
            s.commit();
        }
        bulkPartners(acme, acmePartners, new long[] {cm, cm2, admin}, acmeOffers, hash, "acme", progress);
        bulkPartners(bolt, Math.max(10, acmePartners / 10), new long[] {boltCm}, boltOffers, hash, "bolt", n -> { });
        bulkPartners(cedar, Math.max(10, acmePartners / 10), new long[] {cedarCm}, cedarOffers, hash, "cedar", n -> { });
        return new DemoPrograms(acme, bolt, cedar);
    }

    /**
     * The ids of the generated programs.
     *
     * @param acme Acme Outdoor (advanced plan)
     * @param bolt Bolt Fitness (starter plan)
     * @param cedar Cedar Software (partner plan)
     */
    public record DemoPrograms(long acme, long bolt, long cedar) {
    }

    private long namedPartner(PartnerMapper m, String name, String email, String hash, Instant now, String[][] members) {
        PartnerInsert p = new PartnerInsert(name, email, now);
        m.insertPartner(p);
        for (String[] member : members) {
            m.insertMember(p.id, member[0], member[1], member[2], member[3], hash, now);
        }
        return p.id;
    }

    private void performance(PartnerMapper m, long program, long partner, List<Long> offers, int months) {
        YearMonth current = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        for (long offer : offers) {
            for (int i = 0; i <= months; i++) {
                int clicks = 50 + random.nextInt(500);
                int conversions = clicks / (5 + random.nextInt(20));
                BigDecimal revenue = BigDecimal.valueOf(conversions * (20 + random.nextInt(80))).setScale(2, RoundingMode.HALF_UP);
                m.insertPerformance(program, partner, offer, current.minusMonths(i), revenue, conversions, clicks);
            }
        }
    }

    /** Writes generated partners with plain JDBC batches: fast enough for 100k partners. */
    private void bulkPartners(long program, int count, long[] managers, List<Long> offers, String hash, String domain,
            LongConsumer progress) {
        Instant now = clock.instant();
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        // a commit (and a progress report) per batch: large batches at scale, small ones for a visible progress bar
        int batch = count >= 20_000 ? 1000 : 100;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long firstId;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM partner")) {
                rs.next();
                firstId = rs.getLong(1) + 1;
            }
            try (PreparedStatement partner = c.prepareStatement(
                    "INSERT INTO partner (id, name, email, last_login_at, created_at) VALUES (?, ?, ?, ?, ?)");
                    PreparedStatement member = c.prepareStatement("INSERT INTO partner_member "
                            + "(partner_id, name, first_name, email, phone, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement ship = c.prepareStatement("INSERT INTO partnership "
                            + "(program_id, partner_id, status, manager_id, joined_at) VALUES (?, ?, ?, ?, ?)");
                    PreparedStatement tag = c.prepareStatement(
                            "INSERT IGNORE INTO partner_tag (program_id, partner_id, tag) VALUES (?, ?, ?)");
                    PreparedStatement programTag = c.prepareStatement(
                            "INSERT IGNORE INTO program_tag (program_id, tag) VALUES (?, ?)");
                    PreparedStatement searchChanged = c.prepareStatement("INSERT INTO partner_search_version "
                            + "(program_id, version) VALUES (?, 1) ON DUPLICATE KEY UPDATE version = version + 1");
                    PreparedStatement searchLog = c.prepareStatement("INSERT INTO partner_search_change "
                            + "(program_id, version, partner_id) SELECT v.program_id, v.version, ps.partner_id"
                            + " FROM partner_search_version v JOIN partnership ps ON ps.program_id = v.program_id"
                            + " WHERE v.program_id = ? AND ps.partner_id BETWEEN ? AND ?");
                    PreparedStatement approval = c.prepareStatement(
                            "INSERT INTO offer_approval (offer_id, partner_id, status) VALUES (?, ?, ?)");
                    PreparedStatement perf = c.prepareStatement("INSERT INTO performance_month "
                            + "(program_id, partner_id, offer_id, month, revenue, conversions, clicks) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                java.util.Set<String> tagsInBatch = new java.util.HashSet<>();
                long batchFirstId = firstId;
                for (int i = 0; i < count; i++) {
                    long id = firstId + i;
                    String name = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " "
                            + KINDS[random.nextInt(KINDS.length)] + " " + id;
                    String slug = "p" + id;
                    partner.setLong(1, id);
                    partner.setString(2, name);
                    partner.setString(3, "contact@" + slug + "." + domain + ".test");
                    Instant joined = now.minus(Duration.ofDays(random.nextInt(900)));
                    partner.setTimestamp(4, random.nextInt(5) == 0 ? null
                            : Timestamp.from(now.minus(Duration.ofHours(random.nextInt(24 * 120)))));
                    partner.setTimestamp(5, Timestamp.from(joined));
                    partner.addBatch();
                    int members = 1 + random.nextInt(3);
                    for (int k = 0; k < members; k++) {
                        String first = FIRST[random.nextInt(FIRST.length)];
                        String last = LAST[random.nextInt(LAST.length)];
                        member.setLong(1, id);
                        member.setString(2, first + " " + last);
                        member.setString(3, first);
                        member.setString(4, (first + "." + last + "." + k + "@" + slug + "." + domain + ".test").toLowerCase(Locale.ROOT));
                        member.setString(5, String.format("+1555%07d", id * 3 + k));
                        member.setString(6, hash);
                        member.setTimestamp(7, Timestamp.from(joined));
                        member.addBatch();
                    }
                    int roll = random.nextInt(10);
                    PartnershipStatus status = roll < 7 ? PartnershipStatus.APPROVED
                            : roll < 9 ? PartnershipStatus.PENDING : PartnershipStatus.DECLINED;
                    ship.setLong(1, program);
                    ship.setLong(2, id);
                    ship.setString(3, status.name());
                    if (random.nextInt(6) == 0) {
                        ship.setNull(4, java.sql.Types.BIGINT);
                    } else {
                        ship.setLong(4, managers[random.nextInt(managers.length)]);
                    }
                    ship.setTimestamp(5, Timestamp.from(joined));
                    ship.addBatch();
                    int tags = random.nextInt(3);
                    for (int k = 0; k < tags; k++) {
                        String t = TAGS[random.nextInt(TAGS.length)];
                        tag.setLong(1, program);
                        tag.setLong(2, id);
                        tag.setString(3, t);
                        tag.addBatch();
                        tagsInBatch.add(t);
                    }
                    if (status == PartnershipStatus.APPROVED) {
                        List<Long> shuffled = new ArrayList<>(offers);
                        java.util.Collections.shuffle(shuffled, random);
                        int approved = 1 + random.nextInt(offers.size());
                        for (long offer : shuffled.subList(0, approved)) {
                            approval.setLong(1, offer);
                            approval.setLong(2, id);
                            approval.setString(3, "APPROVED");
                            approval.addBatch();
                            for (int back = 0; back < 3; back++) {
                                int clicks = random.nextInt(400);
                                int conv = clicks / (5 + random.nextInt(30));
                                perf.setLong(1, program);
                                perf.setLong(2, id);
                                perf.setLong(3, offer);
                                perf.setString(4, month.minusMonths(back).toString());
                                perf.setBigDecimal(5, BigDecimal.valueOf(conv * (10 + random.nextInt(90))));
                                perf.setInt(6, conv);
                                perf.setInt(7, clicks);
                                perf.addBatch();
                            }
                        }
                    }
                    if ((i + 1) % batch == 0 || i == count - 1) {
                        partner.executeBatch();
                        member.executeBatch();
                        ship.executeBatch();
                        tag.executeBatch();
                        // the program's tag list commits with the partners' tags (see PartnerMapper#tag)
                        for (String t : tagsInBatch) {
                            programTag.setLong(1, program);
                            programTag.setString(2, t);
                            programTag.addBatch();
                        }
                        programTag.executeBatch();
                        tagsInBatch.clear();
                        approval.executeBatch();
                        perf.executeBatch();
                        // the new partners are found by name and e-mail once this commits (see PartnerSearchIndex)
                        searchChanged.setLong(1, program);
                        searchChanged.executeUpdate();
                        searchLog.setLong(1, program);
                        searchLog.setLong(2, batchFirstId);
                        searchLog.setLong(3, id);
                        searchLog.executeUpdate();
                        batchFirstId = id + 1;
                        c.commit();
                        progress.accept(i + 1);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Demo data generation failed: " + e.getMessage(), e);
        }
    }

    private long program(String name, String plan) {
        return insert("INSERT INTO program (name, plan_key, created_at) VALUES (?, ?, ?)", name, plan,
                Timestamp.from(clock.instant()));
    }

    private long brandUser(long program, String email, String name, String hash, boolean platformAdmin, String role) {
        long id = insert("INSERT INTO brand_user (program_id, email, name, password_hash, platform_admin, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", program, email, name, hash, platformAdmin, Timestamp.from(clock.instant()));
        insert("INSERT INTO brand_user_role (user_id, role_id) SELECT ?, id FROM role WHERE builtin AND name = ?", id, role);
        return id;
    }

    private List<Long> offers(long program, String[][] offers) {
        List<Long> ids = new ArrayList<>();
        try (SqlSession s = sessions.openSession(true)) {
            for (String[] o : offers) {
                OfferInsert insert = new OfferInsert(program, o[0], o[1]);
                s.getMapper(PartnerMapper.class).insertOffer(insert);
                ids.add(insert.id);
            }
        }
        return ids;
    }

    private long insert(String sql, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
