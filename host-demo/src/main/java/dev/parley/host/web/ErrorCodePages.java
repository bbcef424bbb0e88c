package dev.parley.host.web;

import org.apache.wicket.request.IRequestHandler;
import org.apache.wicket.request.IRequestHandlerDelegate;
import org.apache.wicket.request.IRequestMapper;
import org.apache.wicket.request.Request;
import org.apache.wicket.request.Url;
import org.apache.wicket.request.cycle.IRequestCycleListener;
import org.apache.wicket.request.cycle.RequestCycle;
import org.apache.wicket.request.http.WebRequest;
import org.apache.wicket.request.http.handler.ErrorCodeRequestHandler;

/**
 * Error codes as the host's own page. Plugins cannot see the host's {@link HttpErrorPage}, so they
 * end refused requests the Wicket way ({@code AbortWithHttpErrorCodeException}); Wicket would answer
 * those with the servlet container's bare error page. This listener swaps such an answer for the
 * host's page in the viewer's language, with the same status code. AJAX requests keep the bare code:
 * the page that sent them handles the failure.
 */
final class ErrorCodePages implements IRequestCycleListener {

    @Override
    public void onRequestHandlerResolved(RequestCycle cycle, IRequestHandler handler) {
        // AbortWithHttpErrorCodeException wraps its handler in a response-resetting decorator
        IRequestHandler inner = handler;
        while (inner instanceof IRequestHandlerDelegate delegate) {
            inner = delegate.getDelegateHandler();
        }
        if (inner instanceof ErrorCodeRequestHandler error && error.getErrorCode() >= 400 && !isAjax(cycle)) {
            // replaces the handler before it writes anything (see RequestCycle#execute)
            throw Http.error(error.getErrorCode());
        }
    }

    private static boolean isAjax(RequestCycle cycle) {
        return cycle.getRequest() instanceof WebRequest web && web.isAjax();
    }

    /**
     * The last mapper asked: a URL nothing else knows is a 404 in the host's layout, not the servlet
     * container's.
     */
    static final class UnknownUrl implements IRequestMapper {

        @Override
        public IRequestHandler mapRequest(Request request) {
            return new ErrorCodeRequestHandler(404);
        }

        @Override
        public int getCompatibilityScore(Request request) {
            return Integer.MIN_VALUE;
        }

        @Override
        public Url mapHandler(IRequestHandler requestHandler) {
            return null;
        }
    }
}
