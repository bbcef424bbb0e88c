package dev.parley.host.plugin;

import org.apache.wicket.core.request.mapper.MountedMapper;
import org.apache.wicket.request.IRequestHandler;
import org.apache.wicket.request.Request;
import org.apache.wicket.request.component.IRequestablePage;
import org.apache.wicket.request.http.handler.ErrorCodeRequestHandler;

/**
 * Mounts a plugin page. While the plugin is not running the path keeps answering, with 404: without
 * this a POST to the path would fall through to the servlet container and get 405.
 */
public final class PluginPageMapper extends MountedMapper {

    private final String pluginId;
    private final PluginRegistry registry;

    public PluginPageMapper(String path, Class<? extends IRequestablePage> pageClass, String pluginId,
            PluginRegistry registry) {
        super(path, pageClass);
        this.pluginId = pluginId;
        this.registry = registry;
    }

    @Override
    public IRequestHandler mapRequest(Request request) {
        IRequestHandler handler = super.mapRequest(request);
        if (handler != null && !registry.isStarted(pluginId)) {
            return new ErrorCodeRequestHandler(404);
        }
        return handler;
    }
}
