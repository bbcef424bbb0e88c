package dev.parley.api.ui;

import java.util.Objects;
import org.apache.wicket.request.component.IRequestablePage;

/**
 * A bookmarkable URL for a plugin page. While the plugin is stopped or disabled the path answers
 * 404.
 *
 * @param path mount path such as {@code /inbox} or {@code /portal/messages}
 * @param pageClass the page
 * @since 1.0
 */
public record PageMount(String path, Class<? extends IRequestablePage> pageClass) {

    public PageMount {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(pageClass, "pageClass");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Mount path must start with '/': " + path);
        }
    }
}
