package dev.parley.messaging;

import dev.parley.api.plugin.HostServices;
import dev.parley.messaging.attachment.AttachmentStore;
import dev.parley.messaging.attachment.ClamdScanner;
import dev.parley.messaging.attachment.VirusScanner;
import dev.parley.messaging.audience.AudienceMapper;
import dev.parley.messaging.audience.AudienceService;
import dev.parley.messaging.broadcast.BroadcastMapper;
import dev.parley.messaging.broadcast.BroadcastService;
import dev.parley.messaging.broadcast.BulkScheduler;
import dev.parley.messaging.broadcast.OpenTokens;
import dev.parley.messaging.broadcast.SendJob;
import dev.parley.messaging.channel.email.EmailNotifier;
import dev.parley.messaging.channel.email.ImapPoller;
import dev.parley.messaging.channel.email.InboundEmailReader;
import dev.parley.messaging.channel.email.ReplyAddress;
import dev.parley.messaging.channel.sms.LoggingSmsGateway;
import dev.parley.messaging.channel.sms.SmsGateway;
import dev.parley.messaging.channel.sms.SmsService;
import dev.parley.messaging.conversation.ConversationMapper;
import dev.parley.messaging.conversation.ConversationService;
import dev.parley.messaging.inbox.InboxMapper;
import dev.parley.messaging.inbox.InboxService;
import dev.parley.messaging.search.InboxMessageSource;
import dev.parley.messaging.search.MessageSearch;
import dev.parley.messaging.settings.SettingsMapper;
import dev.parley.messaging.settings.SettingsService;
import java.time.Instant;
import java.util.Optional;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/** The plugin's services, wired once per start. */
public final class MessagingServices implements AutoCloseable {

    private final HostServices host;
    private final MessagingConfig config;
    private final SqlSessionFactory sessions;
    private final SettingsService settings;
    private final AttachmentStore attachments;
    private final ConversationService conversations;
    private final InboxService inbox;
    private final EmailNotifier email;
    private final SmsService sms;
    private final Optional<ImapPoller> imap;
    private final AudienceService audiences;
    private final SendJob sendJob;
    private final BulkScheduler bulkScheduler;
    private final BroadcastService broadcasts;
    private volatile MessageSearch search;

    public MessagingServices(HostServices host) {
        this(host, MessagingConfig.from(host), new LoggingSmsGateway());
    }

    /**
     * @param gateway where text messages go
     */
    public MessagingServices(HostServices host, MessagingConfig config, SmsGateway gateway) {
        this(host, config, gateway, BulkScheduler.PRODUCTION);
    }

    /**
     * @param schedulerFactory builds the bulk-message scheduler (tests pass db-scheduler's manual one)
     */
    public MessagingServices(HostServices host, MessagingConfig config, SmsGateway gateway,
            BulkScheduler.Factory schedulerFactory) {
        this.host = host;
        this.config = config;
        this.sessions = sessionFactory(host);
        this.settings = new SettingsService(sessions, host);
        VirusScanner scanner = config.clamdHost()
                .<VirusScanner>map(h -> new ClamdScanner(h, config.clamdPort(), config.clamdTimeoutMillis()))
                .orElse(VirusScanner.NONE);
        this.attachments = new AttachmentStore(host.dataDirectory(MessagingPlugin.ID).resolve("attachments"),
                config.maxFileBytes(), scanner);
        Optional<ReplyAddress> reply = config.replyAddress().map(ReplyAddress::new);
        this.email = new EmailNotifier(host, settings, reply, config.baseUrl());
        SmsService[] smsRef = new SmsService[1];
        this.conversations = new ConversationService(sessions, host, settings, attachments, (c, m, alsoSms) -> {
            email.notify(c, m);
            if (alsoSms) {
                smsRef[0].send(c, m);
            }
        });
        this.sms = new SmsService(sessions, host, gateway, conversations);
        smsRef[0] = sms;
        this.inbox = new InboxService(sessions, host);
        this.imap = config.imap().map(i -> new ImapPoller(i, new InboundEmailReader(reply.orElseThrow(
                () -> new IllegalArgumentException("messaging.imap.host needs messaging.email.reply.address")),
                host.partners(), token -> {
                    try (SqlSession s = sessions.openSession()) {
                        return Optional.ofNullable(s.getMapper(ConversationMapper.class).conversationByToken(token));
                    }
                }, i.maxMailBytes()), conversations, config.clamdHost().isPresent()));
        this.audiences = new AudienceService(sessions, host);
        OpenTokens tokens = OpenTokens.fromSettingOrFile(host.setting("messaging.tracking.secret"),
                host.dataDirectory(MessagingPlugin.ID));
        this.sendJob = new SendJob(sessions, host, tokens, config.baseUrl());
        this.bulkScheduler = new BulkScheduler(host.dataSource(), schedulerFactory, sendJob::run);
        sendJob.setScheduler(bulkScheduler);
        this.broadcasts = new BroadcastService(sessions, host, audiences, conversations, sendJob, () -> bulkScheduler,
                tokens);
    }

