package dev.parley.messaging.search;

import org.apache.wicket.Page;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.StatelessForm;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * The one search box for the top of the inbox and of the portal's Messages page: it opens the
 * search page with the words typed.
 */
public class SearchBoxPanel extends Panel {

    private static final long serialVersionUID = 1L;
    private final Class<? extends Page> searchPage;

    /**
     * @param searchPage {@link MessageSearchPage} (brand) or {@link PortalMessageSearchPage} (portal)
     */
    public SearchBoxPanel(String id, Class<? extends Page> searchPage) {
        super(id);
        this.searchPage = searchPage;
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        IModel<String> q = Model.of("");
        Form<Void> form = new StatelessForm<>("form") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                PageParameters p = new PageParameters();
                if (q.getObject() != null && !q.getObject().isBlank()) {
                    p.set("q", q.getObject().strip());
                }
                setResponsePage(searchPage, p);
            }
        };
        add(form);
        form.add(new SearchField("q", q));
    }
}
