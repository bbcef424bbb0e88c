package dev.parley.api.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class TestDatabaseTest {

    @Test
    void eachCallerGetsItsOwnEmptyDatabaseOnARealMariaDb() throws Exception {
        DataSource first = TestDatabase.newDatabase("first");
        DataSource second = TestDatabase.newDatabase("second");
        try (Connection a = first.getConnection(); Connection b = second.getConnection();
                Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            ResultSet version = sa.executeQuery("SELECT VERSION()");
            version.next();
            assertTrue(version.getString(1).contains("MariaDB"), version.getString(1));
            sa.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            sa.execute("INSERT INTO t VALUES (1)");
            ResultSet tables = sb.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()");
            tables.next();
            assertEquals(0, tables.getInt(1));
            assertNotEquals(a.getCatalog(), b.getCatalog());
        }
    }
}
