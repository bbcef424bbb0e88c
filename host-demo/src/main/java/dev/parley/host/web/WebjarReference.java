package dev.parley.host.web;

import java.net.URL;
import org.apache.wicket.core.util.resource.UrlResourceStream;
import org.apache.wicket.request.resource.IResource;
import org.apache.wicket.request.resource.ResourceReference;
import org.apache.wicket.request.resource.ResourceStreamResource;

/** A CSS or JavaScript file from a WebJar on the class path ({@code META-INF/resources/webjars/...}). */
final class WebjarReference extends ResourceReference {

    private static final long serialVersionUID = 1L;
    private final String path;

    WebjarReference(String path) {
        super(WebjarReference.class, "webjars/" + path);
        this.path = path;
    }

    @Override
    public IResource getResource() {
        URL url = WebjarReference.class.getClassLoader().getResource("META-INF/resources/webjars/" + path);
        if (url == null) {
            throw new IllegalStateException("WebJar resource missing: " + path);
        }
        ResourceStreamResource resource = new ResourceStreamResource(new UrlResourceStream(url));
        resource.setCacheDuration(java.time.Duration.ofDays(30));
        return resource;
    }
}
