package dev.parley.messaging.search;

import dev.parley.api.plugin.Host;
import dev.parley.api.user.CurrentUser;
import dev.parley.messaging.MessagingPlugin;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.Page;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.IChoiceRenderer;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.cycle.RequestCycle;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * The search box and its results, shared by the brand and portal search pages. Everything it shows
 * comes from page parameters ({@code q}, {@code sort}, {@code page}, plus the subclass's filters), so
 * result pages are bookmarkable and the panel keeps no services.
 */
public abstract class SearchPanel extends Panel {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;

    private final PageParameters parameters;

    protected SearchPanel(String id, PageParameters parameters) {
        super(id);
        this.parameters = new PageParameters(parameters);
    }

    /** @return the page to show results on */
    protected abstract Class<? extends Page> searchPage();

    /** @return the request for the parameters (the subclass adds its inbox filters) */
    protected SearchRequest request(PageParameters p) {
        return new SearchRequest(p.get("q").toString(""), sort(p), pageNumber(p) - 1, PAGE_SIZE, null, null, null);
    }

    /** Adds the subclass's filter fields to the form; their values go to the parameters on submit. */
    protected void addFilters(Form<Void> form) {
    }

    /** Copies the filter fields' values into the parameters of the result page. */
    protected void filtersToParameters(PageParameters p) {
    }

    /** @return the address of the conversation at the message, or {@code null} when there is none to open */
    protected abstract String conversationPath(SearchHit hit);

    /** @return the page number (1-based) in the address; anything else is page 1 */
    static int pageNumber(PageParameters p) {
        Long n = number(p, "page");
        return n == null ? 1 : (int) Math.max(1, Math.min(n, SearchRequest.MAX_PAGE + 1));
    }

    /** @return the parameter as a number, or {@code null} when it is missing or not a number */
    static Long number(PageParameters p, String name) {
        String v = p.get(name).toString(null);
        if (v == null || !v.matches("-?\\d{1,18}")) {
            return null;
        }
        return Long.valueOf(v);
    }

    static SearchRequest.Sort sort(PageParameters p) {
        return "date".equals(p.get("sort").toString("")) ? SearchRequest.Sort.DATE : SearchRequest.Sort.RELEVANCE;
    }

    protected PageParameters parameters() {
        return parameters;
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        IModel<String> query = Model.of(parameters.get("q").toString(""));
        IModel<String> sortModel = Model.of(sort(parameters) == SearchRequest.Sort.DATE ? "date" : "relevance");
        Form<Void> form = new Form<>("form") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onSubmit() {
                PageParameters p = new PageParameters();
                String q = query.getObject();
                if (q != null && !q.isBlank()) {
                    p.set("q", q.strip());
                }
                if ("date".equals(sortModel.getObject())) {
                    p.set("sort", "date");
                }
                filtersToParameters(p);
                setResponsePage(searchPage(), p);
            }
        };
        add(form);
        form.add(new SearchField("q", query).setLabel(new StringResourceModel("search.label", this)));
        form.add(new DropDownChoice<>("sort", sortModel, List.of("relevance", "date"), new IChoiceRenderer<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public Object getDisplayValue(String object) {
                return getString("sort." + object);
            }

            @Override
            public String getIdValue(String object, int index) {
                return object;
            }
        }).setNullValid(false));
        addFilters(form);

        IModel<SearchResults> results = LoadableDetachableModel.of(() -> {
            CurrentUser user = Host.services().currentUser().orElseThrow();
            return MessagingPlugin.get().services().search().service().search(user, request(parameters));
        });
        boolean asked = !parameters.get("q").toString("").isBlank() || hasFilterParameters();

        add(new Label("incomplete", new StringResourceModel("search.incomplete", this)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(asked && !results.getObject().indexComplete());
            }
        });
        add(new Label("summary", () -> {
            SearchResults r = results.getObject();
            return new StringResourceModel(r.totalIsLowerBound() ? "search.summaryMore" : "search.summary", this)
                    .setParameters(r.total()).getObject();
        }) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(asked && results.getObject().total() > 0);
            }
        });
        add(new Label("none", new StringResourceModel("search.none", this)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(asked && results.getObject().total() == 0);
            }
        });
        add(new Label("help", new StringResourceModel("search.help", this)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(!asked);
            }
        });

        ZoneId zone = Host.services().currentUser().map(CurrentUser::zoneId).orElse(ZoneId.of("UTC"));
        add(new ListView<>("hits", results.map(SearchResults::hits)) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<SearchHit> item) {
                SearchHit hit = item.getModelObject();
                String path = conversationPath(hit);
                WebMarkupContainer open = new WebMarkupContainer("open");
                open.add(path == null ? AttributeModifier.remove("href") : AttributeModifier.replace("href",
                        RequestCycle.get().getUrlRenderer().renderContextRelativeUrl(path)));
                item.add(open);
                if (hit.subjectHtml().isEmpty()) {
                    open.add(new Label("subject", getString("search.noSubject")));
                } else {
                    // escaped by the highlighter: only <mark> is markup
                    open.add(new Label("subject", hit.subjectHtml()).setEscapeModelStrings(false));
                }
                item.add(new Label("snippet", hit.snippetHtml()).setEscapeModelStrings(false));
                item.add(new Label("sender", hit.senderName()));
                item.add(new Label("partner", hit.partnerNames()));
                item.add(new Label("channel", getString("channel." + hit.channel().name())));
                item.add(new Label("bulk", getString("search.bulk")).setVisible(hit.kind() == MessageDocument.Kind.BULK));
                item.add(new Label("sentAt", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                        .withLocale(getLocale()).withZone(zone).format(hit.sentAt())));
            }
        });

        int page = pageNumber(parameters);
        PageParameters prev = new PageParameters(parameters).set("page", page - 1);
        PageParameters next = new PageParameters(parameters).set("page", page + 1);
        add(new BookmarkablePageLink<Void>("prev", searchPage(), prev) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(asked && page > 1);
            }
        });
        add(new BookmarkablePageLink<Void>("next", searchPage(), next) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(asked && results.getObject().hasNext());
            }
        });
        add(new Label("pageInfo", () -> new StringResourceModel("search.page", this)
                .setParameters(page, Math.max(1, results.getObject().pages())).getObject()) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(asked && results.getObject().total() > 0);
            }
        });
    }

    /** @return whether the parameters hold a filter of the subclass (a filter alone is a search) */
    protected boolean hasFilterParameters() {
        return false;
    }
}
