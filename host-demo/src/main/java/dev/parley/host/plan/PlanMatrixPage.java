package dev.parley.host.plan;

import dev.parley.api.feature.FeatureDeclaration;
import dev.parley.api.partner.Program;
import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.host.plugin.PluginRegistry.Declared;
import dev.parley.host.web.HostPage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.CheckBox;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.PropertyModel;
import org.apache.wicket.resource.loader.ComponentStringResourceLoader;

/**
 * The plan x feature matrix: which plan gets which plugin feature. Saved in one transaction and
 * effective on the next request. Platform admins also move programs between plans here.
 */
@PageAccess(area = Area.BRAND, permission = Permissions.ADMINISTER)
public class PlanMatrixPage extends HostPage {

    private static final long serialVersionUID = 1L;

    @Override
    protected void onInitialize() {
        super.onInitialize();
        CurrentUser u = user();
        PlanService plans = host().plans();
        List<String> planKeys = plans.plans();
        Map<String, Set<String>> matrix = plans.matrix();
        List<Row> rows = new ArrayList<>();
        for (Declared<FeatureDeclaration> d : host().registry().runningFeatures()) {
            String key = d.value().key();
            String label = new ComponentStringResourceLoader().loadStringResource(d.source(), d.value().labelKey(),
                    getLocale(), null, null);
            Map<String, Boolean> cells = new HashMap<>();
            planKeys.forEach(p -> cells.put(p, matrix.getOrDefault(p, Set.of()).contains(key)));
            rows.add(new Row(key, label == null ? key : label, d.pluginId(), cells));
        }
        Form<Void> form = new Form<>("matrix") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                Map<String, Set<String>> enabled = new HashMap<>();
                Set<String> features = new HashSet<>();
                for (Row row : rows) {
                    features.add(row.key);
                    row.cells.forEach((plan, on) -> {
                        if (Boolean.TRUE.equals(on)) {
                            enabled.computeIfAbsent(plan, k -> new HashSet<>()).add(row.key);
                        }
                    });
                }
                host().plans().saveMatrix(user(), enabled, features);
                success(getString("saved"));
            }
        };
        form.add(new ListView<>("planHeads", planKeys) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<String> item) {
                item.add(new Label("plan", getString("plan." + item.getModelObject(), null, item.getModelObject())));
            }
        });
        form.add(new ListView<>("features", rows) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Row> item) {
                Row row = item.getModelObject();
                item.add(new Label("label", row.label));
                item.add(new Label("plugin", row.pluginId));
                item.add(new ListView<>("cells", planKeys) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected void populateItem(ListItem<String> cell) {
                        String plan = cell.getModelObject();
                        CheckBox box = new CheckBox("on", new PropertyModel<>(row, "cells." + plan));
                        box.setMarkupId("feature-" + row.key + "-" + plan);
                        box.setLabel(Model.of(row.label + " / " + plan));
                        // the column head is not a label: name the box for screen readers ("Inbox in the Starter plan")
                        box.add(org.apache.wicket.AttributeModifier.replace("aria-label", new org.apache.wicket.model.StringResourceModel(
                                "cell", PlanMatrixPage.this).setParameters(row.label, getString("plan." + plan, null, plan))));
                        cell.add(box);
                    }
                });
            }
        }.setReuseItems(true));
        add(form);

        boolean platform = u.platformAdmin();
        List<ProgramRow> programs = platform ? plans.programs(u).stream().map(ProgramRow::new).toList() : List.of();
        Form<Void> programForm = new Form<>("programs") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                for (ProgramRow p : programs) {
                    if (!p.plan.equals(p.original)) {
                        host().plans().changePlan(user(), p.id, p.plan);
                    }
                }
                success(getString("saved"));
            }
        };
        programForm.setVisible(platform);
        programForm.add(new ListView<>("program", programs) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<ProgramRow> item) {
                ProgramRow p = item.getModelObject();
                item.add(new Label("name", p.name));
                item.add(new DropDownChoice<>("plan", new PropertyModel<>(p, "plan"), planKeys,
                        dev.parley.host.web.EnumLabels.<String>renderer("plan")).setRequired(true)
                        .setLabel(Model.of(p.name))
                        .add(org.apache.wicket.AttributeModifier.replace("aria-label", new org.apache.wicket.model.StringResourceModel(
                                "programPlan", PlanMatrixPage.this).setParameters(p.name))));
            }
        }.setReuseItems(true));
        add(programForm);
    }

    /** One feature row with a checkbox value per plan. */
    static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        final String key;
        final String label;
        final String pluginId;
        final Map<String, Boolean> cells;

        Row(String key, String label, String pluginId, Map<String, Boolean> cells) {
            this.key = key;
            this.label = label;
            this.pluginId = pluginId;
            this.cells = cells;
        }
    }

    /** A program and its (edited) plan. */
    static final class ProgramRow implements Serializable {
        private static final long serialVersionUID = 1L;
        final long id;
        final String name;
        final String original;
        String plan;

        ProgramRow(Program p) {
            this.id = p.id();
            this.name = p.name();
            this.original = p.plan();
            this.plan = p.plan();
        }
    }
}
