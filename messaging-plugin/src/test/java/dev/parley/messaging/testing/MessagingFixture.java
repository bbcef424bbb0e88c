package dev.parley.messaging.testing;

import dev.parley.api.partner.Offer;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.partner.Program;
import dev.parley.api.testing.FixtureDirectory;
import dev.parley.api.testing.FixtureHost;
import dev.parley.api.testing.TestClamd;
import dev.parley.api.user.BrandUser;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessagingConfig;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.MessagingServices;
import dev.parley.messaging.channel.sms.SmsGateway;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Two programs on a fixture host with a fresh MariaDB database: Acme (messaging on) with three
 * partners, their members, managers, groups and offers; Bolt (messaging off). Services are wired as
 * the plugin wires them, with a recording SMS gateway, the test clamd and a reply mailbox.
 */
public final class MessagingFixture {

    public static final String REPLY_ADDRESS = "reply@parley.test";

    public final FixtureHost host;
    public final Program acme;
    public final Program bolt;
    public final BrandUser carlos;
    public final BrandUser chloe;
    public final Partner trail;
    public final Partner summit;
    public final Partner cedar;
    public final PartnerMember maya;
    public final PartnerMember tom;
    public final PartnerMember leo;
    public final PartnerMember cora;
    public final Offer winter;
    public final Offer kayak;
    public final List<String[]> texts = new CopyOnWriteArrayList<>();
    public MessagingServices services;

    public MessagingFixture(String name) {
        host = FixtureHost.create(name);
        FixtureDirectory d = host.directory();
        acme = d.addProgram("Acme Outdoor", "advanced");
        bolt = d.addProgram("Bolt Fitness", "starter");
        host.enableFeature(acme.id(), MessagingPlugin.FEATURE);
        carlos = d.addBrandUser(acme.id(), "Carlos Manager", "cm@acme.test");
        chloe = d.addBrandUser(acme.id(), "Chloe Manager", "cm2@acme.test");
        trail = d.addPartner(acme.id(), d.nextId(), "Trail Blazers Media", "hello@trailblazers.test",
                PartnershipStatus.APPROVED, List.of("Influencers", "VIP"), carlos, Instant.parse("2025-01-01T00:00:00Z"));
        summit = d.addPartner(acme.id(), d.nextId(), "Summit Deals", "team@summitdeals.test",
                PartnershipStatus.PENDING, List.of("Coupon sites"), chloe, Instant.parse("2025-02-01T00:00:00Z"));
        cedar = d.addPartner(acme.id(), d.nextId(), "Cedar Reviews", "team@cedar.test",
                PartnershipStatus.DECLINED, List.of(), null, Instant.parse("2025-03-01T00:00:00Z"));
        maya = d.addMember(trail.id(), "Maya Garcia", "maya@trailblazers.test", "+15550100001");
        tom = d.addMember(trail.id(), "Tom Reed", "tom@trailblazers.test", "+15550100002");
        leo = d.addMember(summit.id(), "Leo Chen", "leo@summitdeals.test", "+15550100003");
        cora = d.addMember(cedar.id(), "Cora Lane", "cora@cedar.test", null);
        winter = d.addOffer(acme.id(), "Winter Jackets", "Acme Apparel");
        kayak = d.addOffer(acme.id(), "Kayak Rentals", "Acme Water");
        d.approve(winter.id(), trail.id());
        d.approve(kayak.id(), summit.id());
        host.setSetting("messaging.clamd.host", TestClamd.get().host());
        host.setSetting("messaging.clamd.port", String.valueOf(TestClamd.get().port()));
        host.setSetting("messaging.attachment.max.mb", "1");
        host.setSetting("messaging.email.reply.address", REPLY_ADDRESS);
        host.setSetting("messaging.sms.secret", "test-secret");
        host.schema().migrate(MessagingPlugin.ID, MessagingPlugin.class.getClassLoader(), "dev/parley/messaging/db");
        rewire();
    }

    /** Builds the services again, after settings changed. */
    public MessagingServices rewire() {
        SmsGateway gateway = (phone, text) -> {
            texts.add(new String[] {phone, text});
            return "t" + texts.size();
        };
        services = new MessagingServices(host, MessagingConfig.from(host), gateway);
        return services;
    }

    /** Carlos: a Community Manager of Acme. */
    public CurrentUser carlosUser() {
        return FixtureHost.brandUser(carlos.id(), acme.id(), carlos.name(), Permissions.MESSAGING);
    }

    /** Chloe: another Community Manager of Acme. */
    public CurrentUser chloeUser() {
        return FixtureHost.brandUser(chloe.id(), acme.id(), chloe.name(), Permissions.MESSAGING);
    }

    public CurrentUser member(PartnerMember m) {
        return FixtureHost.partnerMember(m.id(), acme.id(), m.partnerId(), m.name());
    }
}
