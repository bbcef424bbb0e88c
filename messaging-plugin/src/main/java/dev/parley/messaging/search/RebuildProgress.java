package dev.parley.messaging.search;

import java.io.Serializable;
import java.time.Instant;

/**
 * State of the index and of its latest rebuild, for the admin page.
 *
 * @param running whether a rebuild is running
 * @param done documents indexed so far by the running (or last) rebuild
 * @param total documents expected
 * @param reason why the rebuild ran (missing, corrupt, old version, admin request), or {@code null}
 * @param startedAt start of the running or last rebuild, or {@code null}
 * @param finishedAt end of the last rebuild, or {@code null}
 * @param error why the last rebuild failed, or {@code null}
 * @param documents documents in the live index
 * @param appliedChange the last change-log id applied without gaps
 */
public record RebuildProgress(boolean running, long done, long total, String reason, Instant startedAt,
        Instant finishedAt, String error, long documents, long appliedChange) implements Serializable {

    /** @return done/total as a percentage 0..100 */
    public int percent() {
        if (total <= 0) {
            return running ? 0 : 100;
        }
        return (int) Math.min(100, done * 100 / total);
    }
}
