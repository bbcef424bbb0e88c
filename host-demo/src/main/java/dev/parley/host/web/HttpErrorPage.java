package dev.parley.host.web;

import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.ResourceModel;
import org.apache.wicket.request.http.WebResponse;

/** A friendly 403, 404 or 500 page in the host's layout, with the right HTTP status. */
@PageAccess(area = Area.PUBLIC)
public class HttpErrorPage extends ParleyPage {

    private static final long serialVersionUID = 1L;

    private final int status;

    public HttpErrorPage(int status) {
        this.status = status;
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        add(new Label("title", new ResourceModel("error." + status + ".title", "Something went wrong")));
        add(new Label("text", new ResourceModel("error." + status + ".text", "")));
        add(new BookmarkablePageLink<>("home", getApplication().getHomePage()));
    }

    @Override
    protected IModel<String> pageTitle() {
        return new ResourceModel("error." + status + ".title", "Error");
    }

    @Override
    protected void configureResponse(WebResponse response) {
        super.configureResponse(response);
        response.setStatus(status);
    }

    @Override
    public boolean isVersioned() {
        return false;
    }

    @Override
    public boolean isErrorPage() {
        return true;
    }
}
