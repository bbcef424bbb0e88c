package dev.parley.messaging;

import dev.parley.api.plugin.HostServices;
import dev.parley.messaging.inbox.ConversationMapper;
import dev.parley.messaging.inbox.InboxService;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/** The plugin's services, wired once per start. */
public final class MessagingServices implements AutoCloseable {

    private final HostServices host;
    private final SqlSessionFactory sessions;
    private final InboxService inbox;

    public MessagingServices(HostServices host) {
        this.host = host;
        this.sessions = sessionFactory(host);
        this.inbox = new InboxService(sessions, host);
    }

    private static SqlSessionFactory sessionFactory(HostServices host) {
        // MyBatis is private to this plugin; let it resolve type names through the plugin's loader.
        Resources.setDefaultClassLoader(MessagingServices.class.getClassLoader());
        Configuration config = new Configuration(new Environment(MessagingPlugin.ID, new JdbcTransactionFactory(),
                host.dataSource()));
        config.setMapUnderscoreToCamelCase(true);
        config.setArgNameBasedConstructorAutoMapping(true);
        config.addMapper(ConversationMapper.class);
        return new SqlSessionFactoryBuilder().build(config);
    }

    public HostServices host() {
        return host;
    }

    public SqlSessionFactory sessions() {
        return sessions;
    }

    public InboxService inbox() {
        return inbox;
    }

    @Override
    public void close() {
        // nothing long-lived yet
    }
}
