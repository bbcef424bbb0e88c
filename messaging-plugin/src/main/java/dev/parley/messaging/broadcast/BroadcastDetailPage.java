package dev.parley.messaging.broadcast;

import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.WebSupport;
import dev.parley.messaging.inbox.ConversationPage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.ajax.AjaxSelfUpdatingTimerBehavior;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.CheckBox;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.link.Link;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * One bulk message: who sent it and when, the audience, live progress with pause/resume while
 * sending, a copy of the content, the per-recipient delivery log (delivered, left out with the
 * reason, e-mail copies, opened at, replied with a link to the conversation) and opens over time.
 */
@PageAccess(area = Area.BRAND, feature = MessagingPlugin.FEATURE, permission = Permissions.MESSAGING)
public class BroadcastDetailPage extends ParleyPage {

    private static final long serialVersionUID = 1L;
    static final int LOG_PAGE = 50;

    private final long id;
    private final long after;
    private final String search;
    private final boolean repliedOnly;

    public BroadcastDetailPage(PageParameters parameters) {
        super(parameters);
        this.id = parameters.get("id").toLong(-1);
        this.after = Math.max(0, parameters.get("after").toLong(0));
        this.search = parameters.get("q").toOptionalString();
        this.repliedOnly = parameters.get("replied").toBoolean(false);
    }