    private static SqlSessionFactory sessionFactory(HostServices host) {
        // MyBatis is private to this plugin; let it resolve type names through the plugin's loader.
        Resources.setDefaultClassLoader(MessagingServices.class.getClassLoader());
        Configuration config = new Configuration(new Environment(MessagingPlugin.ID, new JdbcTransactionFactory(),
                host.dataSource()));
        config.setMapUnderscoreToCamelCase(true);
        config.setArgNameBasedConstructorAutoMapping(true);
        config.getTypeHandlerRegistry().register(Instant.class, new UtcInstantTypeHandler());
        config.addMapper(SettingsMapper.class);
        config.addMapper(ConversationMapper.class);
        config.addMapper(InboxMapper.class);
        config.addMapper(AudienceMapper.class);
        config.addMapper(BroadcastMapper.class);
        return new SqlSessionFactoryBuilder().build(config);
    }

    /** Starts background work (the IMAP poller, when configured, and the bulk-message scheduler). */
    public void start() {
        imap.ifPresent(ImapPoller::start);
        bulkScheduler.start();
        sendJob.resumeInterrupted();
        InboxMessageSource messages = new InboxMessageSource(host.dataSource());
        startSearch(new MessageSearch(host, messages, messages));
    }

    public AudienceService audiences() {
        return audiences;
    }

    public BroadcastService broadcasts() {
        return broadcasts;
    }

    public BulkScheduler bulkScheduler() {
        return bulkScheduler;
    }

    public HostServices host() {
        return host;
    }

    public MessagingConfig config() {
        return config;
    }

    public SqlSessionFactory sessions() {
        return sessions;
    }

    public SettingsService settings() {
        return settings;
    }

    public AttachmentStore attachments() {
        return attachments;
    }

    public ConversationService conversations() {
        return conversations;
    }

    public InboxService inbox() {
        return inbox;
    }

    public EmailNotifier email() {
        return email;
    }

    public SmsService sms() {
        return sms;
    }

    /** @return the IMAP poller, when configured */
    public Optional<ImapPoller> imap() {
        return imap;
    }

    /**
     * @return message search over the inbox's tables
     * @throws IllegalStateException before {@link #start()}
     */
    public MessageSearch search() {
        MessageSearch s = search;
        if (s == null) {
            throw new IllegalStateException("Message search is not started");
        }
        return s;
    }

    /** Starts message search (its index, follower and rebuilds), replacing the one running. */
    public void startSearch(MessageSearch messageSearch) {
        MessageSearch old = search;
        search = null;
        if (old != null) {
            old.close();
        }
        messageSearch.start();
        search = messageSearch;
    }

    @Override
    public void close() {
        imap.ifPresent(ImapPoller::close);
        MessageSearch s = search;
        search = null;
        if (s != null) {
            s.close();
        }
        sendJob.stop();
        bulkScheduler.close();
    }
}
