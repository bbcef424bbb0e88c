package dev.parley.host.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.user.BrandUser;
import dev.parley.host.dashboard.BrandDashboardPage;
import dev.parley.host.testing.TestHost;
import java.util.Arrays;
import org.apache.wicket.markup.html.form.CheckBoxMultipleChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Custom roles built from permissions, including those plugins declare, take effect on the next request. */
class RolesPageTest {

    @RegisterExtension
    static final TestHost host = TestHost.perClass();

    @Test
    void aCustomRoleWithMessagingGivesTheAnalystTheInbox() {
        WicketTester analyst = host.loggedIn("analyst@acme.test");
        analyst.startPage(BrandDashboardPage.class);
        assertFalse(analyst.getLastResponseAsString().contains(">Inbox<"));

        WicketTester admin = host.loggedIn("owner@acme.test");
        admin.startPage(RolesPage.class);
        assertTrue(admin.getLastResponseAsString().contains("Messaging"), "plugin permission offered");
        FormTester create = admin.newFormTester("create");
        create.setValue("roleName", "Analyst who messages");
        create.selectMultiple("rolePermissions", indexes(admin, "create:rolePermissions", "messaging", "view_partners"));
        create.submit();
        admin.assertRenderedPage(RolesPage.class);
        assertTrue(admin.getLastResponseAsString().contains("Analyst who messages"));

        String userForm = userFormOf(admin, "analyst@acme.test");
        FormTester assign = admin.newFormTester(userForm);
        assign.selectMultiple("userRoles", indexes(admin, userForm + ":userRoles", "Analyst", "Analyst who messages"), true);
        assign.submit();

        analyst.startPage(BrandDashboardPage.class);
        assertTrue(analyst.getLastResponseAsString().contains(">Inbox<"));
        analyst.executeUrl("inbox");
        assertEquals(200, analyst.getLastResponse().getStatus());
    }

    @Test
    void aDuplicateRoleNameIsRefusedWithAMessage() {
        WicketTester admin = host.loggedIn("owner@acme.test");
        admin.startPage(RolesPage.class);
        FormTester create = admin.newFormTester("create");
        create.setValue("roleName", "Community Manager");
        create.submit();
        admin.assertErrorMessages("A role named 'Community Manager' already exists.");
    }

    private static String userFormOf(WicketTester t, String email) {
        String[] path = new String[1];
        t.getLastRenderedPage().visitChildren(Form.class, (form, visit) -> {
            if ("userForm".equals(form.getId()) && form.getParent().getDefaultModelObject() instanceof BrandUser u
                    && u.email().equals(email)) {
                path[0] = form.getPageRelativePath();
                visit.stop();
            }
        });
        if (path[0] == null) {
            throw new AssertionError("no role form for " + email);
        }
        return path[0];
    }

    @SuppressWarnings("unchecked")
    private static int[] indexes(WicketTester t, String path, String... wanted) {
        CheckBoxMultipleChoice<Object> c = (CheckBoxMultipleChoice<Object>) t.getComponentFromLastRenderedPage(path);
        var choices = c.getChoices();
        return Arrays.stream(wanted).mapToInt(w -> {
            for (int i = 0; i < choices.size(); i++) {
                Object o = choices.get(i);
                String key = o instanceof RoleRow r ? r.name() : String.valueOf(o);
                if (key.equals(w)) {
                    return i;
                }
            }
            throw new AssertionError("no choice " + w + " in " + choices);
        }).toArray();
    }
}
