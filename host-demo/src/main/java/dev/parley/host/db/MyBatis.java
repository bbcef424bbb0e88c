package dev.parley.host.db;

import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/** Builds the host's MyBatis session factory; each mapper interface has its XML beside it. */
public final class MyBatis {

    private MyBatis() {
    }

    public static SqlSessionFactory sessionFactory(DataSource dataSource, Class<?>... mappers) {
        Configuration config = new Configuration(new Environment("host", new JdbcTransactionFactory(), dataSource));
        config.setMapUnderscoreToCamelCase(true);
        config.setArgNameBasedConstructorAutoMapping(true);
        config.setDefaultFetchSize(500);
        for (Class<?> mapper : mappers) {
            config.addMapper(mapper);
        }
        return new SqlSessionFactoryBuilder().build(config);
    }
}
