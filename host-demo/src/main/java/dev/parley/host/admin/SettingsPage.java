package dev.parley.host.admin;

import dev.parley.api.ui.Area;
import dev.parley.api.ui.HostSlot;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.SlotContext;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.host.account.RolesPage;
import dev.parley.host.mail.OutboxPage;
import dev.parley.host.plan.PlanMatrixPage;
import dev.parley.host.web.HostPage;
import dev.parley.host.web.SlotView;
import dev.parley.host.demo.DemoGeneration;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Map;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.ajax.AjaxRequestTarget;
import org.apache.wicket.ajax.AjaxSelfUpdatingTimerBehavior;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.NumberTextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.PropertyModel;
import org.apache.wicket.model.ResourceModel;

/** Account settings: plans, roles, plugins, the demo outbox, demo partner generation and the plugins' settings sections. */
@PageAccess(area = Area.BRAND, permission = Permissions.ADMINISTER)
public class SettingsPage extends HostPage {

    private static final long serialVersionUID = 1L;

    @Override
    protected void onInitialize() {
        super.onInitialize();
        CurrentUser u = user();
        add(new BookmarkablePageLink<>("plans", PlanMatrixPage.class));
        add(new BookmarkablePageLink<>("roles", RolesPage.class));
        add(new BookmarkablePageLink<>("plugins", PluginsPage.class).setVisible(u.platformAdmin()));
        add(new BookmarkablePageLink<>("outbox", OutboxPage.class));
        add(demoPartners(u));
        add(new SlotView("sections", HostSlot.SETTINGS, new SlotContext(u, u.programId(), null, null)));
    }

    private Integer count = 100;

    /** "Generate demo partners": a form, then a progress bar that follows the background job. */
    private WebMarkupContainer demoPartners(CurrentUser u) {
        long program = u.programId();
        IModel<DemoGeneration.Progress> progress = LoadableDetachableModel.of(() -> host().demoGeneration().progress(program));
        WebMarkupContainer box = new WebMarkupContainer("demoProgress") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(progress.getObject() != null);
            }
        };
        box.setOutputMarkupPlaceholderTag(true);
        box.add(new Label("demoText", progress.map(p -> {
            NumberFormat n = NumberFormat.getIntegerInstance(getLocale());
            String key = p.failed() ? "demo.failed" : p.running() ? "demo.progress" : "demo.done";
            return getString(key, Model.ofMap(Map.of("written", n.format(p.written()), "total", n.format(p.total()))));
        })));
        box.add(new WebMarkupContainer("demoBar").add(AttributeModifier.replace("value", progress.map(p -> p.percent()))));
        box.add(new AjaxSelfUpdatingTimerBehavior(Duration.ofSeconds(1)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onPostProcessTarget(AjaxRequestTarget target) {
                DemoGeneration.Progress p = progress.getObject();
                if (p == null || !p.running()) {
                    stop(target);
                }
            }
        });
        Form<Void> form = new Form<>("demoForm") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                if (host().demoGeneration().start(program, count)) {
                    success(getString("demo.started"));
                } else {
                    error(getString("demo.running"));
                }
            }
        };
        form.add(new NumberTextField<>("count", new PropertyModel<>(this, "count"), Integer.class)
                .setMinimum(1).setMaximum(DemoGeneration.MAX).setRequired(true)
                .setLabel(new ResourceModel("demo.count")));
        add(form);
        return box;
    }
}
