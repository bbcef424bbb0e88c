package dev.parley.banners;

import dev.parley.api.feature.Plans;
import dev.parley.api.partner.Offer;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.partner.Program;
import dev.parley.api.testing.FixtureHost;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.api.user.UserKind;
import dev.parley.banners.banner.BannerDraft;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A program with partners for banner tests: a fixture host on a fresh MariaDB database, the plugin's
 * migrations applied, its services running (as the plugin would on start), and a few partners:
 * Trail (Influencers, approved, approved for the Jackets offer, revenue 500 last month, two members),
 * Summit (Coupon sites, approved), Pending Co (pending). A second program Other exists.
 */
public final class BannersFixture implements AutoCloseable {

    public final FixtureHost host;
    public final Program program;
    public final Program other;
    public final Offer jackets;
    public final Partner trail;
    public final Partner summit;
    public final Partner pending;
    public final PartnerMember maya;
    public final PartnerMember tom;
    public final PartnerMember leo;
    public final PartnerMember pat;
    public final CurrentUser manager;
    public BannersServices services;

    public BannersFixture(String name) {
        host = FixtureHost.create(name);
        var d = host.directory();
        program = d.addProgram("Acme Outdoor", Plans.ADVANCED);
        other = d.addProgram("Bolt Fitness", Plans.STARTER);
        host.enableFeature(program.id(), BannersPlugin.FEATURE);
        jackets = d.addOffer(program.id(), "Winter Jackets", "Acme Apparel");
        trail = d.addPartner(program.id(), "Trail Blazers", "hello@trail.test", PartnershipStatus.APPROVED, "Influencers", "VIP");
        summit = d.addPartner(program.id(), "Summit Deals", "team@summit.test", PartnershipStatus.APPROVED, "Coupon sites");
        pending = d.addPartner(program.id(), "Pending Co", "hi@pending.test", PartnershipStatus.PENDING);
        maya = d.addMember(trail.id(), "Maya Garcia", "maya@trail.test", null);
        tom = d.addMember(trail.id(), "Tom Reed", "tom@trail.test", null);
        leo = d.addMember(summit.id(), "Leo Chen", "leo@summit.test", null);
        pat = d.addMember(pending.id(), "Pat Doe", "pat@pending.test", null);
        d.approve(jackets.id(), trail.id());
        d.setPerformance(program.id(), trail.id(), YearMonth.of(2026, 10), new BigDecimal("500.00"), 5);
        manager = brand(program.id(), ZoneId.of("UTC"), Permissions.BANNERS);
        start();
    }

    /** Starts (or restarts) the plugin's services, as the plugin does on start. */
    public void start() {
        if (services != null) {
            services.close();
        }
        host.schema().migrate(BannersPlugin.ID, BannersPlugin.class.getClassLoader(), "dev/parley/banners/db");
        services = new BannersServices(host);
        BannersPlugin.runForTests(new BannersPlugin(), services);
    }

    public static CurrentUser brand(long programId, ZoneId zone, String... permissions) {
        return new CurrentUser(7, UserKind.BRAND, "Carlos Manager", "cm@acme.test", programId, null, Set.of("Community Manager"),
                Set.of(permissions), false, zone, Locale.ENGLISH);
    }

    public CurrentUser member(PartnerMember m) {
        return new CurrentUser(m.id(), UserKind.PARTNER, m.name(), m.email(), program.id(), m.partnerId(), Set.of(), Set.of(),
                false, ZoneId.of("UTC"), Locale.ENGLISH);
    }

    /** @return a valid draft shown to all partners from now on */
    public static BannerDraft draft(String headline) {
        BannerDraft d = new BannerDraft();
        d.setInternalName("Banner " + headline);
        d.setHeadline(headline);
        d.setBody("Hello **{partner_name}**!");
        return d;
    }

    /** Publishes a draft as the manager. */
    public long publish(BannerDraft d) {
        return services.banners().save(manager, null, d, true);
    }

    /** @return headlines the member sees on the dashboard, in order */
    public List<String> seenBy(PartnerMember m) {
        return services.display().active(member(m), dev.parley.banners.banner.Placement.DASHBOARD).stream()
                .map(b -> b.headline()).toList();
    }

    @Override
    public void close() {
        services.close();
    }
}
