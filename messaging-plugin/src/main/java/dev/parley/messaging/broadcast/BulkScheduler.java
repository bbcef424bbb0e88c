package dev.parley.messaging.broadcast;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs send jobs at their time through db-scheduler, which keeps its executions in MariaDB
 * ({@code msg_scheduled_tasks}): a schedule survives a restart, and with several hosts each
 * execution is picked by exactly one of them. A host that dies while sending leaves a stale
 * heartbeat; another host then runs the execution again and the job resumes where it stopped.
 */
public final class BulkScheduler implements AutoCloseable {

    /** Task name of send jobs. */
    public static final String TASK = "msg-bulk-send";

    private static final Logger LOG = LoggerFactory.getLogger(BulkScheduler.class);

    /** Builds the db-scheduler instance (tests use db-scheduler's manual scheduler). */
    @FunctionalInterface
    public interface Factory {
        Scheduler create(DataSource dataSource, List<Task<?>> tasks);
    }

    /** The production scheduler: polls every 5 s, runs a job at once when scheduled for now. */
    public static final Factory PRODUCTION = (ds, tasks) -> Scheduler.create(ds, tasks)
            .tableName("msg_scheduled_tasks").alwaysPersistTimestampInUTC().threads(2)
            .pollingInterval(Duration.ofSeconds(5)).heartbeatInterval(Duration.ofSeconds(15)).missedHeartbeatsLimit(4)
            .shutdownMaxWait(Duration.ofSeconds(10)).enableImmediateExecution().build();

    private final OneTimeTask<Void> task;
    private final Scheduler scheduler;

    public BulkScheduler(DataSource dataSource, Factory factory, LongConsumer job) {
        this.task = Tasks.oneTime(TASK).execute((instance, ctx) -> job.accept(bulkId(instance.getId())));
        this.scheduler = factory.create(dataSource, List.of(task));
    }

    public void start() {
        scheduler.start();
    }

    /** Runs (or re-times) the bulk message's send job at the instant. */
    public void scheduleSend(long bulkId, Instant at) {
        String id = "bulk-" + bulkId;
        if (scheduler.getScheduledExecution(TaskInstanceId.of(TASK, id)).isPresent()) {
            scheduler.reschedule(TaskInstanceId.of(TASK, id), at);
        } else {
            scheduler.schedule(task.instance(id), at);
        }
    }

    /** Runs the job once more at the instant (e-mail retries, resuming after a pause). */
    public void scheduleRun(long bulkId, Instant at) {
        scheduler.scheduleIfNotExists(task.instance("bulk-" + bulkId + "-" + at.toEpochMilli()), at);
    }

    /** Drops the planned run of a bulk message, if any. */
    public void cancel(long bulkId) {
        TaskInstanceId id = TaskInstanceId.of(TASK, "bulk-" + bulkId);
        if (scheduler.getScheduledExecution(id).isPresent()) {
            try {
                scheduler.cancel(id);
            } catch (RuntimeException e) {
                LOG.info("Scheduled send of bulk {} could not be cancelled (already running?): {}", bulkId, e.getMessage());
            }
        }
    }

    /** @return when the bulk message's send job is planned, if it is */
    public java.util.Optional<Instant> planned(long bulkId) {
        return scheduler.getScheduledExecution(TaskInstanceId.of(TASK, "bulk-" + bulkId))
                .map(e -> e.getExecutionTime());
    }

    /** @return the db-scheduler instance (tests drive the manual scheduler through it) */
    public Scheduler scheduler() {
        return scheduler;
    }

    static long bulkId(String instanceId) {
        String rest = instanceId.substring("bulk-".length());
        int dash = rest.indexOf('-');
        return Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
