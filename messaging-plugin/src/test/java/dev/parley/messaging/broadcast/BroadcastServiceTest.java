package dev.parley.messaging.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.audience.SavedAudience;
import dev.parley.api.partner.Offer;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.partner.PartnerRule;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.testing.FixtureHost;
import dev.parley.api.user.BrandUser;
import dev.parley.api.user.CurrentUser;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.MessagingServices;
import dev.parley.messaging.audience.Audience;
import dev.parley.messaging.conversation.Conversation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BroadcastServiceTest {

    private BroadcastFixture fx;
    private MessagingServices services;
    private BroadcastService bulk;
    private long programId;

    @BeforeEach
    void setUp() {
        fx = new BroadcastFixture("broadcast");
        services = fx.newServices();
        bulk = services.broadcasts();
        programId = fx.program.id();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private BulkDraft draft(String subject, String body) {
        BulkDraft d = bulk.newDraft(fx.manager);
        d.subject = subject;
        d.body = body;
        return d;
    }

    private Partner partner(String name, PartnershipStatus status, String... tags) {
        return fx.host.directory().addPartner(programId, name, name.toLowerCase().replace(' ', '.') + "@partners.test",
                status, tags);
    }

    private long sendAndRun(BulkDraft d) {
        long id = bulk.sendNow(fx.manager, d);
        assertEquals(SendJob.Outcome.SENT, bulk.job().run(id));
        return id;
    }

    private Map<Long, String> deliveries(long bulkId) {
        Map<Long, String> out = new HashMap<>();
        query("SELECT partner_id, body FROM msg_bulk_delivery WHERE bulk_id = " + bulkId, rs -> out.put(rs.getLong(1), rs.getString(2)));
        return out;
    }

    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowReader reader) {
        try (Connection c = fx.host.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void rulesCombineWithAndInsideAGroupAndOrBetweenGroups_andHandExclusionsAreMarked() {
        Partner vipApproved = partner("Vip Approved", PartnershipStatus.APPROVED, "vip");
        Partner vipPending = partner("Vip Pending", PartnershipStatus.PENDING, "vip");
        Partner newcomer = partner("Newcomer", PartnershipStatus.PENDING, "new");
        Partner other = partner("Other", PartnershipStatus.APPROVED, "old");
        Partner vipNew = partner("Vip New Approved", PartnershipStatus.APPROVED, "vip", "new");

        BulkDraft d = draft("Hello", "Hi {partner_name}");
        d.mode = Audience.Mode.FILTERED;
        d.groups.add(new ArrayList<>(List.of(PartnerRule.tag("vip"), PartnerRule.status(PartnershipStatus.APPROVED))));
        d.groups.add(new ArrayList<>(List.of(PartnerRule.tag("new"))));
        assertEquals(3, bulk.count(fx.manager, d), "vip AND approved, OR new");

        d.excluded.add(newcomer.id());
        List<BroadcastService.ReviewRow> page = bulk.review(fx.manager, d, null, 0, 50);
        assertEquals(List.of(vipApproved.id(), newcomer.id(), vipNew.id()), page.stream().map(r -> r.partner().id()).toList());
        assertEquals(RecipientCheck.MANUAL, page.get(1).reason());
        assertNull(page.get(0).reason());
        // Search inside the review list, and keyset paging.
        assertEquals(List.of(newcomer.id()), bulk.review(fx.manager, d, "newcomer", 0, 50).stream().map(r -> r.partner().id()).toList());
        assertEquals(List.of(vipNew.id()), bulk.review(fx.manager, d, null, newcomer.id(), 50).stream().map(r -> r.partner().id()).toList());

        long id = sendAndRun(d);
        assertEquals(Set.of(vipApproved.id(), vipNew.id()), deliveries(id).keySet());
        Bulk sent = bulk.find(fx.manager, id);
        assertEquals(BulkStatus.SENT, sent.status());
        assertEquals(3, sent.recipients());
        assertEquals(1, sent.excluded());
        assertEquals(2, sent.delivered());
        assertFalse(deliveries(id).containsKey(vipPending.id()));
        assertFalse(deliveries(id).containsKey(other.id()));
        assertEquals("Hi Vip Approved", deliveries(id).get(vipApproved.id()));
    }

    @Test
    void specificPartnersOnly() {
        Partner a = partner("Alpha", PartnershipStatus.APPROVED);
        partner("Beta", PartnershipStatus.APPROVED);
        Partner c = partner("Gamma", PartnershipStatus.APPROVED);
        BulkDraft d = draft("Just you", "Hello");
        d.mode = Audience.Mode.SPECIFIC;
        d.specific.addAll(List.of(a.id(), c.id()));
        assertEquals(2, bulk.count(fx.manager, d));
        long id = sendAndRun(d);
        assertEquals(Set.of(a.id(), c.id()), deliveries(id).keySet());
        BulkDraft none = draft("Nobody", "Hello");
        none.mode = Audience.Mode.SPECIFIC;
        MessagingException e = assertThrows(MessagingException.class, () -> bulk.sendNow(fx.manager, none));
        assertEquals("error.bulk.noRecipients", e.key());
    }

    @Test
    void unknownMacroBlocksSavingWithItsName() {
        BulkDraft d = draft("Hi {partner_nmae}", "Body {partner_name} and {bonus_code}");
        MessagingException e = assertThrows(MessagingException.class, () -> bulk.saveDraft(fx.manager, d));
        assertEquals("error.bulk.unknownMacro", e.key());
        assertEquals("{partner_nmae}, {bonus_code}", e.params().get("names"));
        assertTrue(bulk.list(fx.manager, BroadcastService.View.DRAFTS, 0, 10).isEmpty(), "nothing saved");
    }

    @Test
    void missingMacroValuesAreListedWithTheReason_thenFilledByAFallback() {
        BrandUser mia = fx.host.directory().addBrandUser(programId, "Mia Manager", "mia@acme.test");
        Partner managed = fx.host.directory().addPartner(programId, fx.host.directory().nextId(), "Managed", "m@p.test",
                PartnershipStatus.APPROVED, List.of(), mia, Instant.parse("2025-01-01T00:00:00Z"));
        Partner unmanaged = partner("Unmanaged", PartnershipStatus.APPROVED);
        BulkDraft d = draft("News", "Your manager {manager_name} says hi");

        BroadcastService.Summary s = bulk.summary(fx.manager, d, 100);
        assertEquals(2, s.chosen());
        assertEquals(1, s.receiving());
        assertEquals(1, s.missingValues());
        assertEquals(unmanaged.id(), s.leftOut().get(0).partner().id());
        assertEquals("missing:manager_name", s.leftOut().get(0).reason());

        d.fallbacks.put("manager_name", "the Acme team");
        BroadcastService.Summary withFallback = bulk.summary(fx.manager, d, 100);
        assertEquals(2, withFallback.receiving());
        long id = sendAndRun(d);
        assertEquals("Your manager Mia Manager says hi", deliveries(id).get(managed.id()));
        assertEquals("Your manager the Acme team says hi", deliveries(id).get(unmanaged.id()));
    }

    @Test
    void theFirstNameIsTheReadersOwn_evenWithAFallback() {
        Partner p = partner("Alpha", PartnershipStatus.APPROVED);
        PartnerMember maya = fx.host.directory().addMember(p.id(), "Maya Garcia", "maya@alpha.test", null);
        PartnerMember tom = fx.host.directory().addMember(p.id(), "Tom Reed", "tom@alpha.test", null);
        BulkDraft d = draft("For {partner_first_name}", "Hi {partner_first_name} at {partner_name}");
        d.fallbacks.put("partner_first_name", "friend");
        long id = sendAndRun(d);
        assertEquals("Hi {partner_first_name} at Alpha", deliveries(id).get(p.id()), "filled per reader");
        BroadcastService.PortalCopy forMaya = bulk.open(FixtureHost.partnerMember(maya.id(), programId, p.id(), "Maya"), id);
        BroadcastService.PortalCopy forTom = bulk.open(FixtureHost.partnerMember(tom.id(), programId, p.id(), "Tom"), id);
        assertEquals("For Maya", forMaya.subject());
        assertTrue(forTom.html().contains("Hi Tom at Alpha"), forTom.html());
    }

    @Test
    void missingValueWithoutFallbackExcludesTheRecipientAtSending() {
        partner("Unmanaged", PartnershipStatus.APPROVED);
        long id = sendAndRun(draft("News", "Your manager {manager_name}"));
        assertTrue(deliveries(id).isEmpty());
        List<BroadcastMapper.LogRow> log = bulk.log(fx.manager, id, null, false, 0, 50);
        assertEquals("missing:manager_name", log.get(0).excludedReason());
    }

    @Test
    void trackingLinksAreUniquePerRecipient_andOfferApprovalIsRequiredForEveryIncludedOffer() {
        Offer summer = fx.host.directory().addOffer(programId, "Summer Sale", "Acme");
        Offer winter = fx.host.directory().addOffer(programId, "Winter Sale", "Acme");
        Partner both1 = partner("Both One", PartnershipStatus.APPROVED);
        Partner both2 = partner("Both Two", PartnershipStatus.APPROVED);
        Partner onlySummer = partner("Only Summer", PartnershipStatus.APPROVED);
        for (Partner p : List.of(both1, both2, onlySummer)) {
            fx.host.directory().approve(summer.id(), p.id());
        }
        fx.host.directory().approve(winter.id(), both1.id());
        fx.host.directory().approve(winter.id(), both2.id());

        BulkDraft d = draft("{offer_name} is live", "Promote {offer_name}: {offer_tracking_link}");
        d.offerIds.addAll(List.of(summer.id(), winter.id()));
        List<BroadcastService.ReviewRow> review = bulk.review(fx.manager, d, null, 0, 50);
        assertEquals("notApproved:Winter Sale", review.get(2).reason());
        BroadcastService.Preview preview = bulk.preview(fx.manager, d, both1.id());
        assertTrue(preview.html().contains(fx.host.trackingLinks().linkFor(programId, summer.id(), both1.id())));

        long id = sendAndRun(d);
        Map<Long, String> copies = deliveries(id);
        assertEquals(Set.of(both1.id(), both2.id()), copies.keySet(), "not approved for Winter Sale: blocked");
        String link1 = fx.host.trackingLinks().linkFor(programId, summer.id(), both1.id());
        String link2 = fx.host.trackingLinks().linkFor(programId, summer.id(), both2.id());
        assertNotEquals(link1, link2);
        assertTrue(copies.get(both1.id()).startsWith("Promote Summer Sale: " + link1));
        assertTrue(copies.get(both2.id()).startsWith("Promote Summer Sale: " + link2));
        assertTrue(copies.get(both1.id()).contains(fx.host.trackingLinks().linkFor(programId, winter.id(), both1.id())),
                "every included offer's link is listed");
        assertFalse(copies.get(both2.id()).contains(link1));
        List<BroadcastMapper.LogRow> log = bulk.log(fx.manager, id, "only", false, 0, 50);
        assertEquals("notApproved:Winter Sale", log.get(0).excludedReason());
    }

    @Test
    void offerMacrosNeedAnIncludedOffer() {
        MessagingException e = assertThrows(MessagingException.class,
                () -> bulk.saveDraft(fx.manager, draft("x", "{offer_tracking_link}")));
        assertEquals("error.bulk.offerMacroNeedsOffer", e.key());
    }

    @Test
    void repliesOnOpenAConversationLinkedToTheMessage_repliesOffRefuse() {
        Partner p = partner("Replier", PartnershipStatus.APPROVED);
        Partner quiet = partner("Quiet One", PartnershipStatus.APPROVED);
        PartnerMember m = fx.host.directory().addMember(p.id(), "Rita Replier", "rita@replier.test", null);
        CurrentUser rita = FixtureHost.partnerMember(m.id(), programId, p.id(), "Rita Replier");

        BulkDraft on = draft("Replies welcome", "Tell us, {partner_first_name}!");
        long onId = sendAndRun(on);
        BroadcastService.PortalCopy copy = bulk.open(rita, onId);
        assertTrue(copy.allowReplies());
        assertTrue(copy.html().contains("Tell us, Rita!"), copy.html());
        Conversation c = bulk.reply(rita, onId, "Sounds good");
        Conversation again = bulk.reply(rita, onId, "One more thing");
        assertEquals(c.id(), again.id(), "later answers continue the same conversation");
        Conversation seenByBrand = services.conversations().find(fx.manager, c.id());
        assertEquals("Re: Replies welcome", seenByBrand.subject());
        assertEquals(2, services.conversations().messages(fx.manager, c.id(), 0).size());
        assertEquals(1, bulk.find(fx.manager, onId).replies());
        List<BroadcastMapper.LogRow> replied = bulk.log(fx.manager, onId, null, true, 0, 10);
        assertEquals(List.of(p.id()), replied.stream().map(BroadcastMapper.LogRow::partnerId).toList(),
                "the replies list holds the partner who answered, none of the other recipients");
        assertEquals(c.id(), replied.get(0).replyConversationId());
        assertTrue(bulk.log(fx.manager, onId, null, false, 0, 10).stream().anyMatch(r -> r.partnerId() == quiet.id()),
                "the partner who did not answer got the message too");

        BulkDraft off = draft("Announcement", "No replies please");
        off.allowReplies = false;
        long offId = sendAndRun(off);
        assertFalse(bulk.open(rita, offId).allowReplies());
        MessagingException e = assertThrows(MessagingException.class, () -> bulk.reply(rita, offId, "But..."));
        assertEquals("error.bulk.repliesOff", e.key());
        assertEquals(0, bulk.find(fx.manager, offId).replies());
    }

    @Test
    void opensCountTheFirstInAppViewAndTrackingPixels_once() {
        Partner a = partner("Alpha", PartnershipStatus.APPROVED);
        Partner b = partner("Beta", PartnershipStatus.APPROVED);
        PartnerMember am = fx.host.directory().addMember(a.id(), "Ann Alpha", "ann@alpha.test", null);
        PartnerMember am2 = fx.host.directory().addMember(a.id(), "Al Alpha", "al@alpha.test", null);
        PartnerMember bm = fx.host.directory().addMember(b.id(), "Ben Beta", "ben@beta.test", null);
        long id = sendAndRun(draft("Open me", "Body"));
        CurrentUser ann = FixtureHost.partnerMember(am.id(), programId, a.id(), "Ann Alpha");
        CurrentUser al = FixtureHost.partnerMember(am2.id(), programId, a.id(), "Al Alpha");
        assertEquals(1, bulk.unopened(ann));
        assertFalse(bulk.inbox(ann, 0, 10).get(0).opened());
        bulk.open(ann, id);
        bulk.open(ann, id);
        bulk.open(al, id);
        assertEquals(0, bulk.unopened(ann));
        assertEquals(1, bulk.find(fx.manager, id).opens(), "the partner's first view only");

        // The e-mail pixel: a signed token; a forged one changes nothing.
        query("SELECT 1", rs -> { });
        insertEmailRow(id, b.id(), bm);
        OpenTokens tokens = new OpenTokens("test-secret".getBytes());
        assertFalse(bulk.emailOpened(tokens.token(id, b.id(), bm.id() + 1)));
        assertFalse(bulk.emailOpened(new OpenTokens("other".getBytes()).token(id, b.id(), bm.id())));
        assertTrue(bulk.emailOpened(tokens.token(id, b.id(), bm.id())));
        assertFalse(bulk.emailOpened(tokens.token(id, b.id(), bm.id())), "counted once");
        Bulk after = bulk.find(fx.manager, id);
        assertEquals(2, after.opens());
        assertEquals(1.0, after.openRate());
        long opened = bulk.opens(fx.manager, id).stream().mapToLong(BroadcastMapper.OpenBucketText::opens).sum();
        assertEquals(2, opened);
        BroadcastMapper.LogRow benRow = bulk.log(fx.manager, id, "beta", false, 0, 10).get(0);
        assertEquals("EMAIL", benRow.openedVia());
    }

    private void insertEmailRow(long bulkId, long partnerId, PartnerMember m) {
        try (Connection c = fx.host.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO msg_bulk_email (bulk_id, partner_id, member_id, email, first_name, status, attempts, next_attempt_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'SENT', 1, NOW())")) {
            ps.setLong(1, bulkId);
            ps.setLong(2, partnerId);
            ps.setLong(3, m.id());
            ps.setString(4, m.email());
            ps.setString(5, m.firstName());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void partnersOnlySeeMessagesAddressedToThem() {
        Partner a = partner("Alpha", PartnershipStatus.APPROVED);
        Partner b = partner("Beta", PartnershipStatus.APPROVED);
        PartnerMember bm = fx.host.directory().addMember(b.id(), "Ben Beta", "ben@beta.test", null);
        BulkDraft d = draft("Only Alpha", "x");
        d.mode = Audience.Mode.SPECIFIC;
        d.specific.add(a.id());
        long id = sendAndRun(d);
        CurrentUser ben = FixtureHost.partnerMember(bm.id(), programId, b.id(), "Ben Beta");
        assertTrue(bulk.inbox(ben, 0, 10).isEmpty());
        assertEquals("error.notFound", assertThrows(MessagingException.class, () -> bulk.open(ben, id)).key());
        assertEquals("error.notFound", assertThrows(MessagingException.class, () -> bulk.reply(ben, id, "hi")).key());
        // Brand side: the Messaging permission and the plan's feature are required.
        CurrentUser noPermission = FixtureHost.brandUser(9, programId, "Nora Analyst");
        assertEquals("error.denied", assertThrows(MessagingException.class, () -> bulk.find(noPermission, id)).key());
        assertEquals("error.denied", assertThrows(MessagingException.class, () -> bulk.list(ben, BroadcastService.View.SENT, 0, 10)).key());
        CurrentUser otherProgram = FixtureHost.brandUser(10, fx.host.directory().addProgram("Bolt", "advanced").id(), "Olaf", "messaging");
        fx.host.enableFeature(otherProgram.programId(), "messaging");
        assertEquals("error.notFound", assertThrows(MessagingException.class, () -> bulk.find(otherProgram, id)).key());
        fx.host.disableFeature(programId, "messaging");
        assertEquals("error.denied", assertThrows(MessagingException.class, () -> bulk.find(fx.manager, id)).key());
    }

    @Test
    void draftsTemplatesAndTheScheduledList() {
        partner("Alpha", PartnershipStatus.APPROVED);
        BulkDraft d = draft("Draft subject", "Draft body");
        d.allowReplies = false;
        long draftId = bulk.saveDraft(fx.manager, d);
        d.body = "Edited body";
        assertEquals(draftId, bulk.saveDraft(fx.manager, d), "autosave updates the same draft");
        assertEquals(List.of(draftId), bulk.list(fx.manager, BroadcastService.View.DRAFTS, 0, 10).stream().map(Bulk::id).toList());
        assertEquals("Edited body", bulk.edit(fx.manager, draftId).body);

        long templateId = bulk.saveTemplate(fx.manager, d, "Monthly newsletter");
        Bulk template = bulk.list(fx.manager, BroadcastService.View.TEMPLATES, 0, 10).get(0);
        assertEquals("Monthly newsletter", template.name());
        BulkDraft fromTemplate = bulk.fromTemplate(fx.manager, templateId);
        assertNull(fromTemplate.id);
        assertEquals("Edited body", fromTemplate.body);
        assertFalse(fromTemplate.allowReplies);

        d.scheduleAt = LocalDateTime.ofInstant(fx.host.clock().instant().plus(Duration.ofDays(1)), ZoneOffset.UTC);
        bulk.schedule(fx.manager, d);
        assertTrue(bulk.list(fx.manager, BroadcastService.View.DRAFTS, 0, 10).isEmpty());
        assertEquals(List.of(draftId), bulk.list(fx.manager, BroadcastService.View.SCHEDULED, 0, 10).stream().map(Bulk::id).toList());
        assertTrue(services.bulkScheduler().planned(draftId).isPresent());

        bulk.cancelSchedule(fx.manager, draftId);
        assertEquals(BulkStatus.DRAFT, bulk.find(fx.manager, draftId).status());
        assertTrue(services.bulkScheduler().planned(draftId).isEmpty());

        BulkDraft past = bulk.edit(fx.manager, draftId);
        past.scheduleAt = LocalDateTime.ofInstant(fx.host.clock().instant().minus(Duration.ofMinutes(1)), ZoneOffset.UTC);
        assertEquals("error.bulk.scheduleInPast", assertThrows(MessagingException.class, () -> bulk.schedule(fx.manager, past)).key());

        bulk.delete(fx.manager, draftId);
        bulk.delete(fx.manager, templateId);
        assertTrue(bulk.list(fx.manager, BroadcastService.View.DRAFTS, 0, 10).isEmpty());
        assertTrue(bulk.list(fx.manager, BroadcastService.View.TEMPLATES, 0, 10).isEmpty());
    }

    @Test
    void scheduleUsesTheSendersTimeZone() {
        CurrentUser tokyo = new CurrentUser(fx.manager.userId(), fx.manager.kind(), "Tomo", "t@acme.test", programId, null,
                Set.of(), Set.of("messaging"), false, java.time.ZoneId.of("Asia/Tokyo"), java.util.Locale.ENGLISH);
        BulkDraft d = draft("Tokyo", "Body");
        d.scheduleAt = LocalDateTime.of(2026, 11, 3, 9, 0);
        long id = bulk.schedule(tokyo, d);
        assertEquals(Instant.parse("2026-11-03T00:00:00Z"), bulk.find(tokyo, id).scheduledAt());
        assertEquals("Asia/Tokyo", bulk.find(tokyo, id).senderZone());
    }

    @Test
    void aScheduleFiresAfterARestart_onceAcrossSeveralHosts() {
        Partner a = partner("Alpha", PartnershipStatus.APPROVED);
        Partner b = partner("Beta", PartnershipStatus.APPROVED);
        BulkDraft d = draft("Weekend newsletter", "Hello {partner_name}");
        d.scheduleAt = LocalDateTime.ofInstant(fx.host.clock().instant().plus(Duration.ofHours(1)), ZoneOffset.UTC);
        long id = bulk.schedule(fx.manager, d);

        BroadcastFixture.manualOf(services).runAnyDueExecutions();
        assertEquals(BulkStatus.SCHEDULED, bulk.find(fx.manager, id).status(), "not due yet");
        services.close(); // the host stops

        MessagingServices restarted1 = fx.newServices();
        MessagingServices restarted2 = fx.newServices(); // a second host on the same database
        fx.host.mutableClock().advance(Duration.ofHours(2));
        BroadcastFixture.manualOf(restarted1).runAnyDueExecutions();
        BroadcastFixture.manualOf(restarted2).runAnyDueExecutions();
        awaitStatus(restarted1, id, BulkStatus.SENT);
        BroadcastFixture.manualOf(restarted2).runAnyDueExecutions();
        BroadcastFixture.manualOf(restarted1).runAnyDueExecutions();

        assertEquals(Set.of(a.id(), b.id()), deliveries(id).keySet());
        assertEquals(2, countRows("SELECT COUNT(*) FROM msg_bulk_delivery WHERE bulk_id = " + id));
        assertEquals(2, restarted2.broadcasts().find(fx.manager, id).delivered());
        assertEquals(0, countRows("SELECT COUNT(*) FROM msg_scheduled_tasks"), "the execution ran and is gone");
    }

    @Test
    void aSendWhoseHostDiedRightAfterPickingItIsStartedAtOnceByTheRestartedHost() throws SQLException {
        Partner a = partner("Alpha", PartnershipStatus.APPROVED);
        long id = bulk.sendNow(fx.manager, draft("Picked, then the host died", "Hello"));
        // What a host killed between picking the execution and starting the message leaves behind: the
        // execution picked by a host that no longer beats, the message still SCHEDULED.
        try (Connection c = fx.host.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE msg_scheduled_tasks SET picked = TRUE, picked_by = 'killed-host', last_heartbeat = ?,"
                        + " version = version + 1 WHERE task_instance = ?")) {
            ps.setObject(1, LocalDateTime.ofInstant(fx.host.clock().instant(), ZoneOffset.UTC));
            ps.setString(2, "bulk-" + id);
            assertEquals(1, ps.executeUpdate());
        }
        services.close();

        MessagingServices restarted = fx.newServices();
        BroadcastFixture.manualOf(restarted).runAnyDueExecutions();
        awaitStatus(restarted, id, BulkStatus.SENT);
        assertEquals(Set.of(a.id()), deliveries(id).keySet(), "not after db-scheduler's dead-execution timeout, at once");
    }

    @Test
    void sendNowFromTheScheduledList() {
        Partner a = partner("Alpha", PartnershipStatus.APPROVED);
        BulkDraft d = draft("Later", "Body");
        d.scheduleAt = LocalDateTime.ofInstant(fx.host.clock().instant().plus(Duration.ofDays(3)), ZoneOffset.UTC);
        long id = bulk.schedule(fx.manager, d);
        bulk.sendNow(fx.manager, id);
        BroadcastFixture.manualOf(services).runAnyDueExecutions();
        awaitStatus(services, id, BulkStatus.SENT);
        assertEquals(Set.of(a.id()), deliveries(id).keySet());
        assertEquals("Mia Manager", bulk.find(fx.manager, id).sentByName());
    }

    @Test
    void pauseStopsTheFanOutBetweenBatches_resumeFinishesWithOneCopyEach() {
        int n = SendJob.BATCH + 300;
        for (int i = 0; i < n; i++) {
            partner("P" + i, PartnershipStatus.APPROVED);
        }
        long id = bulk.sendNow(fx.manager, draft("Big", "Hello {partner_name}"));
        AtomicInteger batches = new AtomicInteger();
        SendJob.Outcome outcome = bulk.job().run(id, new SendJob.Hooks() {
            @Override
            public void afterBatch(long bulkId, long cursor, int delivered) {
                if (batches.incrementAndGet() == 1) {
                    bulk.pause(fx.manager, bulkId);
                }
            }
        });
        assertEquals(SendJob.Outcome.PAUSED, outcome);
        Bulk paused = bulk.find(fx.manager, id);
        assertEquals(BulkStatus.PAUSED, paused.status());
        assertEquals(SendJob.BATCH, paused.delivered());
        assertEquals(SendJob.PAUSED_BY_USER, paused.pauseReason());
        assertEquals(SendJob.Outcome.PAUSED, bulk.job().run(id), "a paused job does nothing");

        bulk.resume(fx.manager, id);
        assertEquals(SendJob.Outcome.SENT, bulk.job().run(id));
        assertEquals(n, bulk.find(fx.manager, id).delivered());
        assertEquals(n, countRows("SELECT COUNT(*) FROM msg_bulk_delivery WHERE bulk_id = " + id));
        assertEquals(0, countRows("SELECT COUNT(*) FROM (SELECT partner_id FROM msg_bulk_delivery WHERE bulk_id = " + id
                + " GROUP BY partner_id HAVING COUNT(*) > 1) d"));
        assertEquals(1.0, bulk.find(fx.manager, id).progress());
    }

    @Test
    void aSendStoppedWithThePluginIsResumedWhenThePluginStartsAgain() {
        int n = SendJob.BATCH + 50;
        for (int i = 0; i < n; i++) {
            partner("P" + i, PartnershipStatus.APPROVED);
        }
        long id = bulk.sendNow(fx.manager, draft("Stopped", "Hello"));
        SendJob.Outcome outcome = bulk.job().run(id, new SendJob.Hooks() {
            @Override
            public void afterBatch(long bulkId, long cursor, int delivered) {
                services.close(); // the plugin stops while sending
            }
        });
        assertEquals(SendJob.Outcome.STOPPED, outcome);
        assertEquals(BulkStatus.SENDING, bulk.find(fx.manager, id).status());
        assertEquals(SendJob.BATCH, bulk.find(fx.manager, id).delivered());

        MessagingServices restarted = fx.newServices();
        BroadcastFixture.manualOf(restarted).runAnyDueExecutions();
        awaitStatus(restarted, id, BulkStatus.SENT);
        assertEquals(n, restarted.broadcasts().find(fx.manager, id).delivered());
        assertEquals(n, countRows("SELECT COUNT(DISTINCT partner_id) FROM msg_bulk_delivery WHERE bulk_id = " + id));
    }

    @Test
    void theAudienceIsSnapshottedWhenSendingStarts() {
        List<Partner> before = new ArrayList<>();
        for (int i = 0; i < SendJob.BATCH + 5; i++) {
            before.add(partner("P" + i, PartnershipStatus.APPROVED));
        }
        Partner last = before.get(before.size() - 1);
        long id = bulk.sendNow(fx.manager, draft("Snapshot", "Hello {partner_name}"));
        Partner[] latecomer = new Partner[1];
        assertEquals(SendJob.Outcome.SENT, bulk.job().run(id, new SendJob.Hooks() {
            @Override
            public void afterBatch(long bulkId, long cursor, int delivered) {
                if (latecomer[0] == null) {
                    // While the first chunk is out: a partner joins, another is renamed.
                    latecomer[0] = partner("Latecomer", PartnershipStatus.APPROVED);
                    fx.host.directory().addPartner(programId, last.id(), "Renamed", last.email(), PartnershipStatus.APPROVED,
                            List.of(), null, last.joinedAt());
                }
            }
        }));
        Map<Long, String> copies = deliveries(id);
        assertEquals(before.size(), copies.size());
        assertFalse(copies.containsKey(latecomer[0].id()), "joined after sending started");
        assertEquals("Hello " + last.name(), copies.get(last.id()), "rendered as it was when sending started");
    }

    @Test
    void savedAudiencesAreReusedAndOfferedToOtherPlugins_mostUsedFirst() {
        partner("Vip", PartnershipStatus.APPROVED, "vip");
        partner("Plain", PartnershipStatus.APPROVED);
        SavedAudience vip = services.audiences().save(fx.manager, "VIPs", PartnerFilter.allOf(PartnerRule.tag("vip")));
        SavedAudience approved = services.audiences().save(fx.manager, "Approved",
                PartnerFilter.allOf(PartnerRule.status(PartnershipStatus.APPROVED)));
        BulkDraft d = draft("To VIPs", "Hi");
        d.mode = Audience.Mode.FILTERED;
        d.groups.addAll(vip.filter().anyOf().stream().map(g -> (List<PartnerRule>) new ArrayList<>(g)).toList());
        d.savedAudienceId = vip.id();
        assertEquals(1, bulk.count(fx.manager, d));
        long id = sendAndRun(d);
        assertEquals("saved:VIPs", bulk.find(fx.manager, id).audienceLabel());
        List<SavedAudience> list = new SavedAudiencesProbe(services).list(programId);
        assertEquals(List.of("VIPs", "Approved"), list.stream().map(SavedAudience::name).toList());
        assertEquals(1, list.get(0).uses());
        assertEquals(approved.id(), services.audiences().find(programId, approved.id()).orElseThrow().id());
        assertTrue(services.audiences().find(programId + 999, approved.id()).isEmpty(), "scoped by program");
    }

    @Test
    void markdownIsRenderedSafely() {
        String html = Markdown.toHtml("**Bold** <script>alert(1)</script> [x](javascript:alert(1)) [ok](https://acme.test)");
        assertTrue(html.contains("<strong>Bold</strong>"), html);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(html.contains("href=\"https://acme.test\""), html);
    }

    private long countRows(String sql) {
        long[] n = new long[1];
        query(sql, rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    /** Waits for the background execution to reach the state (no time is asserted). */
    static void awaitStatus(MessagingServices s, long id, BulkStatus status) {
        for (int i = 0; i < 600; i++) {
            if (s.broadcasts().job() != null && statusOf(s, id) == status) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertEquals(status, statusOf(s, id));
    }

    private static BulkStatus statusOf(MessagingServices s, long id) {
        try (var session = s.sessions().openSession()) {
            return session.getMapper(BroadcastMapper.class).byId(id).status();
        }
    }

    /** The extension as the host would call it, without the plugin's static accessor. */
    private record SavedAudiencesProbe(MessagingServices services) {
        List<SavedAudience> list(long programId) {
            return services.audiences().list(programId);
        }
    }
}
