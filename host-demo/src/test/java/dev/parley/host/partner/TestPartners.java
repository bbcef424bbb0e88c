package dev.parley.host.partner;

import dev.parley.host.partner.PartnerMapper.PartnerInsert;
import dev.parley.host.testing.TestHost;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
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

    /** @return the generated id of the row the statement inserts */
    static long insert(Statement st, String sql) throws Exception {
        st.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
        try (ResultSet rs = st.getGeneratedKeys()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
