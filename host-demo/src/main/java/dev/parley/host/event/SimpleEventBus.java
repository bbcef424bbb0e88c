package dev.parley.host.event;

import dev.parley.api.event.EventBus;
import dev.parley.api.event.ParleyEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Synchronous in-process event bus; a failing listener is logged and skipped. */
public final class SimpleEventBus implements EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(SimpleEventBus.class);

    private final List<Listener<?>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public <E extends ParleyEvent> Subscription subscribe(Class<E> type, Consumer<? super E> listener) {
        Listener<E> l = new Listener<>(type, listener);
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    @Override
    public void publish(ParleyEvent event) {
        for (Listener<?> l : listeners) {
            l.deliver(event);
        }
    }

    private record Listener<E extends ParleyEvent>(Class<E> type, Consumer<? super E> consumer) {
        void deliver(ParleyEvent event) {
            if (type.isInstance(event)) {
                try {
                    consumer.accept(type.cast(event));
                } catch (RuntimeException | LinkageError e) {
                    LOG.error("Event listener failed on {}", event, e);
                }
            }
        }
    }
}
