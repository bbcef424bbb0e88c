package dev.parley.host.demo;

import dev.parley.api.event.EventBus;
import dev.parley.api.event.PartnersImported;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Generate demo partners" from Settings: one generation at a time per program, in the background,
 * with its progress readable by the page that shows the progress bar.
 */
public final class DemoGeneration implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoGeneration.class);
    /** The most partners one request may add. */
    public static final int MAX = 20_000;

    /** Where a program's latest generation stands. */
    public record Progress(int total, long written, boolean running, boolean failed) implements java.io.Serializable {
        /** @return how far it is, 0 to 100 */
        public int percent() {
            return total == 0 ? 0 : (int) Math.min(100, written * 100 / total);
        }
    }

    private final SqlSessionFactory sessions;
    private final DataSource dataSource;
    private final Clock clock;
    private final EventBus events;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parley-demo-generation");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Progress> progress = new ConcurrentHashMap<>();

    /** @param events told once a generation is committed ({@link PartnersImported}), so plugins refresh at once */
    public DemoGeneration(SqlSessionFactory sessions, DataSource dataSource, Clock clock, EventBus events) {
        this.sessions = sessions;
        this.dataSource = dataSource;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Starts adding partners to the program unless a generation for it is running.
     *
     * @return false when one is already running
     */
    public boolean start(long program, int count) {
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException("count " + count);
        }
        Progress started = new Progress(count, 0, true, false);
        Progress before = progress.compute(program, (k, old) -> old != null && old.running() ? old : started);
        if (before != started) {
            return false;
        }
        executor.execute(() -> {
            try {
                new DemoDataGenerator(sessions, dataSource, clock, System.nanoTime())
                        .addPartners(program, count, n -> progress.put(program, new Progress(count, n, true, false)));
                // one event for the whole batch (a PartnerJoined each would mean 20,000 audience checks);
                // the job reports the end only once plugins know the new partners
                events.publish(new PartnersImported(program, count));
                progress.put(program, new Progress(count, count, false, false));
            } catch (RuntimeException e) {
                LOG.warn("Demo partner generation for program {} failed", program, e);
                // every batch is committed on its own: announce the partners that did get written
                long written = progress.get(program).written();
                if (written > 0) {
                    events.publish(new PartnersImported(program, (int) written));
                }
                progress.computeIfPresent(program, (k, p) -> new Progress(count, p.written(), false, true));
            }
        });
        return true;
    }

    /** @return the program's latest generation, or null when none ran since the host started */
    public Progress progress(long program) {
        return progress.get(program);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
