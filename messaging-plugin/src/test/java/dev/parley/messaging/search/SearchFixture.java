package dev.parley.messaging.search;

import static dev.parley.messaging.search.MessageDocument.Channel.APP;
import static dev.parley.messaging.search.MessageDocument.Channel.EMAIL;
import static dev.parley.messaging.search.MessageDocument.Channel.SMS;
import static dev.parley.messaging.search.MessageDocument.SenderKind.BRAND;
import static dev.parley.messaging.search.MessageDocument.SenderKind.PARTNER;

import dev.parley.api.partner.PartnerMember;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.partner.Program;
import dev.parley.api.testing.FixtureHost;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessagingPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real database (FixtureHost), the plugin's migrations, a message table written like the inbox
 * writes, and a fixed multilingual corpus: English, the Chinese seed article split into three
 * messages, Japanese and Korean, in two programs.
 */
final class SearchFixture implements AutoCloseable {

    final FixtureHost host;
    final SearchChangeLog changes;
    final TestMessageStore store;
    final MessageIndex index;
    final SearchService service;

    // tenants and people
    final Program acme;
    final Program bolt;
    final long trailhead;   // partner in Acme and in Bolt
    final long xinghe;      // Chinese partner in Acme
    final long summit;      // partner in Acme, tagged vip
    final PartnerMember mia;    // Trailhead
    final PartnerMember leo;    // Trailhead
    final PartnerMember wang;   // Xinghe
    final PartnerMember kenji;  // Summit

    // conversations
    static final long C_SPRING = 101;   // Acme, Trailhead team
    static final long C_PAYOUT = 102;   // Acme, Trailhead member Leo
    static final long C_ZH = 103;       // Acme, Xinghe team (Chinese seed)
    static final long C_CJK = 104;      // Acme, Summit team (Japanese, Korean)
    static final long C_BOLT = 105;     // Bolt, Trailhead team

    static final String SEED = seed();

    SearchFixture(String name) {
        this(FixtureHost.create(name), true);
    }

    SearchFixture(FixtureHost host, boolean loadCorpus) {
        this.host = host;
        host.schema().migrate(MessagingPlugin.ID, MessagingPlugin.class.getClassLoader(), "dev/parley/messaging/db");
        changes = new SearchChangeLog(host.dataSource(), host.clock());
        store = new TestMessageStore(host.dataSource(), changes);
        var dir = host.directory();
        acme = dir.addProgram("Acme Outdoor", "advanced");
        bolt = dir.addProgram("Bolt Fitness", "partner");
        host.enableFeature(acme.id(), MessagingPlugin.FEATURE);
        host.enableFeature(bolt.id(), MessagingPlugin.FEATURE);
        trailhead = dir.addPartner(acme.id(), "Trailhead Media", "hello@trailhead.test", PartnershipStatus.APPROVED).id();
        dir.addPartner(bolt.id(), trailhead, "Trailhead Media", "hello@trailhead.test", PartnershipStatus.APPROVED, List.of(),
                null, Instant.parse("2025-01-01T00:00:00Z"));
        xinghe = dir.addPartner(acme.id(), "北京星河传媒", "hi@xinghe.test", PartnershipStatus.APPROVED).id();
        summit = dir.addPartner(acme.id(), "Summit Deals", "team@summit.test", PartnershipStatus.PENDING, "vip").id();
        mia = dir.addMember(trailhead, "Mia Chen", "mia@trailhead.test", null);
        leo = dir.addMember(trailhead, "Leo Park", "leo@trailhead.test", null);
        wang = dir.addMember(xinghe, "王芳", "wang@xinghe.test", null);
        kenji = dir.addMember(summit, "Kenji Sato", "kenji@summit.test", null);
        if (loadCorpus) {
            corpus().forEach(store::save);
        }
        index = new MessageIndex(indexRoot(), store, changes, host.clock());
        index.open();
        index.awaitRebuild();
        service = new SearchService(index, host, store);
    }

    Path indexRoot() {
        return host.dataDirectory(MessagingPlugin.ID).resolve("search-fixture"); // the plugin's own search uses "search"
    }

    /** A second node: its own index folder, the same database. */
    MessageIndex secondNode(Path folder) {
        MessageIndex other = new MessageIndex(folder, store, changes, host.clock());
        other.open();
        other.awaitRebuild();
        return other;
    }

    CurrentUser acmeManager() {
        return FixtureHost.brandUser(1, acme.id(), "Nora Brand", Permissions.MESSAGING);
    }

    CurrentUser boltManager() {
        return FixtureHost.brandUser(2, bolt.id(), "Bolt Coach", Permissions.MESSAGING);
    }

