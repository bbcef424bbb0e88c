package dev.parley.host.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.host.account.LoginPage;
import dev.parley.host.testing.TestHost;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every form shows its errors next to the field, and every page loads the double-submit guard with a CSP nonce. */
class FormBehaviourTest {

    @RegisterExtension
    static final TestHost host = TestHost.perClass();

    @Test
    void aMissingFieldIsMarkedInvalidWithItsMessageBesideIt() {
        WicketTester t = host.newTester();
        t.startPage(LoginPage.class);
        FormTester f = t.newFormTester("form");
        f.setValue("email", "");
        f.setValue("password", "x");
        f.submit();
        String html = t.getLastResponseAsString();
        assertTrue(html.matches("(?s).*<input class=\"form-control is-invalid\"[^>]*id=\"email\".*"), html);
        assertTrue(html.contains("aria-invalid=\"true\""));
        assertTrue(html.contains("<div class=\"invalid-feedback d-block\" id=\"email-error\">Please enter E-mail.</div>"), html);
    }

    @Test
    void thePageDeclaresTheViewersLanguage() {
        WicketTester t = host.newTester();
        t.startPage(LoginPage.class);
        assertTrue(t.getLastResponseAsString().contains("<html lang=\"en\""), t.getLastResponseAsString());
        t.getSession().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        t.startPage(LoginPage.class);
        assertTrue(t.getLastResponseAsString().contains("<html lang=\"zh-CN\""));
    }

    @Test
    void theDoubleSubmitGuardIsLoadedWithTheCspNonce() {
        WicketTester t = host.newTester();
        t.startPage(LoginPage.class);
        String html = t.getLastResponseAsString();
        assertTrue(html.matches("(?s).*<script[^>]*parley[^>]*\\.js[^>]*nonce=\"[^\"]+\".*"), html);
    }
}
