package dev.parley.banners;

import dev.parley.api.plugin.HostServices;
import dev.parley.banners.analytics.AnalyticsMapper;
import dev.parley.banners.analytics.BannerAnalytics;
import dev.parley.banners.banner.BannerMapper;
import dev.parley.banners.banner.BannerService;
import dev.parley.banners.banner.UnusedImages;
import dev.parley.banners.display.BannerDisplay;
import dev.parley.banners.index.BannerIndexer;
import dev.parley.banners.targeting.BannerAudience;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/** The plugin's services, wired once per start. */
public final class BannersServices implements AutoCloseable {

    private final HostServices host;
    private final SqlSessionFactory sessions;
    private final BannerAudience audience;
    private final BannerIndexer indexer;
    private final BannerAnalytics analytics;
    private final BannerService banners;
    private final BannerDisplay display;
    private final UnusedImages unusedImages;

    public BannersServices(HostServices host) {
        this.host = host;
        this.sessions = sessionFactory(host);
        this.audience = new BannerAudience(host);
        this.indexer = new BannerIndexer(sessions, host, audience);
        this.analytics = new BannerAnalytics(sessions, host);
        this.banners = new BannerService(sessions, host, audience, indexer::programChanged);
        this.display = new BannerDisplay(sessions, host, indexer.index(), analytics);
        this.unusedImages = new UnusedImages(sessions, host);
        indexer.start();
        unusedImages.start();
    }

    private static SqlSessionFactory sessionFactory(HostServices host) {
        // MyBatis is private to this plugin; let it resolve type names and mapper XML through the plugin's loader.
        Resources.setDefaultClassLoader(BannersServices.class.getClassLoader());
        Configuration config = new Configuration(new Environment(BannersPlugin.ID, new JdbcTransactionFactory(),
                host.dataSource()));
        config.setMapUnderscoreToCamelCase(true);
        config.setArgNameBasedConstructorAutoMapping(true);
        config.addMapper(BannerMapper.class);
        config.addMapper(AnalyticsMapper.class);
        return new SqlSessionFactoryBuilder().build(config);
    }

    public HostServices host() {
        return host;
    }

    public BannerAudience audience() {
        return audience;
    }

    public BannerIndexer indexer() {
        return indexer;
    }

    public BannerAnalytics analytics() {
        return analytics;
    }

    public BannerService banners() {
        return banners;
    }

    public BannerDisplay display() {
        return display;
    }

    public UnusedImages unusedImages() {
        return unusedImages;
    }

    @Override
    public void close() {
        unusedImages.close();
        indexer.close();
    }
}