    CurrentUser member(PartnerMember m, long programId) {
        return FixtureHost.partnerMember(m.id(), programId, m.partnerId(), m.name());
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    List<MessageDocument> corpus() {
        String[] parts = SEED.split("<details>");
        long a = acme.id();
        return List.of(
                MessageDocument.message(1, C_SPRING, a, trailhead, null, "Spring campaign kickoff",
                        "Hi team, the **spring campaign** starts on March 3. Please review the attached brief.",
                        "Nora Brand", BRAND, "Trailhead Media", List.of(), List.of("Spring_campaign-brief.pdf"), APP,
                        at("2026-03-01T10:00:00Z"), MessageDocument.State.OPEN),
                MessageDocument.message(2, C_SPRING, a, trailhead, null, "Re: Spring campaign kickoff",
                        "Thanks! We will post the review video next week.", "Mia Chen", PARTNER, "Trailhead Media",
                        List.of("Mia Chen"), List.of(), EMAIL, at("2026-03-02T08:00:00Z"), MessageDocument.State.OPEN),
                MessageDocument.message(3, C_PAYOUT, a, trailhead, leo.id(), "Payout question",
                        "<p>Hello Leo,</p><p>Your payout for February was sent via PayPal &amp; should arrive soon.</p>",
                        "Nora Brand", BRAND, "Trailhead Media", List.of("Leo Park"), List.of(), EMAIL,
                        at("2026-02-20T09:00:00Z"), MessageDocument.State.OPEN),
                MessageDocument.message(4, C_PAYOUT, a, trailhead, leo.id(), "Re: Payout question",
                        "Got the payout, thanks <3", "Leo Park", PARTNER, "Trailhead Media", List.of("Leo Park"),
                        List.of(), SMS, at("2026-02-21T09:00:00Z"), MessageDocument.State.OPEN),
                MessageDocument.message(5, C_ZH, a, xinghe, null, "向合作伙伴发送消息", parts[0], "Nora Brand", BRAND,
                        "北京星河传媒", List.of(), List.of(), APP, at("2026-01-10T09:00:00Z"), MessageDocument.State.OPEN),
                MessageDocument.message(6, C_ZH, a, xinghe, null, "通过您的合作伙伴页面", parts[1], "王芳", PARTNER,
                        "北京星河传媒", List.of("王芳"), List.of("合同.pdf"), APP, at("2026-01-12T09:00:00Z"),
                        MessageDocument.State.OPEN),
                MessageDocument.message(7, C_ZH, a, xinghe, null, "登记说明", "描述：请扫码登记。病人信息与有毒物品无关。",
                        "Nora Brand", BRAND, "北京星河传媒", List.of(), List.of(), APP, at("2026-01-13T09:00:00Z"),
                        MessageDocument.State.OPEN),
                MessageDocument.message(8, C_ZH, a, xinghe, null, "通过您的收件箱", parts[2], "Nora Brand", BRAND,
                        "北京星河传媒", List.of(), List.of(), APP, at("2026-01-15T09:00:00Z"), MessageDocument.State.OPEN),
                MessageDocument.message(9, C_CJK, a, summit, null, "パートナー登録について",
                        "パートナーにメッセージを送信する方法を教えてください。", "Kenji Sato", PARTNER, "Summit Deals",
                        List.of("Kenji Sato"), List.of(), EMAIL, at("2026-02-05T09:00:00Z"), MessageDocument.State.OPEN),
                MessageDocument.message(10, C_CJK, a, summit, null, "안내", "파트너에게 메시지 보내기 기능이 추가되었습니다.",
                        "Nora Brand", BRAND, "Summit Deals", List.of(), List.of(), APP, at("2026-02-06T09:00:00Z"),
                        MessageDocument.State.OPEN),
                MessageDocument.message(11, C_BOLT, bolt.id(), trailhead, null, "Spring campaign in Bolt",
                        "Bolt spring campaign review details and payout dates.", "Bolt Coach", BRAND, "Trailhead Media",
                        List.of(), List.of(), APP, at("2026-03-01T12:00:00Z"), MessageDocument.State.OPEN),
                MessageDocument.bulk(1, a, Set.of(trailhead, summit), Map.of(), "Holiday schedule",
                        "Payouts during the holidays are delayed by two days. See the schedule.", "Nora Brand",
                        List.of("Trailhead Media", "Summit Deals"), List.of("holiday-schedule.csv"), EMAIL,
                        at("2026-03-05T09:00:00Z")),
                MessageDocument.bulk(2, a, Set.of(), Map.of(mia.id(), trailhead), "Creator spotlight",
                        "Mia, we'd love to feature your review in our spotlight.", "Nora Brand", List.of("Trailhead Media"),
                        List.of(), APP, at("2026-03-06T09:00:00Z")));
    }

    private static String seed() {
        try (InputStream in = SearchFixture.class.getResourceAsStream("seed_003_zh.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
