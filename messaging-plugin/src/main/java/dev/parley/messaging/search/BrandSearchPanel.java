package dev.parley.messaging.search;

import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerRule;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.plugin.Host;
import dev.parley.api.user.BrandUser;
import dev.parley.api.user.CurrentUser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.wicket.Page;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.IChoiceRenderer;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * Brand-side search: the search box combined with the inbox filters (partner group, assigned manager,
 * partnership status, conversation state). Partner filters are resolved to partner ids through the
 * host's partner directory, inside the user's program.
 */
public class BrandSearchPanel extends SearchPanel {

    private static final long serialVersionUID = 1L;
    private static final List<String> STATES = Arrays.stream(MessageDocument.State.values()).map(Enum::name).toList();
    private static final List<String> STATUSES = Arrays.stream(PartnershipStatus.values()).map(Enum::name).toList();

    private final IModel<String> tag = Model.of();
    private final IModel<String> status = Model.of();
    private final IModel<Long> manager = Model.of();
    private final IModel<String> state = Model.of();

    public BrandSearchPanel(String id, PageParameters parameters) {
        super(id, parameters);
        tag.setObject(parameters.get("tag").toOptionalString());
        status.setObject(valid(parameters.get("status").toOptionalString(), STATUSES));
        manager.setObject(number(parameters, "manager"));
        state.setObject(valid(parameters.get("state").toOptionalString(), STATES));
    }

    private static String valid(String value, List<String> allowed) {
        return value != null && allowed.contains(value) ? value : null;
    }

    @Override
    protected Class<? extends Page> searchPage() {
        return MessageSearchPage.class;
    }

    @Override
    protected boolean hasFilterParameters() {
        return tag.getObject() != null || status.getObject() != null || manager.getObject() != null
                || state.getObject() != null;
    }

    @Override
    protected SearchRequest request(PageParameters p) {
        SearchRequest r = super.request(p);
        List<PartnerRule> rules = new ArrayList<>();
        if (tag.getObject() != null) {
            rules.add(PartnerRule.tag(tag.getObject()));
        }
        if (status.getObject() != null) {
            rules.add(PartnerRule.status(PartnershipStatus.valueOf(status.getObject())));
        }
        if (manager.getObject() != null) {
            rules.add(PartnerRule.manager(manager.getObject()));
        }
        if (!rules.isEmpty()) {
            r = r.withPartners(PartnerFilter.allOf(rules.toArray(PartnerRule[]::new)));
        }
        if (state.getObject() != null) {
            r = r.withStates(Set.of(MessageDocument.State.valueOf(state.getObject())));
        }
        return r;
    }

    @Override
    protected void addFilters(Form<Void> form) {
        IModel<List<String>> tags = LoadableDetachableModel.of(() -> Host.services().partners().tags(programId()));
        IModel<List<Long>> managers = LoadableDetachableModel.of(() -> Host.services().partners().managers(programId())
                .stream().map(BrandUser::id).toList());
        form.add(new DropDownChoice<>("tag", tag, tags).setNullValid(true));
        form.add(new DropDownChoice<>("status", status, STATUSES, new Renderer("status.")).setNullValid(true));
        form.add(new DropDownChoice<>("manager", manager, managers, new IChoiceRenderer<Long>() {
            private static final long serialVersionUID = 1L;

            @Override
            public Object getDisplayValue(Long id) {
                return Host.services().partners().brandUser(programId(), id).map(BrandUser::name).orElse("#" + id);
            }

            @Override
            public String getIdValue(Long id, int index) {
                return String.valueOf(id);
            }
        }).setNullValid(true));
        form.add(new DropDownChoice<>("state", state, STATES, new Renderer("state.")).setNullValid(true));
    }

    @Override
    protected void filtersToParameters(PageParameters p) {
        if (tag.getObject() != null) {
            p.set("tag", tag.getObject());
        }
        if (status.getObject() != null) {
            p.set("status", status.getObject());
        }
        if (manager.getObject() != null) {
            p.set("manager", manager.getObject());
        }
        if (state.getObject() != null) {
            p.set("state", state.getObject());
        }
    }

    @Override
    protected String conversationPath(SearchHit hit) {
        return hit.conversationId() == null ? "/messages/bulk/" + hit.id()
                : "/inbox/conversation/" + hit.conversationId() + "#message-" + hit.id();
    }

    private static long programId() {
        return Host.services().currentUser().map(CurrentUser::programId).orElseThrow();
    }

    /** Shows an enum name through a resource key. */
    private final class Renderer implements IChoiceRenderer<String> {
        private static final long serialVersionUID = 1L;
        private final String prefix;

        Renderer(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Object getDisplayValue(String object) {
            return getString(prefix + object);
        }

        @Override
        public String getIdValue(String object, int index) {
            return object;
        }
    }
}
