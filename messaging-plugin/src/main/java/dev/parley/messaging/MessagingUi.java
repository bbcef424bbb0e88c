package dev.parley.messaging;

import dev.parley.api.ui.Area;
import dev.parley.api.ui.HostSlot;
import dev.parley.api.ui.MenuTab;
import dev.parley.api.ui.PageMount;
import dev.parley.api.ui.ResourceMount;
import dev.parley.api.ui.SlotPanel;
import dev.parley.api.ui.UiContribution;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.attachment.AttachmentResource;
import dev.parley.messaging.broadcast.AnnouncementNoticePanel;
import dev.parley.messaging.broadcast.BroadcastDetailPage;
import dev.parley.messaging.broadcast.BroadcastsPage;
import dev.parley.messaging.broadcast.ComposePage;
import dev.parley.messaging.broadcast.OpenPixelResource;
import dev.parley.messaging.broadcast.PortalAnnouncementPage;
import dev.parley.messaging.channel.sms.SmsWebhookResource;
import dev.parley.messaging.inbox.ConversationPage;
import dev.parley.messaging.inbox.InboxPage;
import dev.parley.messaging.inbox.MessagePartnerPanel;
import dev.parley.messaging.inbox.NewConversationPage;
import dev.parley.messaging.portal.PortalConversationPage;
import dev.parley.messaging.portal.PortalMessagesPage;
import dev.parley.messaging.portal.PortalNewConversationPage;
import dev.parley.messaging.portal.UnreadNoticePanel;
import dev.parley.messaging.settings.SettingsPanel;
import dev.parley.messaging.search.MessageSearchPage;
import dev.parley.messaging.search.PortalMessageSearchPage;
import dev.parley.messaging.search.SearchIndexPage;
import java.util.List;
import org.apache.wicket.request.resource.IResource;
import org.apache.wicket.request.resource.ResourceReference;
import org.pf4j.Extension;

/** The messaging plugin's pages, downloads, webhook, tabs (with unread badges) and host slot panels. */
@Extension
public class MessagingUi implements UiContribution {

    @Override
    public List<PageMount> pageMounts() {
        return List.of(new PageMount("/inbox", InboxPage.class),
                new PageMount("/inbox/new", NewConversationPage.class),
                new PageMount("/inbox/conversation/${id}", ConversationPage.class),
                new PageMount("/portal/messages", PortalMessagesPage.class),
                new PageMount("/portal/messages/new", PortalNewConversationPage.class),
                new PageMount("/portal/conversation/${id}", PortalConversationPage.class),
                new PageMount("/messages", BroadcastsPage.class),
                new PageMount("/messages/compose", ComposePage.class),
                new PageMount("/messages/bulk/${id}", BroadcastDetailPage.class),
                new PageMount("/portal/announcement/${id}", PortalAnnouncementPage.class),
                new PageMount("/inbox/search", MessageSearchPage.class),
                new PageMount("/inbox/search/index", SearchIndexPage.class),
                new PageMount("/portal/messages/search", PortalMessageSearchPage.class));
    }

    @Override
    public List<ResourceMount> resourceMounts() {
        return List.of(new ResourceMount("/messaging/attachment", new Reference("attachment") {
            private static final long serialVersionUID = 1L;

            @Override
            public IResource getResource() {
                return new AttachmentResource();
            }
        }), new ResourceMount("/hooks/sms", new Reference("sms-webhook") {
            private static final long serialVersionUID = 1L;

            @Override
            public IResource getResource() {
                return new SmsWebhookResource();
            }
        }), new ResourceMount("/messaging/open", new Reference("open-pixel") {
            private static final long serialVersionUID = 1L;

            @Override
            public IResource getResource() {
                return new OpenPixelResource();
            }
        }));
    }

    @Override
    public List<MenuTab> menuTabs() {
        return List.of(
                new MenuTab(Area.BRAND, "tab.inbox", InboxPage.class, 300, MessagingPlugin.FEATURE,
                        Permissions.MESSAGING, viewer -> MessagingPlugin.get().services().inbox().unread(viewer)),
                new MenuTab(Area.BRAND, "tab.bulk", BroadcastsPage.class, 310, MessagingPlugin.FEATURE,
                        Permissions.MESSAGING, null),
                new MenuTab(Area.PORTAL, "tab.messages", PortalMessagesPage.class, 200, MessagingPlugin.FEATURE,
                        null, viewer -> MessagingPlugin.get().services().conversations().unreadForPartner(viewer)
                                + MessagingPlugin.get().services().broadcasts().unopened(viewer)));
    }

    @Override
    public List<SlotPanel> slotPanels() {
        return List.of(
                new SlotPanel(HostSlot.PARTNER_PROFILE_ACTIONS, 100, MessagingPlugin.FEATURE, Permissions.MESSAGING,
                        (id, ctx) -> ctx.partnerId() == null ? null : new MessagePartnerPanel(id, ctx.partnerId(), null)),
                new SlotPanel(HostSlot.PARTNER_MEMBER_ACTIONS, 100, MessagingPlugin.FEATURE, Permissions.MESSAGING,
                        (id, ctx) -> ctx.partnerId() == null || ctx.memberId() == null ? null
                                : new MessagePartnerPanel(id, ctx.partnerId(), ctx.memberId())),
                new SlotPanel(HostSlot.PARTNER_DASHBOARD_TOP, 100, MessagingPlugin.FEATURE, null, (id, ctx) -> {
                    if (!ctx.viewer().isPartner()) {
                        return null;
                    }
                    long unread = MessagingPlugin.get().services().conversations().unreadForPartner(ctx.viewer());
                    return unread == 0 ? null : new UnreadNoticePanel(id, unread);
                }),
                new SlotPanel(HostSlot.PARTNER_DASHBOARD_TOP, 110, MessagingPlugin.FEATURE, null, (id, ctx) -> {
                    if (!ctx.viewer().isPartner()) {
                        return null;
                    }
                    long unopened = MessagingPlugin.get().services().broadcasts().unopened(ctx.viewer());
                    return unopened == 0 ? null : new AnnouncementNoticePanel(id, unopened);
                }),
                new SlotPanel(HostSlot.SETTINGS, 100, MessagingPlugin.FEATURE, Permissions.ADMINISTER,
                        (id, ctx) -> new SettingsPanel(id, ctx.viewer())));
    }

    /** A resource reference scoped to the plugin, so the host answers 404 while the plugin is stopped. */
    private abstract static class Reference extends ResourceReference {
        private static final long serialVersionUID = 1L;

        Reference(String name) {
            super(MessagingUi.class, name);
        }
    }
}
