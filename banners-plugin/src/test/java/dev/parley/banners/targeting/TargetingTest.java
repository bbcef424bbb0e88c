package dev.parley.banners.targeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.audience.SavedAudience;
import dev.parley.api.audience.SavedAudiences;
import dev.parley.api.event.PartnerJoined;
import dev.parley.api.event.PartnerUpdated;
import dev.parley.api.event.PartnershipStatusChanged;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.partner.PartnerRule;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.banners.BannersFixture;
import dev.parley.banners.banner.AudienceKind;
import dev.parley.banners.banner.BannerDraft;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each audience kind and rule kind decides who sees a banner; partner events refresh the index. */
class TargetingTest {

    private BannersFixture f;

    @BeforeEach
    void setUp() {
        f = new BannersFixture("bnr_target");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private BannerDraft rules(String headline) {
        BannerDraft d = BannersFixture.draft(headline);
        d.setAudienceKind(AudienceKind.RULES);
        return d;
    }

    private void assertSeenOnlyBy(String headline, PartnerMember... members) {
        List<PartnerMember> all = List.of(f.maya, f.leo, f.pat);
        for (PartnerMember m : all) {
            boolean expected = List.of(members).contains(m);
            assertEquals(expected, f.seenBy(m).contains(headline), m.name() + " sees " + headline);
        }
    }

    @Test
    void allPartners() {
        f.publish(BannersFixture.draft("For everyone"));
        assertSeenOnlyBy("For everyone", f.maya, f.leo, f.pat);
    }

    @Test
    void tagRule() {
        BannerDraft d = rules("Influencers only");
        d.setRuleTag("Influencers");
        f.publish(d);
        assertSeenOnlyBy("Influencers only", f.maya);
    }

    @Test
    void statusRule() {
        BannerDraft d = rules("Pending only");
        d.setRuleStatus(PartnershipStatus.PENDING);
        f.publish(d);
        assertSeenOnlyBy("Pending only", f.pat);
    }

    @Test
    void offerRule() {
        BannerDraft d = rules("Jackets partners");
        d.setRuleOfferId(f.jackets.id());
        f.publish(d);
        assertSeenOnlyBy("Jackets partners", f.maya);
    }

    @Test
    void performanceRule() {
        BannerDraft d = rules("Top earners");
        d.setRuleMinRevenue(new BigDecimal("400"));
        d.setRuleMonths(1);
        f.publish(d);
        assertSeenOnlyBy("Top earners", f.maya);
        BannerDraft high = rules("Huge earners");
        high.setRuleMinRevenue(new BigDecimal("501"));
        f.publish(high);
        assertSeenOnlyBy("Huge earners");
    }

    @Test
    void rulesCombineWithAnd() {
        BannerDraft d = rules("Approved coupon sites");
        d.setRuleTag("Coupon sites");
        d.setRuleStatus(PartnershipStatus.APPROVED);
        f.publish(d);
        assertSeenOnlyBy("Approved coupon sites", f.leo);
    }

    @Test
    void savedAudienceFromAnotherPlugin() {
        AtomicInteger uses = new AtomicInteger();
        SavedAudience summitAndPending = new SavedAudience(77, f.program.id(), "Summit and pending",
                new PartnerFilter(List.of(List.of(PartnerRule.tag("Coupon sites")), List.of(PartnerRule.status(PartnershipStatus.PENDING))),
                        null, java.util.Set.of()), 3);
        f.host.addExtension(SavedAudiences.class, new SavedAudiences() {
            @Override
            public List<SavedAudience> list(long programId) {
                return programId == f.program.id() ? List.of(summitAndPending) : List.of();
            }

            @Override
            public Optional<SavedAudience> find(long programId, long audienceId) {
                return programId == f.program.id() && audienceId == 77 ? Optional.of(summitAndPending) : Optional.empty();
            }

            @Override
            public void recordUse(long programId, long audienceId) {
                uses.incrementAndGet();
            }
        });
        assertEquals(List.of("Summit and pending"),
                f.services.audience().savedAudiences(f.program.id()).stream().map(SavedAudience::name).toList());
        BannerDraft d = BannersFixture.draft("Saved audience");
        d.setAudienceKind(AudienceKind.SAVED);
        d.setAudienceId(77L);
        f.publish(d);
        assertSeenOnlyBy("Saved audience", f.leo, f.pat);
        assertEquals(1, uses.get());
    }

    @Test
    void periodicRebuildCatchesChangesNoEventReports() {
        BannerDraft d = rules("Big earners");
        d.setRuleMinRevenue(new BigDecimal("100"));
        f.publish(d);
        assertFalse(f.seenBy(f.leo).contains("Big earners"));
        // Summit's October results arrive; no partner event says so.
        f.host.directory().setPerformance(f.program.id(), f.summit.id(), java.time.YearMonth.of(2026, 10), new BigDecimal("150"), 2);
        assertFalse(f.seenBy(f.leo).contains("Big earners"));
        f.services.indexer().rebuildAll();
        assertTrue(f.seenBy(f.leo).contains("Big earners"));
    }

    @Test
    void noSavedAudienceOfferedMeansNoChoice() {
        assertTrue(f.services.audience().savedAudiences(f.program.id()).isEmpty());
    }

    @Test
    void partnerEventsRefreshMembership() {
        BannerDraft d = rules("VIP news");
        d.setRuleTag("Coupon sites");
        f.publish(d);
        assertFalse(f.seenBy(f.maya).contains("VIP news"));
        // Trail gets the tag: the host updates its directory and publishes PartnerUpdated.
        f.host.directory().addPartner(f.program.id(), f.trail.id(), f.trail.name(), f.trail.email(), PartnershipStatus.APPROVED,
                List.of("Influencers", "Coupon sites"), null, f.trail.joinedAt());
        assertFalse(f.seenBy(f.maya).contains("VIP news"), "index unchanged until the host reports the change");
        f.host.events().publish(new PartnerUpdated(f.program.id(), f.trail.id()));
        assertTrue(f.seenBy(f.maya).contains("VIP news"));
        // Summit loses it.
        f.host.directory().addPartner(f.program.id(), f.summit.id(), f.summit.name(), f.summit.email(), PartnershipStatus.APPROVED,
                List.of(), null, f.summit.joinedAt());
        f.host.events().publish(new PartnerUpdated(f.program.id(), f.summit.id()));
        assertFalse(f.seenBy(f.leo).contains("VIP news"));
    }

    @Test
    void statusChangeAndJoinEventsRefreshMembership() {
        BannerDraft d = rules("Approved only");
        d.setRuleStatus(PartnershipStatus.APPROVED);
        f.publish(d);
        assertFalse(f.seenBy(f.pat).contains("Approved only"));
        f.host.directory().addPartner(f.program.id(), f.pending.id(), f.pending.name(), f.pending.email(), PartnershipStatus.APPROVED,
                List.of(), null, f.pending.joinedAt());
        f.host.events().publish(new PartnershipStatusChanged(f.program.id(), f.pending.id(), PartnershipStatus.PENDING,
                PartnershipStatus.APPROVED));
        assertTrue(f.seenBy(f.pat).contains("Approved only"));

        var newcomer = f.host.directory().addPartner(f.program.id(), f.host.directory().nextId(), "New Co", "new@co.test",
                PartnershipStatus.APPROVED, List.of(), null, Instant.parse("2026-11-01T00:00:00Z"));
        PartnerMember nina = f.host.directory().addMember(newcomer.id(), "Nina New", "nina@co.test", null);
        assertFalse(f.seenBy(nina).contains("Approved only"));
        f.host.events().publish(new PartnerJoined(f.program.id(), newcomer.id()));
        assertTrue(f.seenBy(nina).contains("Approved only"));
    }

    @Test
    void bannersOfOneProgramNeverReachAnother() {
        f.publish(BannersFixture.draft("Acme only"));
        var otherPartner = f.host.directory().addPartner(f.other.id(), f.trail.id(), f.trail.name(), f.trail.email(),
                PartnershipStatus.APPROVED, List.of(), null, f.trail.joinedAt());
        f.host.enableFeature(f.other.id(), dev.parley.banners.BannersPlugin.FEATURE);
        var mayaInBolt = new dev.parley.api.user.CurrentUser(f.maya.id(), dev.parley.api.user.UserKind.PARTNER, "Maya", "maya@trail.test",
                f.other.id(), otherPartner.id(), java.util.Set.of(), java.util.Set.of(), false, java.time.ZoneId.of("UTC"),
                java.util.Locale.ENGLISH);
        assertTrue(f.services.display().active(mayaInBolt, null).isEmpty());
        assertEquals(List.of("Acme only"), f.seenBy(f.maya));
    }
}
