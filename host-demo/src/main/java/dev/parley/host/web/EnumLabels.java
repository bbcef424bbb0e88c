package dev.parley.host.web;

import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.ResourceModel;

/** Shows enum-like values (statuses, plans) in the viewer's language: resource key {@code <prefix>.<value>}. */
public final class EnumLabels {

    private EnumLabels() {
    }

    public static IModel<String> label(String prefix, Object value) {
        return new ResourceModel(prefix + "." + value, String.valueOf(value));
    }

    /** A renderer for drop-downs of such values; the submitted id stays the raw value. */
    public static <T> ChoiceRenderer<T> renderer(String prefix) {
        return new ChoiceRenderer<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public Object getDisplayValue(T value) {
                return label(prefix, value).getObject();
            }

            @Override
            public String getIdValue(T value, int index) {
                return String.valueOf(value);
            }
        };
    }
}
