package dev.parley.api.ui;

import java.util.Objects;
import org.apache.wicket.request.resource.ResourceReference;

/**
 * A plugin resource at a fixed URL: file downloads, webhooks (e.g. inbound SMS), tracking pixels.
 * While the plugin is stopped or disabled the path answers 404. The resource must check access itself
 * (through {@link dev.parley.api.plugin.HostServices#currentUser()} or a signature).
 *
 * @param path mount path such as {@code /messaging/attachment} or {@code /hooks/sms}
 * @param reference the resource
 * @since 1.0
 */
public record ResourceMount(String path, ResourceReference reference) {

    public ResourceMount {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reference, "reference");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Mount path must start with '/': " + path);
        }
    }
}
