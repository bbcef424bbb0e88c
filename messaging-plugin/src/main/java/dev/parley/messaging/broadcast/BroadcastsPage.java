package dev.parley.messaging.broadcast;

import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.WebSupport;
import java.util.List;
import java.util.Locale;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.link.Link;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * The communication hub's lists: sent messages with their performance, drafts (edit, preview,
 * delete), scheduled messages (edit, cancel, send now) and templates (use, delete).
 */
@PageAccess(area = Area.BRAND, feature = MessagingPlugin.FEATURE, permission = Permissions.MESSAGING)
public class BroadcastsPage extends ParleyPage {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 25;

    private final BroadcastService.View view;
    private final int page;

    public BroadcastsPage(PageParameters parameters) {
        super(parameters);
        BroadcastService.View v;
        try {
            v = BroadcastService.View.valueOf(parameters.get("view").toString("SENT").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v = BroadcastService.View.SENT;
        }
        this.view = v;
        this.page = Math.max(0, parameters.get("page").toInt(0));
    }

    static PageParameters params(BroadcastService.View view) {
        return new PageParameters().set("view", view.name().toLowerCase(Locale.ROOT));
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        add(new BookmarkablePageLink<>("compose", ComposePage.class));
        add(new ListView<>("views", List.of(BroadcastService.View.values())) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<BroadcastService.View> item) {
                BookmarkablePageLink<Void> link = new BookmarkablePageLink<>("link", BroadcastsPage.class, params(item.getModelObject()));
                link.add(new Label("label", getString("view." + item.getModelObject().name())));
                if (item.getModelObject() == view) {
                    link.add(AttributeModifier.append("class", "active"));
                    link.add(AttributeModifier.replace("aria-current", "page"));
                }
                item.add(link);
            }
        });
        IModel<List<Bulk>> rows = LoadableDetachableModel.of(() -> WebSupport.services().broadcasts()
                .list(WebSupport.user(), view, page * PAGE_SIZE, PAGE_SIZE + 1));
        IModel<List<Bulk>> shown = rows.map(l -> l.size() > PAGE_SIZE ? l.subList(0, PAGE_SIZE) : l);

        WebMarkupContainer sent = new WebMarkupContainer("sentTable");
        sent.setVisible(view == BroadcastService.View.SENT);
        sent.add(new ListView<>("rows", shown) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Bulk> item) {
                Bulk b = item.getModelObject();
                CurrentUser viewer = WebSupport.user();
                BookmarkablePageLink<Void> open = new BookmarkablePageLink<>("open", BroadcastDetailPage.class,
                        new PageParameters().set("id", b.id()));
                open.add(new Label("subject", b.subject()));
                item.add(open);
                item.add(new Label("status", BulkTexts.status(this, b.status())));
                item.add(new Label("sender", b.sentByName() == null ? b.createdByName() : b.sentByName()));
                item.add(new Label("when", BulkTexts.time(b.startedAt(), viewer)));
                item.add(new Label("audience", BulkTexts.audience(this, b.audienceLabel())));
                item.add(new Label("recipients", b.recipients() - b.excluded()));
                item.add(new Label("delivered", b.delivered()));
                item.add(new Label("failed", b.emailsFailed()));
                item.add(new Label("opens", b.opens()));
                item.add(new Label("rate", Math.round(b.openRate() * 100) + " %"));
                item.add(new Label("replies", b.replies()));
            }
        });
        add(sent);

        WebMarkupContainer other = new WebMarkupContainer("otherTable");
        other.setVisible(view != BroadcastService.View.SENT);
        other.add(new Label("whenHeading", getString(view == BroadcastService.View.SCHEDULED ? "col.scheduledFor" : "col.updated")));
        other.add(new ListView<>("rows", shown) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Bulk> item) {
                Bulk b = item.getModelObject();
                long id = b.id();
                CurrentUser viewer = WebSupport.user();
                boolean template = view == BroadcastService.View.TEMPLATES;
                item.add(new Label("subject", template ? b.name() + " — " + b.subject() : b.subject().isEmpty() ? "—" : b.subject()));
                item.add(new Label("audience", BulkTexts.audience(this, b.audienceLabel())));
                item.add(new Label("when", BulkTexts.time(view == BroadcastService.View.SCHEDULED ? b.scheduledAt() : b.updatedAt(), viewer)));
                item.add(new BookmarkablePageLink<>("edit", ComposePage.class, new PageParameters().set("id", id))
                        .setVisible(!template));
                item.add(new BookmarkablePageLink<>("use", ComposePage.class, new PageParameters().set("template", id))
                        .setVisible(template));
                item.add(new BookmarkablePageLink<>("preview", BroadcastDetailPage.class, new PageParameters().set("id", id)));
                item.add(action("delete", () -> WebSupport.services().broadcasts().delete(WebSupport.user(), id), "deleted")
                        .setVisible(view == BroadcastService.View.DRAFTS || template));
                item.add(action("cancel", () -> WebSupport.services().broadcasts().cancelSchedule(WebSupport.user(), id), "cancelled")
                        .setVisible(view == BroadcastService.View.SCHEDULED));
                item.add(action("sendNow", () -> WebSupport.services().broadcasts().sendNow(WebSupport.user(), id), "sendingNow")
                        .setVisible(view == BroadcastService.View.SCHEDULED));
            }
        });
        add(other);
        add(new Label("empty", getString("empty." + view.name())) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(rows.getObject().isEmpty());
            }
        });
        add(new BookmarkablePageLink<>("prev", BroadcastsPage.class, params(view).set("page", page - 1)).setVisible(page > 0));
        add(new BookmarkablePageLink<Void>("next", BroadcastsPage.class, params(view).set("page", page + 1)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(rows.getObject().size() > PAGE_SIZE);
            }
        });
    }

    private Link<Void> action(String id, Action action, String doneKey) {
        return new Link<>(id) {
            private static final long serialVersionUID = 1L;

            @Override
            public void onClick() {
                try {
                    action.run();
                    getSession().success(getString(doneKey));
                } catch (MessagingException e) {
                    getSession().error(WebSupport.text(this, e));
                }
                setResponsePage(BroadcastsPage.class, params(view));
            }
        };
    }

    /** An action that Wicket can keep in the page. */
    interface Action extends java.io.Serializable {
        void run();
    }
}
