package dev.parley.host.admin;

import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.user.Permissions;
import dev.parley.host.plugin.HostPluginManager;
import dev.parley.host.plugin.PluginStatus;
import dev.parley.host.web.Http;
import dev.parley.host.web.HostPage;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.Link;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.LoadableDetachableModel;
import org.pf4j.PluginState;

/** Installed plugins with version, state and the reason one is not running; enable and disable. */
@PageAccess(area = Area.BRAND, permission = Permissions.ADMINISTER)
public class PluginsPage extends HostPage {

    private static final long serialVersionUID = 1L;

    @Override
    protected void onInitialize() {
        super.onInitialize();
        if (!user().platformAdmin()) {
            throw Http.forbidden();
        }
        add(new Label("folder", host().config().pluginsDir().toString()));
        add(new ListView<>("plugins", LoadableDetachableModel.of(() -> host().pluginManager().statuses())) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<PluginStatus> item) {
                PluginStatus s = item.getModelObject();
                item.add(new Label("id", s.id()));
                item.add(new Label("version", s.version()));
                item.add(new Label("state", s.state()));
                item.add(new Label("reason", s.reason()));
                boolean running = "STARTED".equals(s.state());
                item.add(new Link<Void>("disable") {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void onClick() {
                        requirePlatformAdmin();
                        host().pluginManager().disablePlugin(s.id());
                        getSession().success(getString("disabled", null, "Disabled.") + " " + s.id());
                    }
                }.setVisible(s.canToggle() && running));
                item.add(new Link<Void>("enable") {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void onClick() {
                        requirePlatformAdmin();
                        HostPluginManager pm = host().pluginManager();
                        pm.enablePlugin(s.id());
                        PluginState state = pm.startSafely(s.id());
                        if (state == PluginState.STARTED) {
                            getSession().success(getString("enabled", null, "Enabled.") + " " + s.id());
                        } else {
                            getSession().error(s.id() + ": " + state);
                        }
                    }
                }.setVisible(s.canToggle() && !running));
            }
        });
    }

    private static void requirePlatformAdmin() {
        if (!user().platformAdmin()) {
            throw Http.forbidden();
        }
    }
}
