package dev.parley.messaging;

import dev.parley.api.plugin.HostServices;
import dev.parley.messaging.inbox.ConversationMapper;
import dev.parley.messaging.inbox.InboxService;
import dev.parley.messaging.search.MessageSearch;
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
    private volatile MessageSearch search;

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

    /**
     * @return message search
     * @throws IllegalStateException until the inbox's message source has been attached
     */
    public MessageSearch search() {
        MessageSearch s = search;
        if (s == null) {
            throw new IllegalStateException("Message search has no message source yet");
        }
        return s;
    }

    /** Attaches and starts message search over a message source (the inbox's tables). */
    public void startSearch(MessageSearch messageSearch) {
        MessageSearch old = search;
        search = messageSearch;
        messageSearch.start();
        if (old != null) {
            old.close();
        }
    }

    @Override
    public void close() {
        MessageSearch s = search;
        search = null;
        if (s != null) {
            s.close();
        }
    }
}
