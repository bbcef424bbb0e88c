package dev.parley.messaging.demo;

import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.partner.PartnerRule;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.plugin.HostServices;
import dev.parley.api.user.BrandUser;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.api.user.UserKind;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.conversation.Conversation;
import dev.parley.messaging.conversation.ConversationService;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sample conversations for a demo program, written through the real services (so they look and
 * behave like any other): a few threads with replies, one left unread for the team, one in Chinese.
 */
public final class SampleConversations {

    private static final Logger LOG = LoggerFactory.getLogger(SampleConversations.class);

    private static final String[][] THREADS = {
        {"Spring catalogue", "The new spring catalogue is out. Could you feature it in your next newsletter?",
            "Sure, we will feature it on Monday. Can we get a 10% code for our readers?"},
        {"Black Friday creatives", "Banners and copy for Black Friday are ready in the offer's assets.",
            "Thanks! The 300x250 banner looks cut off on mobile, could you check?"},
        {"关于夏季推广活动", "夏季推广活动下周开始，请确认您的推广计划。",
            "收到，我们会在周一发布评测文章，并附上您的追踪链接。"},
        {"Commission question", "Welcome aboard! Let us know if you have any questions about the program.",
            "Hi! When are commissions paid out for last month's conversions?"},
    };

    private final HostServices host;
    private final ConversationService conversations;

    public SampleConversations(HostServices host, ConversationService conversations) {
        this.host = host;
        this.conversations = conversations;
    }

    /** Adds the sample threads to the program when it has messaging on its plan. */
    public void create(long programId) {
        if (!host.features().isEnabled(programId, MessagingPlugin.FEATURE)) {
            return;
        }
        List<BrandUser> team = host.partners().managers(programId);
        List<Partner> partners = host.partners().page(programId,
                PartnerFilter.allOf(PartnerRule.status(PartnershipStatus.APPROVED)), 0, THREADS.length);
        if (team.isEmpty() || partners.isEmpty()) {
            return;
        }
        for (int i = 0; i < THREADS.length && i < partners.size(); i++) {
            Partner partner = partners.get(i);
            List<PartnerMember> members = host.partners().members(programId, partner.id());
            if (members.isEmpty()) {
                continue;
            }
            BrandUser sender = team.get(i % team.size());
            CurrentUser brand = new CurrentUser(sender.id(), UserKind.BRAND, sender.name(), sender.email(), programId,
                    null, Set.of(), Set.of(Permissions.MESSAGING), false, ZoneOffset.UTC, Locale.ENGLISH);
            PartnerMember member = members.get(0);
            CurrentUser partnerUser = new CurrentUser(member.id(), UserKind.PARTNER, member.name(), member.email(),
                    programId, partner.id(), Set.of(), Set.of(), false, ZoneOffset.UTC, Locale.ENGLISH);
            Conversation c = conversations.start(brand, partner.id(), null, THREADS[i][0], THREADS[i][1], List.of());
            conversations.reply(partnerUser, c.id(), THREADS[i][2], List.of(), false);
        }
        LOG.info("Sample conversations added to program {}", programId);
    }
}
