package dev.parley.host.web;

import org.apache.wicket.Component;
import org.apache.wicket.application.IComponentInstantiationListener;
import org.apache.wicket.behavior.Behavior;
import org.apache.wicket.feedback.FeedbackMessage;
import org.apache.wicket.markup.ComponentTag;
import org.apache.wicket.markup.html.form.FormComponent;
import org.apache.wicket.request.Response;
import org.apache.wicket.util.string.Strings;

/**
 * Shows validation errors next to the field that caused them, for host and plugin forms alike:
 * the field gets Bootstrap's {@code is-invalid} and {@code aria-invalid}, and the message follows
 * it in an {@code invalid-feedback} element the field points to with {@code aria-describedby}.
 */
final class InlineValidation extends Behavior implements IComponentInstantiationListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void onInstantiation(Component component) {
        if (component instanceof FormComponent<?>) {
            component.add(this);
        }
    }

    @Override
    public boolean isTemporary(Component component) {
        return false;
    }

    @Override
    public void onComponentTag(Component component, ComponentTag tag) {
        FeedbackMessage error = firstError(component);
        if (error != null) {
            tag.append("class", "is-invalid", " ");
            tag.put("aria-invalid", "true");
            tag.put("aria-describedby", component.getMarkupId() + "-error");
        }
    }

    @Override
    public void afterRender(Component component) {
        FeedbackMessage error = firstError(component);
        if (error != null) {
            Response r = component.getResponse();
            r.write("<div class=\"invalid-feedback d-block\" id=\"" + component.getMarkupId() + "-error\">");
            r.write(Strings.escapeMarkup(String.valueOf(error.getMessage())));
            r.write("</div>");
        }
    }

    private static FeedbackMessage firstError(Component component) {
        return component.getFeedbackMessages().first(FeedbackMessage.ERROR);
    }
}
