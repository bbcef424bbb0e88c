package dev.parley.host.account;

import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.host.web.HostPage;
import dev.parley.host.web.HostSession;
import java.util.Optional;
import org.apache.wicket.RestartResponseAtInterceptPageException;
import org.apache.wicket.request.Url;
import org.apache.wicket.request.flow.RedirectToUrlException;
import org.apache.wicket.markup.html.form.EmailTextField;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.PasswordTextField;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.ResourceModel;
import org.apache.wicket.validation.validator.StringValidator;

/** Login for brand users and partner members; the demo accounts are listed beside the form. */
@PageAccess(area = Area.PUBLIC)
public class LoginPage extends HostPage {

    private static final long serialVersionUID = 1L;

    private final Model<String> email = Model.of("");
    private final Model<String> password = Model.of("");

    @Override
    protected void onInitialize() {
        super.onInitialize();
        Form<Void> form = new Form<>("form") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                Optional<Principal> who = host().accounts().authenticate(email.getObject(), password.getObject());
                if (who.isEmpty()) {
                    error(getString("login.failed"));
                    password.setObject("");
                    return;
                }
                // The session id changes at login, which drops the remembered destination: read it first.
                Url original = RestartResponseAtInterceptPageException.getOriginalUrl();
                HostSession.get().signIn(who.get());
                if (original != null) {
                    throw new RedirectToUrlException(getRequestCycle().getUrlRenderer().renderRelativeUrl(original));
                }
                setResponsePage(getApplication().getHomePage());
            }
        };
        EmailTextField emailField = new EmailTextField("email", email);
        emailField.setRequired(true).setLabel(new ResourceModel("login.email"));
        emailField.add(StringValidator.maximumLength(254));
        PasswordTextField passwordField = new PasswordTextField("password", password);
        passwordField.setLabel(new ResourceModel("login.password"));
        passwordField.add(StringValidator.maximumLength(PasswordHasher.MAX_PASSWORD_BYTES));
        form.add(emailField, passwordField);
        add(form);
        add(new Label("demoPassword", host().config().get("demo.password", "demo1234")));
    }
}
