package dev.parley.messaging.settings;

import dev.parley.api.user.CurrentUser;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.WebSupport;
import org.apache.wicket.markup.html.form.CheckBox;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.NumberTextField;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;

/** The messaging section of the brand's settings page: the program's messaging rules. */
public class SettingsPanel extends Panel {

    private static final long serialVersionUID = 1L;

    public SettingsPanel(String id, CurrentUser viewer) {
        super(id);
        ProgramSettings current = WebSupport.services().settings().settings(viewer.programId());
        IModel<Boolean> mayStart = Model.of(current.partnersMayStart());
        IModel<Integer> maxLength = Model.of(current.maxLength());
        IModel<Integer> perHour = Model.of(current.sendsPerHour());
        Form<Void> form = new Form<>("messagingSettings") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                try {
                    WebSupport.services().settings().save(WebSupport.user(), new ProgramSettings(
                            Boolean.TRUE.equals(mayStart.getObject()), maxLength.getObject(), perHour.getObject()));
                    success(getString("saved"));
                } catch (MessagingException e) {
                    error(WebSupport.text(this, e));
                }
            }
        };
        form.add(new CheckBox("partnersMayStart", mayStart));
        form.add(new NumberTextField<>("maxLength", maxLength, Integer.class).setMinimum(1)
                .setMaximum(ProgramSettings.MAX_LENGTH_LIMIT).setRequired(true));
        form.add(new NumberTextField<>("sendsPerHour", perHour, Integer.class).setMinimum(1)
                .setMaximum(ProgramSettings.SENDS_LIMIT).setRequired(true));
        add(form);
    }
}
