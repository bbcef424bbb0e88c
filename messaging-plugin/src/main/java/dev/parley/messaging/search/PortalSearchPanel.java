package dev.parley.messaging.search;

import org.apache.wicket.Page;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** Portal-side search: the partner member's own conversations and the bulk messages addressed to them. */
public class PortalSearchPanel extends SearchPanel {

    private static final long serialVersionUID = 1L;

    public PortalSearchPanel(String id, PageParameters parameters) {
        super(id, parameters);
    }

    @Override
    protected Class<? extends Page> searchPage() {
        return PortalMessageSearchPage.class;
    }

    @Override
    protected String conversationPath(SearchHit hit) {
        return hit.conversationId() == null ? "/portal/announcement/" + hit.id()
                : "/portal/conversation/" + hit.conversationId() + "#message-" + hit.id();
    }
}
