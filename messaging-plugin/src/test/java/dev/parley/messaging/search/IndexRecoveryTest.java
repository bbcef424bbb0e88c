package dev.parley.messaging.search;

import static dev.parley.messaging.search.SearchAssertions.byDate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.testing.FixtureHost;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A deleted, corrupted, unfinished or old-version index is rebuilt from the database; admins can rebuild. */
class IndexRecoveryTest {

    private SearchFixture f;
    private CurrentUser nora;

    @BeforeEach
    void setUp() {
        f = new SearchFixture("recovery");
        nora = f.acmeManager();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private MessageIndex reopen() {
        MessageIndex index = new MessageIndex(f.indexRoot(), f.store, f.changes, f.host.clock());
        index.open();
        return index;
    }

    private void assertGolden(MessageIndex index) {
        SearchService service = new SearchService(index, f.host, f.store);
        assertEquals(List.of("M8", "M6"), byDate(service, nora, "病毒扫描"));
        assertEquals(List.of("B1", "M4", "M3"), byDate(service, nora, "payout*"));
        assertEquals(13, index.documents());
        assertTrue(index.isComplete());
    }

    @Test
    void aDeletedIndexIsRebuilt() throws Exception {
        f.index.close();
        MessageIndex.deleteRecursively(f.index.indexDirectory());
        try (MessageIndex index = reopen()) {
            index.awaitRebuild();
            RebuildProgress p = index.progress();
            assertEquals("missing", p.reason());
            assertEquals(13, p.done());
            assertEquals(13, p.total());
            assertFalse(p.running());
            assertNull(p.error());
            assertGolden(index);
        }
    }

    @Test
    void aCorruptedIndexIsRebuilt() throws Exception {
        f.index.close();
        Path biggest;
        try (Stream<Path> files = Files.list(f.index.indexDirectory())) {
            biggest = files.filter(p -> !p.getFileName().toString().startsWith("segments"))
                    .max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
        try (RandomAccessFile raf = new RandomAccessFile(biggest.toFile(), "rw")) {
            raf.seek(raf.length() / 2);
            byte[] garbage = new byte[64];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = (byte) (0x5A ^ i);
            }
            raf.write(garbage);
        }
        try (MessageIndex index = reopen()) {
            index.awaitRebuild();
            assertTrue(index.progress().reason().startsWith("corrupt"), index.progress().reason());
            assertGolden(index);
        }
    }

    @Test
    void anIndexWithGarbageForCommitIsRebuilt() throws Exception {
        f.index.close();
        try (Stream<Path> files = Files.list(f.index.indexDirectory())) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(p, "not a commit".getBytes());
            }
        }
        try (MessageIndex index = reopen()) {
            index.awaitRebuild();
            assertTrue(index.progress().reason().startsWith("corrupt"), index.progress().reason());
            assertGolden(index);
        }
    }

    @Test
    void anOldVersionIsRebuiltAndOldFoldersRemoved() throws Exception {
        f.index.close();
        try (FSDirectory dir = FSDirectory.open(f.index.indexDirectory());
                IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            w.setLiveCommitData(Map.of("parley.search.version", "0", "parley.search.complete", "true").entrySet());
            w.commit();
        }
        Path v0 = Files.createDirectories(f.indexRoot().resolve("v0").resolve("index"));
        Files.writeString(v0.resolve("_0.cfs"), "old");
        try (MessageIndex index = reopen()) {
            index.awaitRebuild();
            assertEquals("old version", index.progress().reason());
            assertFalse(Files.exists(f.indexRoot().resolve("v0")));
            assertGolden(index);
        }
    }

    @Test
    void aNodeBehindAPrunedChangeLogIsRebuilt() throws Exception {
        f.index.close();
        for (int i = 0; i < 3; i++) {
            f.store.save(f.corpus().get(0)); // changes the stopped node never applied (after the 13 of the corpus)
        }
        f.host.mutableClock().advance(java.time.Duration.ofDays(8));
        f.store.save(f.corpus().get(1));
        assertEquals(13 + 3, f.changes.prune(f.host.clock().instant().minus(java.time.Duration.ofDays(7))));
        try (MessageIndex index = reopen()) {
            index.awaitRebuild();
            assertEquals("behind the change log (changes pruned)", index.progress().reason());
            assertGolden(index);
        }
    }

    @Test
    void anIndexAheadOfTheChangeLogIsRebuilt() throws Exception {
        f.store.save(f.corpus().get(0));
        f.index.catchUp();
        f.index.close();
        try (java.sql.Connection c = f.host.dataSource().getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("DELETE FROM msg_search_changes"); // as after restoring another database
        }
        try (MessageIndex index = reopen()) {
            index.awaitRebuild();
            assertEquals("ahead of the change log (another database?)", index.progress().reason());
            assertGolden(index);
        }
    }

    @Test
    void anIndexLockedByAnotherWriterIsLeftAlone() throws Exception {
        // f.index is open and holds the write lock, as a second host instance on the same folder would find it
        MessageIndex second = new MessageIndex(f.indexRoot(), f.store, f.changes, f.host.clock());
        IllegalStateException e = assertThrows(IllegalStateException.class, second::open);
        assertTrue(e.getMessage().contains("in use by another process"), e.getMessage());
        f.index.catchUp();
        assertGolden(f.index);
    }

    @Test
    void aHealthyIndexIsNotRebuilt() throws Exception {
        f.store.save(f.corpus().get(0));
        f.index.catchUp();
        f.index.close();
        try (MessageIndex index = reopen()) {
            assertNull(index.progress().reason());
            assertNull(index.progress().startedAt());
            assertGolden(index);
        }
    }

    @Test
    void searchesWorkWhileTheInitialRebuildRuns() throws Exception {
        f.index.close();
        MessageIndex.deleteRecursively(f.index.indexDirectory());
        Gate gate = new Gate(f.store);
        try (MessageIndex index = new MessageIndex(f.indexRoot(), gate, f.changes, f.host.clock())) {
            index.open();
            gate.reached.await();
            SearchService service = new SearchService(index, f.host, f.store);
            SearchResults during = service.search(nora, SearchRequest.of("spring", SearchRequest.Sort.DATE));
            assertFalse(during.indexComplete(), "the page can tell the user the index is being rebuilt");
            assertTrue(index.progress().running());
            assertEquals(13, index.progress().total());
            gate.open.countDown();
            index.awaitRebuild();
            assertGolden(index);
        }
    }

    @Test
    void anAdminRebuildKeepsServingAndLosesNoWriteMadeMeanwhile() throws Exception {
        f.index.close();
        Gate gate = new Gate(f.store);
        try (MessageIndex index = new MessageIndex(f.indexRoot(), gate, f.changes, f.host.clock())) {
            index.open();
            SearchService service = new SearchService(index, f.host, f.store);
            CurrentUser admin = new CurrentUser(1, nora.kind(), "Root", "root@parley.test", f.acme.id(), null,
                    nora.roles(), nora.permissions(), true, nora.zoneId(), nora.locale());
            assertTrue(service.rebuild(admin));
            gate.reached.await();           // the rebuild has read the database and is writing its new index
            assertFalse(service.rebuild(admin), "one rebuild at a time");
            assertEquals(List.of("M2", "M1"), byDate(service, nora, "spring"), "the old index still answers");
            f.store.save(MessageDocument.message(40, SearchFixture.C_SPRING, f.acme.id(), f.trailhead, null, "Okapi",
                    "An okapi written during the rebuild.", "Nora Brand", MessageDocument.SenderKind.BRAND,
                    "Trailhead Media", null, null, MessageDocument.Channel.APP, SearchFixture.at("2026-04-02T09:00:00Z"), null));
            index.catchUp();
            assertEquals(List.of("M40"), byDate(service, nora, "okapi"));
            gate.open.countDown();
            index.awaitRebuild();
            assertEquals(List.of("M40"), byDate(service, nora, "okapi"), "re-applied to the new index from the change log");
            assertEquals(14, index.documents());
            assertTrue(index.progress().reason().startsWith("requested by"));
        }
    }

    @Test
    void onlyPlatformAdminsSeeAndRebuildTheIndex() {
        CurrentUser accountAdmin = FixtureHost.brandUser(3, f.acme.id(), "Ada Admin", Permissions.ADMINISTER);
        assertThrows(SecurityException.class, () -> f.service.rebuild(accountAdmin));
        assertThrows(SecurityException.class, () -> f.service.progress(accountAdmin), "the index serves every program");
        assertThrows(SecurityException.class, () -> f.service.rebuild(nora));
        assertThrows(SecurityException.class, () -> f.service.progress(nora));
        CurrentUser root = new CurrentUser(4, nora.kind(), "Root", "root@parley.test", f.acme.id(), null, nora.roles(),
                nora.permissions(), true, nora.zoneId(), nora.locale());
        RebuildProgress p = f.service.progress(root);
        assertEquals(13, p.documents());
        assertEquals(100, p.percent());
    }

    /** A source whose full read pauses after the first document until the test opens it. */
    private static final class Gate implements MessageSource {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);
        private final MessageSource delegate;

        Gate(MessageSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public long count() {
            return delegate.count();
        }

        @Override
        public void streamAll(Consumer<MessageDocument> sink) {
            boolean[] first = {true};
            delegate.streamAll(m -> {
                sink.accept(m);
                if (first[0]) {
                    first[0] = false;
                    reached.countDown();
                    try {
                        open.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
            });
        }

        @Override
        public Optional<MessageDocument> find(MessageDocument.Kind kind, long id) {
            return delegate.find(kind, id);
        }

        @Override
        public List<MessageDocument> conversation(long conversationId) {
            return delegate.conversation(conversationId);
        }
    }
}
