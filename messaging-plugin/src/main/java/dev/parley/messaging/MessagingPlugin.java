package dev.parley.messaging;

import dev.parley.api.event.EventBus;
import dev.parley.api.event.PartnerJoined;
import dev.parley.api.event.SampleDataCreated;
import dev.parley.messaging.demo.SampleConversations;
import dev.parley.api.event.PartnerUpdated;
import dev.parley.api.event.PartnershipStatusChanged;
import dev.parley.api.plugin.ParleyPlugin;
import java.util.ArrayList;
import java.util.List;

/**
 * The messaging plugin: migrates its tables and builds its services on start. Pages reach the
 * services through {@link #get()}, which is per plugin class loader.
 */
public class MessagingPlugin extends ParleyPlugin {

    /** Plugin id, also the name of its migration history. */
    public static final String ID = "parley-messaging";
    /** Feature key gated by plans. */
    public static final String FEATURE = "messaging";

    private static volatile MessagingPlugin running;
    private MessagingServices services;
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();

    /** @return the running plugin */
    public static MessagingPlugin get() {
        MessagingPlugin p = running;
        if (p == null) {
            throw new IllegalStateException("The messaging plugin is not running");
        }
        return p;
    }

    @Override
    public void start() {
        host().schema().migrate(ID, MessagingPlugin.class.getClassLoader(), "dev/parley/messaging/db");
        services = new MessagingServices(host());
        EventBus events = host().events();
        // The inbox filters on copies of partner data: keep them current.
        subscriptions.add(events.subscribe(PartnerUpdated.class,
                e -> services.conversations().refreshPartner(e.programId(), e.partnerId())));
        subscriptions.add(events.subscribe(PartnershipStatusChanged.class,
                e -> services.conversations().refreshPartner(e.programId(), e.partnerId())));
        subscriptions.add(events.subscribe(PartnerJoined.class,
                e -> services.conversations().refreshPartner(e.programId(), e.partnerId())));
        subscriptions.add(events.subscribe(SampleDataCreated.class,
                e -> new SampleConversations(host(), services.conversations()).create(e.programId())));
        services.start();
        running = this;
    }

    @Override
    public void stop() {
        running = null;
        subscriptions.forEach(EventBus.Subscription::close);
        subscriptions.clear();
        if (services != null) {
            services.close();
            services = null;
        }
    }

    public MessagingServices services() {
        return services;
    }
}
