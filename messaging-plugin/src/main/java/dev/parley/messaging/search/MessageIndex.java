package dev.parley.messaging.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's Lucene index of every message: one long-lived {@link IndexWriter}, a
 * {@link SearcherManager} refreshed near-real-time, and a follower of the change-log table that keeps
 * it in step with MariaDB.
 *
 * <p>Files live in {@code <root>/v<VERSION>/index}. At {@link #start()} a missing, corrupt,
 * unfinished or old-version index is replaced by an empty one and rebuilt from the
 * {@link MessageSource} in the background, while searches keep working. A rebuild (also one asked
 * for by an admin) writes a new index in {@code v<VERSION>/rebuild} and swaps it in when complete;
 * the follower then re-applies every change since the rebuild started, so nothing written meanwhile is
 * lost.
 */
public final class MessageIndex implements Closeable {

    /** Version of the index layout (fields, analysis). Bump it and every node rebuilds at start. */
    public static final int VERSION = 1;
    /** Totals are exact up to this many hits. */
    public static final int EXACT_TOTAL_LIMIT = 1_000;

    static final String F_KEY = "key";
    static final String F_KIND = "kind";
    static final String F_ID = "id";
    static final String F_CONV = "conv";
    static final String F_PROGRAM = "program";
    static final String F_PARTNER = "partner";
    static final String F_AUDIENCE = "aud";
    static final String F_CHANNEL = "channel";
    static final String F_STATE = "state";
    static final String F_ATTACHMENT = "att";
    static final String F_SENT = "sent";
    static final String F_ORDER = "order";
    static final String F_ALL = "all";
    static final String F_FROM = "from";
    static final String F_PARTNER_NAME = "pname";
    static final String F_SUBJECT = "subject";
    static final String F_BODY = "body";
    static final String F_SENDER = "sender";
    static final String F_PARTNERS = "partners";

    private static final String META_VERSION = "parley.search.version";
    private static final String META_COMPLETE = "parley.search.complete";
    private static final String META_CHANGE = "parley.search.change";
    /** Changes whose transactions may still commit behind newer ones are waited for this long. */
    static final Duration GAP_TIMEOUT = Duration.ofSeconds(60);
    private static final int CHANGE_BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(MessageIndex.class);

    private final Path versionDir;
    private final Path indexDir;
    private final Path rebuildDir;
    private final MessageSource source;
    private final SearchChangeLog changes;
    private final Clock clock;
    private final SearchAnalyzer analyzer = new SearchAnalyzer();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicReference<CompletableFuture<Void>> rebuild = new AtomicReference<>();
    private final AtomicLong rebuildDone = new AtomicLong();
    private volatile Live live;
    private volatile RebuildProgress lastRebuild = new RebuildProgress(false, 0, 0, null, null, null, null, 0, 0);
    private volatile boolean complete;
    private volatile ScheduledExecutorService background;
    private volatile boolean dirty;
    private volatile boolean closing;
    private Instant lastCommit = Instant.EPOCH;

    // follower state, guarded by writeLock
    private long watermark;
    private final TreeSet<Long> appliedAbove = new TreeSet<>();
    private final Map<Long, Instant> gapsSeen = new HashMap<>();

    /** The open index: directory, writer and searchers. */
    private record Live(FSDirectory dir, IndexWriter writer, SearcherManager searchers) {
    }

    /**
     * @param root the plugin's search folder, e.g. {@code dataDirectory/search}
     * @param source reads messages from the database
     * @param changes the change feed
     * @param clock the host clock (change ages)
     */
    public MessageIndex(Path root, MessageSource source, SearchChangeLog changes, Clock clock) {
        this.versionDir = root.resolve("v" + VERSION);
        this.indexDir = versionDir.resolve("index");
        this.rebuildDir = versionDir.resolve("rebuild");
        this.source = source;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Opens the index (rebuilding it in the background when it is missing, corrupt, unfinished or of
     * an old version) and starts the refresher and change follower. Returns quickly.
     */
    public void start() {
        open();
        background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-search-follower");
            t.setDaemon(true);
            return t;
        });
        background.scheduleWithFixedDelay(this::tick, 200, 200, TimeUnit.MILLISECONDS);
    }

    /**
     * Asks the background follower to look at the change log now instead of at its next tick; writers
     * may call it after their transaction committed. Does nothing without background threads.
     */
    public void poke() {
        ScheduledExecutorService bg = background;
        if (bg != null && !bg.isShutdown()) {
            try {
                bg.execute(this::tick);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // shutting down
            }
        }
    }

    /**
     * Opens the index without background threads: changes are applied by {@link #catchUp()} only.
     * A needed rebuild still starts (in its own thread).
     */
    public void open() {
        try {
            Files.createDirectories(versionDir);
            String problem = inspect(); // first: it refuses an index another process holds
            deleteOtherVersions();
            deleteRecursively(rebuildDir); // an unfinished rebuild of an earlier run
            if (problem == null) {
                problem = outOfStep(committedChange());
            }
            if (problem != null) {
                LOG.warn("Search index {}: {}; rebuilding it from the database", indexDir, problem);
                deleteRecursively(indexDir);
                live = openLive(indexDir, true);
                commit(live.writer(), 0, false);
                complete = false;
                startRebuild(problem);
            } else {
                live = openLive(indexDir, false);
                Map<String, String> meta = userData(live.writer());
                watermark = Long.parseLong(meta.getOrDefault(META_CHANGE, "0"));
                complete = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + indexDir, e);
        }
    }

    /** @return why the index cannot be used, or {@code null} when it is fine */
    private String inspect() {
        try (FSDirectory dir = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(dir)) {
                return "missing";
            }
            Map<String, String> meta = SegmentInfos.readLatestCommit(dir).getUserData();
            if (!String.valueOf(VERSION).equals(meta.get(META_VERSION))) {
                return "old version";
            }
            if (!"true".equals(meta.get(META_COMPLETE))) {
                return "unfinished";
            }
            try (CheckIndex check = new CheckIndex(dir)) {
                check.setChecksumsOnly(true); // every file's checksum; full postings checks would take minutes at 1M
                CheckIndex.Status status = check.checkIndex();
                if (!status.clean) {
                    return "corrupt";
                }
            }
            return null;
        } catch (LockObtainFailedException e) {
            // another process (a second host instance sharing the data folder?) writes this index: never wipe it
            throw new IllegalStateException("The search index in " + indexDir + " is in use by another process", e);
        } catch (IOException | RuntimeException e) {
            // CorruptIndexException, IndexFormatTooOldException/TooNewException, unreadable files, lock
            return "corrupt (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
    }

    private long committedChange() throws IOException {
        try (FSDirectory dir = FSDirectory.open(indexDir)) {
            return Long.parseLong(SegmentInfos.readLatestCommit(dir).getUserData().getOrDefault(META_CHANGE, "0"));
        }
    }

    /**
     * @return why a healthy index cannot follow the change log from its position: the log was pruned
     *         past it (the node was down too long), or it is ahead of the log (another database)
     */
    private String outOfStep(long change) {
        long[] bounds = changes.bounds();
        if (change > bounds[1]) {
            return "ahead of the change log (another database?)";
        }
        if (bounds[0] > 0 && change < bounds[0] - 1) {
            return "behind the change log (changes pruned)";
        }
        return null;
    }

    private Live openLive(Path path, boolean create) throws IOException {
        return openLive(path, create, false);
    }

    /** @param bulk for a rebuild: a larger buffer and no compound files while flushing (fewer, cheaper flushes) */
    private Live openLive(Path path, boolean create, boolean bulk) throws IOException {
        Files.createDirectories(path);
        FSDirectory dir = FSDirectory.open(path);
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                .setRAMBufferSizeMB(bulk ? 128 : 48)
                .setUseCompoundFile(!bulk)
                .setCommitOnClose(false);
        IndexWriter writer = new IndexWriter(dir, config);
        return new Live(dir, writer, new SearcherManager(writer, true, true, new SearcherFactory()));
    }

    private static Map<String, String> userData(IndexWriter writer) {
        Map<String, String> out = new HashMap<>();
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            data.forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static void commit(IndexWriter writer, long change, boolean complete) throws IOException {
        writer.setLiveCommitData(Map.of(META_VERSION, String.valueOf(VERSION), META_COMPLETE, String.valueOf(complete),
                META_CHANGE, String.valueOf(change)).entrySet());
        writer.commit();
    }

    // ---------------------------------------------------------------- follower

    private void tick() {
        try {
            if (catchUp() == 0) {
                Live l = live;
                l.searchers().maybeRefresh();
            }
            Instant now = clock.instant();
            if (dirty && Duration.between(lastCommit, now).compareTo(Duration.ofSeconds(5)) >= 0) {
                commitNow();
            }
        } catch (AlreadyClosedException e) {
            // swapped or closing; the next tick uses the new index
        } catch (RuntimeException | IOException e) {
            LOG.warn("Search index follower: {}", e.toString());
        }
    }

    /**
     * Applies every committed change not yet applied, then refreshes the searchers so that they are
     * visible to the next search.
     *
     * @return how many changes were applied
     */
    public int catchUp() {
        writeLock.lock();
        try {
            Live l = live;
            int applied = 0;
            long cursor = watermark;
            while (true) {
                List<SearchChangeLog.Change> batch = changes.after(cursor, CHANGE_BATCH);
                for (SearchChangeLog.Change c : batch) {
                    if (appliedAbove.add(c.changeId())) {
                        apply(l.writer(), c);
                        applied++;
                    }
                    cursor = c.changeId();
                }
                if (batch.size() < CHANGE_BATCH) {
                    break;
                }
            }
            advanceWatermark();
            if (applied > 0) {
                dirty = true;
                l.searchers().maybeRefreshBlocking();
            }
            return applied;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Moves the watermark over applied changes. A missing id below applied ones is a transaction that
     * has not committed yet (or rolled back): it is waited for up to {@link #GAP_TIMEOUT}.
     */
    private void advanceWatermark() {
        Instant now = clock.instant();
        while (!appliedAbove.isEmpty()) {
            long next = watermark + 1;
            if (appliedAbove.remove(next)) {
                watermark = next;
                gapsSeen.remove(next);
                continue;
            }
            if (appliedAbove.first() < next) {
                appliedAbove.pollFirst();
                continue;
            }
            Instant seen = gapsSeen.computeIfAbsent(next, k -> now);
            if (Duration.between(seen, now).compareTo(GAP_TIMEOUT) >= 0) {
                gapsSeen.remove(next);
                watermark = next;
                continue;
            }
            break;
        }
    }

    private void apply(IndexWriter writer, SearchChangeLog.Change change) throws IOException {
        switch (change.kind()) {
            case MESSAGE, BULK -> {
                MessageDocument.Kind kind = change.kind() == SearchChangeLog.Kind.MESSAGE
                        ? MessageDocument.Kind.MESSAGE : MessageDocument.Kind.BULK;
                Term key = new Term(F_KEY, MessageDocument.key(kind, change.entityId()));
                Optional<MessageDocument> doc = source.find(kind, change.entityId());
                if (doc.isPresent()) {
                    writer.updateDocument(key, toDocument(doc.get()));
                } else {
                    writer.deleteDocuments(key);
                }
            }
            case CONVERSATION -> {
                Term conv = new Term(F_CONV, Long.toString(change.entityId()));
                List<MessageDocument> docs = source.conversation(change.entityId());
                if (docs.isEmpty()) {
                    writer.deleteDocuments(conv);
                } else {
                    writer.updateDocuments(conv, docs.stream().map(MessageIndex::toDocument).toList());
                }
            }
        }
    }

    /** Commits the live index with the follower's position (a crash then re-applies from there). */
    public void commitNow() throws IOException {
        writeLock.lock();
        try {
            commit(live.writer(), watermark, complete);
            dirty = false;
            lastCommit = clock.instant();
        } finally {
            writeLock.unlock();
        }
    }

    // ---------------------------------------------------------------- documents

    static Document toDocument(MessageDocument m) {
        Document d = new Document();
        d.add(new StringField(F_KEY, m.key(), Field.Store.YES));
        d.add(new StoredField(F_KIND, m.kind().name()));
        d.add(new StoredField(F_ID, m.id()));
        if (m.conversationId() != null) {
            d.add(new StringField(F_CONV, m.conversationId().toString(), Field.Store.YES));
        }
        d.add(new StringField(F_PROGRAM, Long.toString(m.programId()), Field.Store.NO));
        if (m.kind() == MessageDocument.Kind.MESSAGE) {
            d.add(new StringField(F_PARTNER, m.partnerId().toString(), Field.Store.NO));
            d.add(new StringField(F_AUDIENCE,
                    m.memberId() == null ? "p" + m.partnerId() : "m" + m.memberId(), Field.Store.NO));
        } else {
            for (Long p : m.recipientPartnerIds()) {
                d.add(new StringField(F_PARTNER, p.toString(), Field.Store.NO));
                d.add(new StringField(F_AUDIENCE, "p" + p, Field.Store.NO));
            }
            Set<Long> partners = new HashSet<>(m.recipientPartnerIds());
            for (Map.Entry<Long, Long> mem : m.recipientMembers().entrySet()) {
                d.add(new StringField(F_AUDIENCE, "m" + mem.getKey(), Field.Store.NO));
                if (partners.add(mem.getValue())) {
                    d.add(new StringField(F_PARTNER, mem.getValue().toString(), Field.Store.NO));
                }
            }
        }
        d.add(new StringField(F_CHANNEL, m.channel().name(), Field.Store.YES));
        d.add(new StringField(F_STATE, m.state().name(), Field.Store.NO));
        d.add(new StringField(F_ATTACHMENT, m.attachmentNames().isEmpty() ? "0" : "1", Field.Store.NO));
        d.add(new LongField(F_SENT, m.sentAt().toEpochMilli(), Field.Store.YES));
        d.add(new NumericDocValuesField(F_ORDER, m.id()));

        String body = HtmlToText.toText(m.body());
        d.add(new TextField(F_ALL, m.subject(), Field.Store.NO));
        d.add(new TextField(F_ALL, body, Field.Store.NO));
        d.add(new TextField(F_ALL, m.senderName(), Field.Store.NO));
        for (String p : m.partnerNames()) {
            d.add(new TextField(F_ALL, p, Field.Store.NO));
            d.add(new TextField(F_PARTNER_NAME, p, Field.Store.NO));
        }
        for (String member : m.memberNames()) {
            d.add(new TextField(F_ALL, member, Field.Store.NO));
            d.add(new TextField(F_PARTNER_NAME, member, Field.Store.NO));
        }
        for (String file : m.attachmentNames()) {
            // "Q3_payout-report.pdf" is found by "payout", "report", "pdf" and its whole name
            d.add(new TextField(F_ALL, file + " " + file.replaceAll("[._\\-]+", " "), Field.Store.NO));
        }
        d.add(new TextField(F_FROM, m.senderName(), Field.Store.NO));
        d.add(new StoredField(F_SUBJECT, m.subject()));
        d.add(new StoredField(F_BODY, body));
        d.add(new StoredField(F_SENDER, m.senderName()));
        d.add(new StoredField(F_PARTNERS, String.join(", ", m.partnerNames().stream().limit(3).toList())
                + (m.partnerNames().size() > 3 ? " +" + (m.partnerNames().size() - 3) : "")));
        return d;
    }

    // ---------------------------------------------------------------- search

    /** What a search needs from the searcher, run while it is held. */
    @FunctionalInterface
    interface SearcherCall<T> {
        T call(IndexSearcher searcher) throws IOException;
    }

    <T> T withSearcher(SearcherCall<T> call) throws IOException {
        for (int attempt = 0; ; attempt++) {
            SearcherManager sm = live.searchers();
            IndexSearcher searcher;
            try {
                searcher = sm.acquire();
            } catch (AlreadyClosedException e) {
                if (attempt < 3) {
                    continue; // swapped by a rebuild in the meantime
                }
                throw e;
            }
            try {
                return call.call(searcher);
            } finally {
                sm.release(searcher);
            }
        }
    }

    /** Runs the query and returns one page of top documents. */
    static TopDocs top(IndexSearcher searcher, Query query, SearchRequest.Sort sort, int n) throws IOException {
        if (sort == SearchRequest.Sort.DATE) {
            // newest first; the same instant: the higher id first, so pages stay stable
            Sort byDate = new Sort(LongField.newSortField(F_SENT, true, SortedNumericSelector.Type.MAX),
                    new SortField(F_ORDER, SortField.Type.LONG, true));
            return searcher.search(query, new TopFieldCollectorManager(byDate, n, null, EXACT_TOTAL_LIMIT, true));
        }
        return searcher.search(query, new TopScoreDocCollectorManager(n, null, EXACT_TOTAL_LIMIT, true));
    }

    SearchAnalyzer analyzer() {
        return analyzer;
    }

    /** @return whether the index holds every message (false while an initial rebuild runs) */
    public boolean isComplete() {
        return complete;
    }

    /** @return live documents in the index (after the last refresh) */
    public long documents() {
        try {
            return withSearcher(s -> (long) s.getIndexReader().numDocs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- rebuild

    /**
     * Starts a rebuild from the database unless one is running.
     *
     * @return whether a rebuild was started
     */
    public boolean startRebuild(String reason) {
        CompletableFuture<Void> running = rebuild.get();
        if (running != null && !running.isDone()) {
            return false;
        }
        CompletableFuture<Void> next = new CompletableFuture<>();
        if (!rebuild.compareAndSet(running, next)) {
            return false;
        }
        rebuildDone.set(0);
        Instant started = clock.instant();
        lastRebuild = new RebuildProgress(true, 0, 0, reason, started, null, null, 0, 0);
        Thread t = new Thread(() -> {
            try {
                runRebuild(reason, started);
                next.complete(null);
            } catch (Throwable e) {
                LOG.error("Search index rebuild failed", e);
                lastRebuild = new RebuildProgress(false, rebuildDone.get(), lastRebuild.total(), reason, started,
                        clock.instant(), e.toString(), 0, 0);
                next.completeExceptionally(e);
            }
        }, "parley-search-rebuild");
        t.setDaemon(true);
        t.start();
        return true;
    }

    /** Waits until the running rebuild (if any) ends; for tests and orderly shutdown. */
    public void awaitRebuild() {
        CompletableFuture<Void> f = rebuild.get();
        if (f != null) {
            f.join();
        }
    }

    private void runRebuild(String reason, Instant started) throws Exception {
        // Every change from here on is re-applied to the new index once it is swapped in.
        long restartAt = changes.restartPoint(GAP_TIMEOUT);
        long total = source.count();
        lastRebuild = new RebuildProgress(true, 0, total, reason, started, null, null, 0, 0);
        deleteRecursively(rebuildDir);
        Live building = openLive(rebuildDir, true, true);
        boolean swapped = false;
        try {
            addAll(building.writer(), total, reason, started);
            commit(building.writer(), restartAt, true);
            swap(building, restartAt);
            swapped = true;
        } finally {
            if (!swapped) {
                building.searchers().close();
                building.writer().rollback();
                building.dir().close();
                deleteRecursively(rebuildDir);
            }
        }
        catchUp();
        lastRebuild = new RebuildProgress(false, rebuildDone.get(), total, reason, started, clock.instant(), null, 0, 0);
    }

    /** Streams the source into the writer: this thread reads and indexes every other message, a second one the rest. */
    private void addAll(IndexWriter writer, long total, String reason, Instant started) throws Exception {
        MessageDocument poison = MessageDocument.bulk(-1, -1, null, null, "", "", "", null, null,
                MessageDocument.Channel.APP, Instant.EPOCH);
        BlockingQueue<MessageDocument> queue = new ArrayBlockingQueue<>(1024);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread helper = new Thread(() -> {
            try {
                while (true) {
                    MessageDocument m = queue.take();
                    if (m == poison) {
                        return;
                    }
                    writer.addDocument(toDocument(m));
                    rebuildDone.incrementAndGet();
                }
            } catch (Throwable e) {
                failure.set(e);
                queue.clear();
            }
        }, "parley-search-rebuild-2");
        helper.setDaemon(true);
        helper.start();
        try {
            long[] n = {0};
            source.streamAll(m -> {
                if (failure.get() != null) {
                    throw new IllegalStateException("Rebuild failed", failure.get());
                }
                if (closing) {
                    throw new IllegalStateException("Search index closing: rebuild abandoned");
                }
                try {
                    if ((n[0]++ & 1) == 0 || !queue.offer(m)) {
                        writer.addDocument(toDocument(m));
                        rebuildDone.incrementAndGet();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if ((n[0] & 1023) == 0) {
                    lastRebuild = new RebuildProgress(true, rebuildDone.get(), total, reason, started, null, null, 0, 0);
                }
            });
        } finally {
            queue.put(poison);
            helper.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Rebuild failed", failure.get());
        }
    }

    /** Replaces the live index by the finished one, under the write lock. */
    private void swap(Live building, long restartAt) throws IOException {
        writeLock.lock();
        try {
            building.searchers().close();
            building.writer().close();
            building.dir().close();
            Live old = live;
            old.writer().rollback();
            Path trash = versionDir.resolve("old-" + System.nanoTime());
            Files.move(indexDir, trash, StandardCopyOption.ATOMIC_MOVE);
            Files.move(rebuildDir, indexDir, StandardCopyOption.ATOMIC_MOVE);
            live = openLive(indexDir, false);
            watermark = restartAt;
            appliedAbove.clear();
            gapsSeen.clear();
            complete = true;
            old.searchers().close(); // searches holding an old searcher finish on the unlinked files
            old.dir().close();
            deleteRecursively(trash);
        } finally {
            writeLock.unlock();
        }
    }

    /** @return the state of the index and of its latest rebuild */
    public RebuildProgress progress() {
        RebuildProgress p = lastRebuild;
        long docs;
        try {
            docs = documents();
        } catch (RuntimeException e) {
            docs = 0;
        }
        long done = p.running() ? rebuildDone.get() : p.done();
        return new RebuildProgress(p.running(), done, p.total(), p.reason(), p.startedAt(), p.finishedAt(), p.error(),
                docs, appliedChange());
    }

    /** @return the follower's position in the change log */
    public long appliedChange() {
        writeLock.lock();
        try {
            return watermark;
        } finally {
            writeLock.unlock();
        }
    }

    /** @return the folder of the live index (tests damage it to prove recovery) */
    public Path indexDirectory() {
        return indexDir;
    }

    // ---------------------------------------------------------------- files

    private void deleteOtherVersions() throws IOException {
        Path root = versionDir.getParent();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "v*")) {
            for (Path d : dirs) {
                if (!d.equals(versionDir)) {
                    deleteRecursively(d);
                }
            }
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(versionDir, "old-*")) {
            for (Path d : dirs) {
                deleteRecursively(d);
            }
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(path)) {
            walk.forEach(all::add);
        }
        all.sort(Comparator.reverseOrder());
        for (Path p : all) {
            try {
                Files.deleteIfExists(p);
            } catch (NoSuchFileException ignored) {
                // gone already
            }
        }
    }

    @Override
    public void close() throws IOException {
        closing = true;
        if (background != null) {
            // never interrupt: an interrupted thread inside Lucene's I/O closes the channel of the write lock
            background.shutdown();
            try {
                background.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        CompletableFuture<Void> f = rebuild.get();
        if (f != null) {
            try {
                f.join();
            } catch (RuntimeException ignored) {
                // logged by the rebuild
            }
        }
        writeLock.lock();
        try {
            Live l = live;
            if (l != null) {
                if (l.writer().isOpen()) {
                    commit(l.writer(), watermark, complete);
                }
                l.searchers().close();
                l.writer().close();
                l.dir().close();
                live = null;
            }
        } finally {
            writeLock.unlock();
        }
    }
}