    private PageParameters params() {
        PageParameters p = new PageParameters().set("id", id);
        if (search != null && !search.isBlank()) {
            p.set("q", search);
        }
        if (repliedOnly) {
            p.set("replied", true);
        }
        return p;
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        CurrentUser viewer = WebSupport.user();
        IModel<Bulk> bulk = LoadableDetachableModel.of(() -> {
            try {
                return WebSupport.services().broadcasts().find(WebSupport.user(), id);
            } catch (MessagingException e) {
                throw WebSupport.notFound();
            }
        });
        Bulk b = bulk.getObject();
        add(new Label("subject", b.subject().isEmpty() ? "—" : b.subject()));
        add(new BookmarkablePageLink<>("back", BroadcastsPage.class, BroadcastsPage.params(
                b.status() == BulkStatus.DRAFT ? BroadcastService.View.DRAFTS
                        : b.status() == BulkStatus.SCHEDULED ? BroadcastService.View.SCHEDULED : BroadcastService.View.SENT)));

        // Summary and live progress.
        WebMarkupContainer progress = new WebMarkupContainer("progress");
        progress.setOutputMarkupId(true);
        progress.add(new Label("status", bulk.map(x -> BulkTexts.status(this, x.status()))));
        progress.add(new Label("pauseReason", bulk.map(x -> x.pauseReason() == null ? "" : getString("pause." + x.pauseReason(), null, x.pauseReason()))) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(bulk.getObject().status() == BulkStatus.PAUSED);
            }
        });
        progress.add(new Label("sender", bulk.map(x -> x.sentByName() == null ? x.createdByName() : x.sentByName())));
        progress.add(new Label("when", bulk.map(x -> x.startedAt() != null ? BulkTexts.time(x.startedAt(), WebSupport.user())
                : x.scheduledAt() != null ? BulkTexts.time(x.scheduledAt(), WebSupport.user()) : "—")));
        progress.add(new Label("audience", bulk.map(x -> BulkTexts.audience(this, x.audienceLabel()))));
        progress.add(new Label("recipients", bulk.map(x -> x.recipients() - x.excluded())));
        progress.add(new Label("excluded", bulk.map(Bulk::excluded)));
        progress.add(new Label("delivered", bulk.map(Bulk::delivered)));
        progress.add(new Label("emailsSent", bulk.map(Bulk::emailsSent)));
        progress.add(new Label("emailsFailed", bulk.map(Bulk::emailsFailed)));
        progress.add(new Label("opens", bulk.map(Bulk::opens)));
        progress.add(new Label("rate", bulk.map(x -> Math.round(x.openRate() * 100) + " %")));
        progress.add(new Label("replies", bulk.map(Bulk::replies)));
        progress.add(new Label("replyMode", bulk.map(x -> getString(x.allowReplies() ? "repliesOn" : "repliesOff"))));
        WebMarkupContainer bar = new WebMarkupContainer("bar");
        bar.add(AttributeModifier.replace("value", bulk.map(x -> Long.toString(Math.round(x.progress() * 100)))));
        bar.add(AttributeModifier.replace("aria-valuetext", bulk.map(x -> x.delivered() + " / " + (x.recipients() - x.excluded()))));
        progress.add(bar);
        progress.add(new Label("barText", bulk.map(x -> BulkTexts.text(this, "progressText",
                Map.of("delivered", x.delivered(), "total", Math.max(0, x.recipients() - x.excluded()))))));
        progress.add(link("pause", () -> WebSupport.services().broadcasts().pause(WebSupport.user(), id), "paused",
                () -> bulk.getObject().status() == BulkStatus.SENDING));
        progress.add(link("resume", () -> WebSupport.services().broadcasts().resume(WebSupport.user(), id), "resumed",
                () -> bulk.getObject().status() == BulkStatus.PAUSED));
        if (b.status() == BulkStatus.SENDING || b.status() == BulkStatus.SCHEDULED) {
            progress.add(new AjaxSelfUpdatingTimerBehavior(Duration.ofSeconds(2)) {
                private static final long serialVersionUID = 1L;

                @Override
                protected void onPostProcessTarget(org.apache.wicket.ajax.AjaxRequestTarget target) {
                    BulkStatus s = bulk.getObject().status();
                    if (s != BulkStatus.SENDING && s != BulkStatus.SCHEDULED) {
                        stop(target);
                    }
                }
            });
        }
        add(progress);

        // Actions before sending.
        add(new BookmarkablePageLink<>("edit", ComposePage.class, new PageParameters().set("id", id))
                .setVisible(b.status() == BulkStatus.DRAFT || b.status() == BulkStatus.SCHEDULED));
        add(link("sendNow", () -> WebSupport.services().broadcasts().sendNow(WebSupport.user(), id), "sendingNow",
                () -> bulk.getObject().status() == BulkStatus.SCHEDULED));
        add(link("cancel", () -> WebSupport.services().broadcasts().cancelSchedule(WebSupport.user(), id), "cancelled",
                () -> bulk.getObject().status() == BulkStatus.SCHEDULED));

        // A copy of the content (macros as written).
        add(new Label("copySubject", b.subject()));
        add(new Label("copyBody", Markdown.toHtml(b.body())).setEscapeModelStrings(false));

        // Opens over time: a Chart.js bar chart and an accessible table with the same numbers.
        List<BroadcastMapper.OpenBucketText> buckets = WebSupport.services().broadcasts().opens(viewer, id);
        DateTimeFormatter in = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        List<String[]> opensRows = new ArrayList<>();
        for (BroadcastMapper.OpenBucketText t : buckets) {
            String when = WebSupport.time(LocalDateTime.parse(t.hour(), in).toInstant(ZoneOffset.UTC), viewer);
            opensRows.add(new String[] {when, Long.toString(t.opens())});
        }
        WebMarkupContainer chartBox = new WebMarkupContainer("chartBox");
        chartBox.setVisible(!buckets.isEmpty());
        chartBox.add(new WebMarkupContainer("chart").add(dev.parley.api.ui.Chart.bar(
                opensRows.stream().map(r -> r[0]).toList(),
                new dev.parley.api.ui.Chart.Series(getString("opens"), buckets.stream().map(BroadcastMapper.OpenBucketText::opens).toList()))));
        add(chartBox);
        add(new ListView<>("opensRows", opensRows) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<String[]> item) {
                item.add(new Label("hour", item.getModelObject()[0]));
                item.add(new Label("count", item.getModelObject()[1]));
            }
        });
        add(new WebMarkupContainer("noOpens").setVisible(buckets.isEmpty()));

        // Partners who replied, each with a link to the conversation in the inbox.
        IModel<List<BroadcastMapper.LogRow>> replies = LoadableDetachableModel.of(() -> WebSupport.services().broadcasts()
                .log(WebSupport.user(), id, null, true, 0, 100));
        WebMarkupContainer repliesBox = new WebMarkupContainer("repliesBox") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(!replies.getObject().isEmpty());
            }
        };
        repliesBox.add(new ListView<>("replied", replies) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<BroadcastMapper.LogRow> item) {
                BroadcastMapper.LogRow r = item.getModelObject();
                item.add(new Label("partner", r.partnerName()));
                item.add(new Label("at", BulkTexts.time(r.repliedAt(), WebSupport.user())));
                item.add(new BookmarkablePageLink<>("view", ConversationPage.class,
                        new PageParameters().set("id", r.replyConversationId())));
            }
        });
        add(repliesBox);

        // Delivery log.
        IModel<String> q = Model.of(search);
        IModel<Boolean> replied = Model.of(repliedOnly);
        Form<Void> filter = new Form<>("logFilter") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                PageParameters p = new PageParameters().set("id", id);
                if (q.getObject() != null && !q.getObject().isBlank()) {
                    p.set("q", q.getObject());
                }
                if (Boolean.TRUE.equals(replied.getObject())) {
                    p.set("replied", true);
                }
                setResponsePage(BroadcastDetailPage.class, p);
            }
        };
        filter.add(ComposePage.typed("q", q, "search"));
        filter.add(new CheckBox("replied", replied));
        add(filter);
        IModel<List<BroadcastMapper.LogRow>> log = LoadableDetachableModel.of(() -> WebSupport.services().broadcasts()
                .log(WebSupport.user(), id, search, repliedOnly, after, LOG_PAGE + 1));
        add(new ListView<>("log", log.map(l -> l.size() > LOG_PAGE ? l.subList(0, LOG_PAGE) : l)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<BroadcastMapper.LogRow> item) {
                BroadcastMapper.LogRow r = item.getModelObject();
                CurrentUser v = WebSupport.user();
                item.add(new Label("partner", r.partnerName()));
                String state = r.excludedReason() != null ? getString("log.excluded") + ": " + BulkTexts.reason(this, r.excludedReason())
                        : r.deliveredAt() != null ? getString("log.delivered") + " " + BulkTexts.time(r.deliveredAt(), v)
                        : getString("log.pending");
                item.add(new Label("state", state));
                String email = r.emails() == 0 ? "—" : BulkTexts.text(this, "log.emails", Map.of("sent", r.emailsSent(),
                        "failed", r.emailsFailed(), "total", r.emails()))
                        + (r.emailError() != null ? " · " + r.emailError() : "");
                item.add(new Label("email", email));
                item.add(new Label("opened", r.openedAt() == null ? "—" : BulkTexts.time(r.openedAt(), v) + " ("
                        + getString("via." + r.openedVia(), null, r.openedVia()) + ")"));
                BookmarkablePageLink<Void> reply = new BookmarkablePageLink<>("reply", ConversationPage.class,
                        new PageParameters().set("id", r.replyConversationId() == null ? 0 : r.replyConversationId()));
                reply.setVisible(r.replyConversationId() != null);
                item.add(reply);
                item.add(new Label("noReply", "—").setVisible(r.replyConversationId() == null));
            }
        });
        add(new BookmarkablePageLink<>("logFirst", BroadcastDetailPage.class, params()).setVisible(after > 0));
        add(new BookmarkablePageLink<Void>("logNext", BroadcastDetailPage.class) {
            private static final long serialVersionUID = 1L;

            @Override
            public PageParameters getPageParameters() {
                List<BroadcastMapper.LogRow> l = log.getObject();
                return params().set("after", l.get(Math.min(l.size(), LOG_PAGE) - 1).partnerId());
            }

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(log.getObject().size() > LOG_PAGE);
            }
        });
    }

    private Link<Void> link(String wicketId, BroadcastsPage.Action action, String doneKey, Condition visible) {
        return new Link<>(wicketId) {
            private static final long serialVersionUID = 1L;

            @Override
            public void onClick() {
                try {
                    action.run();
                    getSession().success(getString(doneKey));
                } catch (MessagingException e) {
                    getSession().error(WebSupport.text(this, e));
                }
                setResponsePage(BroadcastDetailPage.class, new PageParameters().set("id", id));
            }

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(visible.test());
            }
        };
    }

    /** A visibility test Wicket can keep in the page. */
    interface Condition extends java.io.Serializable {
        boolean test();
    }
}
