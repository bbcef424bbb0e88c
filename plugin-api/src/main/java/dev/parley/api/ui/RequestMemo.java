package dev.parley.api.ui;

import java.util.HashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.wicket.MetaDataKey;
import org.apache.wicket.request.cycle.IRequestCycleListener;
import org.apache.wicket.request.cycle.RequestCycle;

/**
 * Values read at most once per web request: a page view asks the same question (is the feature on
 * for this program? how many conversations are unread?) from its header, its access check and its
 * body, and each answer costs a database round trip. The next request reads again, so a change by
 * anyone takes effect at once; code that changes a remembered value in this request calls
 * {@link #forget} right after its write.
 *
 * <p>Outside a web request (background jobs, tests without a request) nothing is remembered.
 * Keys are compared with {@code equals}: use small records that include the program.
 *
 * @since 1.0
 */
public final class RequestMemo {

    private static final MetaDataKey<HashMap<Object, Object>> MEMO = new MetaDataKey<>() {
        private static final long serialVersionUID = 1L;
    };

    private RequestMemo() {
    }

    /**
     * @return the value remembered under the key in this request, or the loaded one (remembered, also
     *         when {@code null}); a loader that throws remembers nothing
     */
    @SuppressWarnings("unchecked")
    public static <T> T get(Object key, Supplier<T> load) {
        RequestCycle cycle = RequestCycle.get();
        if (cycle == null) {
            return load.get();
        }
        HashMap<Object, Object> memo = cycle.getMetaData(MEMO);
        if (memo != null && memo.containsKey(key)) {
            return (T) memo.get(key);
        }
        T value = load.get();
        // read again: the loader may have remembered other values meanwhile
        memo = cycle.getMetaData(MEMO);
        if (memo == null) {
            memo = new HashMap<>();
            cycle.setMetaData(MEMO, memo);
        }
        memo.put(key, value);
        return value;
    }

    /** Forgets, in this request, the values whose keys match (after a write that changed them). */
    public static void forget(Predicate<Object> keys) {
        RequestCycle cycle = RequestCycle.get();
        HashMap<Object, Object> memo = cycle == null ? null : cycle.getMetaData(MEMO);
        if (memo != null) {
            memo.keySet().removeIf(keys);
        }
    }

    /**
     * The listener a host registers ({@code getRequestCycleListeners().add(RequestMemo.CLEAR_AT_REQUEST_START)})
     * so every request starts with nothing remembered.
     */
    public static final IRequestCycleListener CLEAR_AT_REQUEST_START = new IRequestCycleListener() {
        @Override
        public void onBeginRequest(RequestCycle cycle) {
            clear();
        }
    };

    /**
     * Forgets everything remembered in this request cycle. The host calls it when a request begins:
     * a test harness (WicketTester) binds the next request's cycle to the thread before that request
     * starts, and what test code read meanwhile must not reach the request.
     */
    public static void clear() {
        RequestCycle cycle = RequestCycle.get();
        if (cycle != null) {
            cycle.setMetaData(MEMO, null);
        }
    }
}
