package dev.parley.messaging.search;

import dev.parley.api.plugin.HostServices;
import dev.parley.messaging.MessagingPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Message search as one unit, wired by {@code MessagingServices}: the change log writers append to,
 * this node's index (in {@code dataDirectory/search/v<N>}) and the search service pages use.
 */
public final class MessageSearch implements AutoCloseable {

    /** Changes older than this are pruned; every node has long applied them. */
    static final Duration CHANGE_RETENTION = Duration.ofDays(7);

    private final SearchChangeLog changes;
    private final MessageIndex index;
    private final SearchService service;
    private final java.time.Clock clock;

    /**
     * @param source the inbox's messages in MariaDB
     * @param unread the inbox's read state
     */
    public MessageSearch(HostServices host, MessageSource source, UnreadLookup unread) {
        this(host, source, unread, host.dataDirectory(MessagingPlugin.ID).resolve("search"));
    }

    /** @param root the index's folder (its versioned sub-folders go inside) */
    public MessageSearch(HostServices host, MessageSource source, UnreadLookup unread, java.nio.file.Path root) {
        this.changes = new SearchChangeLog(host.dataSource(), host.clock());
        this.index = new MessageIndex(root, source, changes, host.clock());
        this.service = new SearchService(index, host, unread);
        this.clock = host.clock();
    }

    /** Opens the index (a rebuild, if needed, runs in the background) and starts following the change log. */
    public void start() {
        index.start();
        try {
            changes.prune(clock.instant().minus(CHANGE_RETENTION));
        } catch (RuntimeException e) {
            // pruning is housekeeping; the next start tries again
        }
    }

    /** Tells this node's follower that a transaction with search changes committed (it looks at once). */
    public void changed() {
        index.poke();
    }

    /** @return where writers record changes, inside their transaction */
    public SearchChangeLog changes() {
        return changes;
    }

    public MessageIndex index() {
        return index;
    }

    public SearchService service() {
        return service;
    }

    @Override
    public void close() {
        try {
            index.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
