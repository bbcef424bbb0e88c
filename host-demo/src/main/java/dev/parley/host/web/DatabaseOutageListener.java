package dev.parley.host.web;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.apache.wicket.core.request.handler.PageProvider;
import org.apache.wicket.core.request.handler.RenderPageRequestHandler;
import org.apache.wicket.request.IRequestHandler;
import org.apache.wicket.request.cycle.IRequestCycleListener;
import org.apache.wicket.request.cycle.RequestCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While the database is unreachable every request gets a clear "temporarily unavailable" page (503)
 * instead of a generic error; the connection pool keeps retrying, so the next request after the
 * database is back works without a restart.
 */
final class DatabaseOutageListener implements IRequestCycleListener {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageListener.class);

    @Override
    public IRequestHandler onException(RequestCycle cycle, Exception ex) {
        if (!isConnectionFailure(ex)) {
            return null;
        }
        LOG.warn("Database unreachable: {}", rootMessage(ex));
        return new RenderPageRequestHandler(new PageProvider(new HttpErrorPage(503)),
                RenderPageRequestHandler.RedirectPolicy.NEVER_REDIRECT);
    }

    static boolean isConnectionFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t.getClass().getName().equals("com.zaxxer.hikari.pool.HikariPool$PoolInitializationException")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
