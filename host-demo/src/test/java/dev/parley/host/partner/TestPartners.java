package dev.parley.host.partner;

import dev.parley.host.partner.PartnerMapper.PartnerInsert;
import dev.parley.host.testing.TestHost;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.ibatis.session.SqlSession;

/** Partners written through the host's own mapper, as the partner pages do, for the search tests. */
final class TestPartners {

    static final Instant JOINED = Instant.parse("2026-01-01T00:00:00Z");

    private TestPartners() {
    }

    /** @return the id of a new approved partner of the program, written in one transaction */
    static long add(TestHost host, long programId, String name, String email) {
        try (SqlSession s = host.host().sessions().openSession(false)) {
            PartnerMapper m = s.getMapper(PartnerMapper.class);
            PartnerInsert p = new PartnerInsert(name, email, JOINED);
            m.insertPartner(p);
            m.insertPartnership(programId, p.id, "APPROVED", null, JOINED);
            s.commit();
            return p.id;
        }
    }

    /**
     * Writes {@code count} partners of the program in one transaction (a batch import, as far as the
     * search's change log is concerned).
     *
     * @return their ids, in the order of {@code i} = 0 … count − 1
     */
    static List<Long> addMany(TestHost host, long programId, int count, IntFunction<String> name,
            IntFunction<String> email, IntFunction<String> status) {
        List<Long> ids = new ArrayList<>();
        try (SqlSession s = host.host().sessions().openSession(false)) {
            PartnerMapper m = s.getMapper(PartnerMapper.class);
            for (int i = 0; i < count; i++) {
                PartnerInsert p = new PartnerInsert(name.apply(i), email.apply(i), JOINED);
                m.insertPartner(p);
                m.insertPartnership(programId, p.id, status.apply(i), null, JOINED);
                ids.add(p.id);
            }
            s.commit();
        }
        return ids;
    }

    /** @return the generated id of the row the statement inserts */
    static long insert(Statement st, String sql) throws Exception {
        st.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
        try (ResultSet rs = st.getGeneratedKeys()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
