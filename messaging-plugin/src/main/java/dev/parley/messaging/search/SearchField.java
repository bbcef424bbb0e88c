package dev.parley.messaging.search;

import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.model.IModel;

/** A text field on an {@code <input type="search">}. */
final class SearchField extends TextField<String> {

    private static final long serialVersionUID = 1L;

    SearchField(String id, IModel<String> model) {
        super(id, model, String.class);
    }

    @Override
    protected String[] getInputTypes() {
        return new String[] {"search", "text"};
    }
}
