package dev.parley.host.account;

import dev.parley.api.feature.PermissionDeclaration;
import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.user.BrandUser;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.host.plugin.PluginRegistry.Declared;
import dev.parley.host.web.HostPage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.CheckBoxMultipleChoice;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.IChoiceRenderer;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.ResourceModel;
import org.apache.wicket.resource.loader.ComponentStringResourceLoader;
import org.apache.wicket.validation.validator.StringValidator;

/**
 * Roles and permissions: the built-in roles (read-only), custom roles built from permissions
 * (including those plugins declare), and which roles each brand user holds.
 */
@PageAccess(area = Area.BRAND, permission = Permissions.ADMINISTER)
public class RolesPage extends HostPage {

    private static final long serialVersionUID = 1L;

    @Override
    protected void onInitialize() {
        super.onInitialize();
        CurrentUser u = user();
        Map<String, String> permissionLabels = permissionLabels();
        List<String> permissionKeys = new ArrayList<>(permissionLabels.keySet());
        IChoiceRenderer<String> permissionRenderer = new ChoiceRenderer<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public Object getDisplayValue(String key) {
                return permissionLabels.getOrDefault(key, key);
            }

            @Override
            public String getIdValue(String key, int index) {
                return key;
            }
        };

        add(new ListView<>("roles", host().accounts().roles(u)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<RoleRow> item) {
                RoleRow role = item.getModelObject();
                Model<ArrayList<String>> selected = new Model<>(new ArrayList<>(host().accounts().permissionsOfRole(u, role.id())));
                Form<Void> form = new Form<>("roleForm") {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected void onSubmit() {
                        try {
                            host().accounts().setRolePermissions(user(), role.id(), selected.getObject());
                            success(getString("roleSaved"));
                        } catch (IllegalArgumentException | AccessDeniedException e) {
                            error(e.getMessage());
                        }
                    }
                };
                form.add(new Label("name", role.name()));
                form.add(new Label("builtin", new ResourceModel("builtin")).setVisible(role.builtin()));
                form.add(new CheckBoxMultipleChoice<>("permissions", selected, permissionKeys, permissionRenderer)
                        .setEnabled(!role.builtin()));
                form.add(new org.apache.wicket.markup.html.WebMarkupContainer("save").setVisible(!role.builtin()));
                item.add(form);
            }
        });

        Model<String> newName = Model.of("");
        Model<ArrayList<String>> newPermissions = new Model<>(new ArrayList<>());
        Form<Void> create = new Form<>("create") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                try {
                    host().accounts().createRole(user(), newName.getObject(), newPermissions.getObject());
                    getSession().success(getString("roleCreated"));
                    setResponsePage(RolesPage.class);
                } catch (IllegalArgumentException e) {
                    error(e.getMessage());
                }
            }
        };
        create.add(new TextField<>("roleName", newName).setRequired(true).setLabel(new ResourceModel("roleName"))
                .add(StringValidator.maximumLength(100)));
        create.add(new CheckBoxMultipleChoice<>("rolePermissions", newPermissions, permissionKeys, permissionRenderer));
        add(create);

        List<RoleRow> roles = host().accounts().roles(u);
        add(new ListView<>("users", host().accounts().users(u)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<BrandUser> item) {
                BrandUser target = item.getModelObject();
                Set<Long> held = host().accounts().roleIdsOfUser(u, target.id());
                Model<ArrayList<RoleRow>> selected = new Model<>(new ArrayList<>(roles.stream()
                        .filter(r -> held.contains(r.id())).toList()));
                Form<Void> form = new Form<>("userForm") {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected void onSubmit() {
                        host().accounts().setUserRoles(user(), target.id(), selected.getObject().stream().map(RoleRow::id).toList());
                        success(getString("userSaved"));
                    }
                };
                form.add(new Label("userName", target.name()));
                form.add(new Label("userEmail", target.email()));
                form.add(new CheckBoxMultipleChoice<>("userRoles", selected, roles, new ChoiceRenderer<>("name", "id")));
                item.add(form);
            }
        });
    }

    private Map<String, String> permissionLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String p : List.of(Permissions.ADMINISTER, Permissions.MANAGE_PARTNERS, Permissions.VIEW_PARTNERS)) {
            labels.put(p, getString("permission." + p, null, p));
        }
        for (Declared<PermissionDeclaration> d : host().registry().runningPermissions()) {
            String label = new ComponentStringResourceLoader().loadStringResource(d.source(), d.value().labelKey(),
                    getLocale(), null, null);
            labels.put(d.value().key(), label == null ? d.value().key() : label);
        }
        return labels;
    }
}
