package dev.parley.host.web;

import dev.parley.api.user.CurrentUser;
import dev.parley.host.account.Principal;
import java.util.Optional;
import org.apache.wicket.Application;
import org.apache.wicket.MetaDataKey;
import org.apache.wicket.Session;
import org.apache.wicket.protocol.http.WebSession;
import org.apache.wicket.request.Request;
import org.apache.wicket.request.cycle.RequestCycle;

/**
 * The HTTP session: only who is logged in. The full {@link CurrentUser} (roles, permissions) is read
 * once per request, so changes by an admin apply at once.
 */
public class HostSession extends WebSession {

    private static final long serialVersionUID = 1L;
    private static final MetaDataKey<CurrentUserHolder> CURRENT_USER = new MetaDataKey<>() {
        private static final long serialVersionUID = 1L;
    };

    private Principal principal;

    public HostSession(Request request) {
        super(request);
    }

    public static HostSession get() {
        return (HostSession) Session.get();
    }

    /** Logs in; the session id changes so a planted session id is useless. */
    public void signIn(Principal who) {
        replaceSession();
        this.principal = who;
        bind();
        dirty();
        RequestCycle cycle = RequestCycle.get();
        if (cycle != null) {
            cycle.setMetaData(CURRENT_USER, null);
        }
    }

    public void signOut() {
        principal = null;
        invalidate();
    }

    public Optional<Principal> principal() {
        return Optional.ofNullable(principal);
    }

    /** Switches a partner member to another of their programs (checked by the caller). */
    public void switchProgram(long programId) {
        if (principal != null) {
            principal = new Principal(principal.kind(), principal.userId(), programId);
            dirty();
            RequestCycle.get().setMetaData(CURRENT_USER, null);
        }
    }

    /** @return the logged-in user of the current request, if any */
    public static Optional<CurrentUser> currentUserIfAny() {
        if (!Application.exists() || !Session.exists() || RequestCycle.get() == null) {
            return Optional.empty();
        }
        HostSession session = get();
        if (session.principal == null) {
            return Optional.empty();
        }
        RequestCycle cycle = RequestCycle.get();
        CurrentUserHolder holder = cycle.getMetaData(CURRENT_USER);
        if (holder == null) {
            Optional<CurrentUser> user = HostApplication.get().host().accounts().currentUser(session.principal);
            if (user.isEmpty()) {
                session.principal = null;
            }
            holder = new CurrentUserHolder(user.orElse(null));
            cycle.setMetaData(CURRENT_USER, holder);
        }
        return Optional.ofNullable(holder.user());
    }

    /** @return the logged-in user; only call on pages that require one */
    public static CurrentUser currentUser() {
        return currentUserIfAny().orElseThrow(() -> new IllegalStateException("Nobody is logged in"));
    }

    private record CurrentUserHolder(CurrentUser user) implements java.io.Serializable {
    }
}
