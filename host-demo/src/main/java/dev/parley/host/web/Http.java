package dev.parley.host.web;

import org.apache.wicket.RestartResponseException;
import org.apache.wicket.core.request.handler.PageProvider;
import org.apache.wicket.core.request.handler.RenderPageRequestHandler;

/** Ends the request with the host's error page and status. */
public final class Http {

    private Http() {
    }

    public static RestartResponseException forbidden() {
        return error(403);
    }

    public static RestartResponseException notFound() {
        return error(404);
    }

    public static RestartResponseException error(int status) {
        return new RestartResponseException(new PageProvider(new HttpErrorPage(status)),
                RenderPageRequestHandler.RedirectPolicy.NEVER_REDIRECT);
    }
}
