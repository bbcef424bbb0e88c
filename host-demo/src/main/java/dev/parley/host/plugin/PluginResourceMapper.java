package dev.parley.host.plugin;

import org.apache.wicket.core.request.mapper.ResourceMapper;
import org.apache.wicket.request.IRequestHandler;
import org.apache.wicket.request.Request;
import org.apache.wicket.request.http.handler.ErrorCodeRequestHandler;
import org.apache.wicket.request.resource.ResourceReference;

/** Mounts a plugin resource; answers 404 while the plugin is not running. */
public final class PluginResourceMapper extends ResourceMapper {

    private final String pluginId;
    private final PluginRegistry registry;

    public PluginResourceMapper(String path, ResourceReference reference, String pluginId, PluginRegistry registry) {
        super(path, reference);
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
