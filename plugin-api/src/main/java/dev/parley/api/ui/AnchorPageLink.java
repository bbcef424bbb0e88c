package dev.parley.api.ui;

import org.apache.wicket.Page;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * A {@link BookmarkablePageLink} for an {@code <a>} tag, whose {@code href} is the whole link. Wicket's
 * links also compute their URL while the page's head is rendered, to bind a click script for tags
 * other than {@code <a>}; on an {@code <a>} no script is bound, so that second URL is wasted work (an
 * inbox page has ~60 links). Use it only on {@code <a>} tags.
 *
 * @param <T> the model object type
 * @since 1.0
 */
public class AnchorPageLink<T> extends BookmarkablePageLink<T> {

    private static final long serialVersionUID = 1L;

    public <C extends Page> AnchorPageLink(String id, Class<C> pageClass) {
        super(id, pageClass);
    }

    public <C extends Page> AnchorPageLink(String id, Class<C> pageClass, PageParameters parameters) {
        super(id, pageClass, parameters);
    }

    @Override
    protected boolean useJSEventBindingWhenNeeded() {
        return false;
    }
}
