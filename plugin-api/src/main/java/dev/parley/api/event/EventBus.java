package dev.parley.api.event;

import java.util.function.Consumer;

/**
 * In-process publish/subscribe. Listeners run on the publishing thread after the change is
 * committed; a failing listener is logged and never breaks the publisher.
 *
 * @since 1.0
 */
public interface EventBus {

    /**
     * @return a handle to close when the plugin stops
     */
    <E extends ParleyEvent> Subscription subscribe(Class<E> type, Consumer<? super E> listener);

    /** Delivers the event to every listener of its type. */
    void publish(ParleyEvent event);

    /**
     * A registered listener.
     *
     * @since 1.0
     */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
