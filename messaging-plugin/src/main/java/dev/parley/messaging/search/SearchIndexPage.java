package dev.parley.messaging.search;

import dev.parley.api.plugin.Host;
import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessagingPlugin;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.apache.wicket.ajax.AjaxSelfUpdatingTimerBehavior;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.http.flow.AbortWithHttpErrorCodeException;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * The search index of this host instance: documents, change-log position, and the progress of the
 * running or last rebuild (refreshed every second), and a rebuild button. The index serves every
 * program, so only platform admins may open it (others get 403).
 */
@PageAccess(area = Area.BRAND, permission = Permissions.ADMINISTER)
public class SearchIndexPage extends ParleyPage {

    private static final long serialVersionUID = 1L;

    public SearchIndexPage(PageParameters parameters) {
        super(parameters);
    }

    private static CurrentUser user() {
        return Host.services().currentUser().orElseThrow();
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        if (!SearchService.mayAdminister(user())) {
            throw new AbortWithHttpErrorCodeException(403);
        }
        IModel<RebuildProgress> progress = LoadableDetachableModel.of(
                () -> MessagingPlugin.get().services().search().service().progress(user()));
        ZoneId zone = user().zoneId();
        WebMarkupContainer status = new WebMarkupContainer("status");
        status.setOutputMarkupId(true);
        status.add(new AjaxSelfUpdatingTimerBehavior(Duration.ofSeconds(1)));
        add(status);
        status.add(new org.apache.wicket.markup.html.WebMarkupContainer("bar").add(org.apache.wicket.AttributeModifier.replace(
                "value", progress.map(p -> p.running() || p.startedAt() != null ? p.percent() : 0))));
        status.add(new Label("documents", progress.map(RebuildProgress::documents)));
        status.add(new Label("change", progress.map(RebuildProgress::appliedChange)));
        status.add(new Label("state", () -> getString(progress.getObject().running() ? "index.running"
                : progress.getObject().error() != null ? "index.failed" : "index.ready")));
        status.add(new Label("progress", () -> new StringResourceModel("index.progress", this)
                .setParameters(progress.getObject().done(), progress.getObject().total(), progress.getObject().percent())
                .getObject()) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(progress.getObject().startedAt() != null);
            }
        });
        status.add(new Label("reason", progress.map(p -> p.reason() == null ? "–" : p.reason())));
        status.add(new Label("started", progress.map(p -> time(p.startedAt(), zone))));
        status.add(new Label("finished", progress.map(p -> time(p.finishedAt(), zone))));
        status.add(new Label("error", progress.map(RebuildProgress::error)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(progress.getObject().error() != null);
            }
        });
        Form<Void> rebuild = new Form<>("rebuild") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                boolean started = MessagingPlugin.get().services().search().service().rebuild(user());
                if (started) {
                    info(getString("index.started"));
                } else {
                    warn(getString("index.alreadyRunning"));
                }
            }
        };
        add(rebuild);
    }

    private String time(Instant instant, ZoneId zone) {
        return instant == null ? "–" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(zone).format(instant);
    }
}
