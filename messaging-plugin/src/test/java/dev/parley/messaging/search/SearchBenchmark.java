package dev.parley.messaging.search;

import dev.parley.api.testing.FixtureHost;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessagingPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * Not a test: a rough local comparison of this index against raw Lucene of the same shape (same
 * analyzer, same text), for indexing throughput and query latency. The benchmark suite is the judge;
 * this helps while developing. Run:
 * {@code java -cp <test classpath> dev.parley.messaging.search.SearchBenchmark 200000}
 */
public final class SearchBenchmark {

    private static final String[] WORDS = ("campaign payout invoice review video spring summer winter offer link "
            + "commission partner creator brief launch schedule delay bonus tracking coupon report question answer "
            + "thanks please attached contract draft banner holiday deadline budget audience").split(" ");

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String seed = HtmlToText.toText(new String(SearchBenchmark.class.getResourceAsStream("seed_003_zh.md").readAllBytes()));
        String[] zh = Arrays.stream(seed.split("[。\\n]")).filter(s -> s.length() > 6).toArray(String[]::new);
        List<MessageDocument> docs = new ArrayList<>(n);
        Random r = new Random(42);
        for (int i = 1; i <= n; i++) {
            StringBuilder body = new StringBuilder();
            while (body.length() < 200) {
                body.append(r.nextInt(5) == 0 ? zh[r.nextInt(zh.length)] : WORDS[r.nextInt(WORDS.length)]).append(' ');
            }
            long program = 1 + r.nextInt(20);
            docs.add(MessageDocument.message(i, i / 5 + 1, program, 1000 + r.nextInt(2000), null,
                    WORDS[r.nextInt(WORDS.length)] + " " + WORDS[r.nextInt(WORDS.length)], body.toString(), "Sender " + r.nextInt(500),
                    MessageDocument.SenderKind.BRAND, "Partner " + r.nextInt(2000), List.of(), List.of(),
                    MessageDocument.Channel.APP, Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i * 60L), null));
        }

        // raw Lucene: same analyzer, same text in one field, a program filter field and a date
        Path raw = Files.createTempDirectory("bench-raw");
        long t0 = System.nanoTime();
        try (FSDirectory dir = FSDirectory.open(raw);
                IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new SearchAnalyzer()).setRAMBufferSizeMB(48))) {
            for (MessageDocument m : docs) {
                Document d = new Document();
                d.add(new StringField("id", Long.toString(m.id()), Field.Store.YES));
                d.add(new StringField("program", Long.toString(m.programId()), Field.Store.NO));
                d.add(new TextField("all", m.subject() + " " + m.body() + " " + m.senderName() + " " + m.partnerNames().get(0), Field.Store.NO));
                d.add(new LongField("sent", m.sentAt().toEpochMilli(), Field.Store.NO));
                w.addDocument(d);
            }
            w.commit();
        }
        double rawRate = n / ((System.nanoTime() - t0) / 1e9);

        FixtureHost host = FixtureHost.create("bench");
        host.schema().migrate(MessagingPlugin.ID, MessagingPlugin.class.getClassLoader(), "dev/parley/messaging/db");
        for (long p = 1; p <= 20; p++) {
            host.enableFeature(p, MessagingPlugin.FEATURE);
        }
        MessageSource source = new MessageSource() {
            @Override
            public long count() {
                return docs.size();
            }

            @Override
            public void streamAll(Consumer<MessageDocument> sink) {
                docs.forEach(sink);
            }

            @Override
            public Optional<MessageDocument> find(MessageDocument.Kind kind, long id) {
                return Optional.empty();
            }

            @Override
            public List<MessageDocument> conversation(long conversationId) {
                return List.of();
            }
        };
        Path ours = Files.createTempDirectory("bench-ours");
        MessageIndex index = new MessageIndex(ours, source, new SearchChangeLog(host.dataSource(), host.clock()), host.clock());
        t0 = System.nanoTime();
        index.open();
        index.awaitRebuild();
        double ourRate = n / ((System.nanoTime() - t0) / 1e9);
        System.out.printf("indexing %d docs: raw %.0f docs/s, ours %.0f docs/s, ratio %.2f%n", n, rawRate, ourRate, ourRate / rawRate);

        SearchService service = new SearchService(index, host, actor -> java.util.Set.of());
        try (FSDirectory dir = FSDirectory.open(raw); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            String[] queries = {"payout", "campaign review", "合作伙伴", "invoice", "holiday deadline", "病毒扫描"};
            long[] rawTimes = new long[3000];
            long[] ourTimes = new long[3000];
            long[] bareTimes = new long[3000];
            SearchQueryBuilder builder = new SearchQueryBuilder(index.analyzer());
            for (int round = 0; round < 2; round++) { // first round warms up
                for (int i = 0; i < rawTimes.length; i++) {
                    String q = queries[i % queries.length];
                    long program = 1 + (i % 20);
                    CurrentUser user = FixtureHost.brandUser(1, program, "Bench", Permissions.MESSAGING);
                    long s = System.nanoTime();
                    Query text = new SearchQueryBuilder(index.analyzer()).textQuery(SearchQueryParser.parse(q));
                    BooleanQuery bq = new BooleanQuery.Builder().add(text, Occur.MUST)
                            .add(new TermQuery(new Term("program", Long.toString(program))), Occur.FILTER).build();
                    var top = searcher.search(bq, 20);
                    for (var sd : top.scoreDocs) {
                        searcher.storedFields().document(sd.doc);
                    }
                    rawTimes[i] = System.nanoTime() - s;
                    s = System.nanoTime();
                    service.search(user, SearchRequest.of(q, SearchRequest.Sort.RELEVANCE));
                    ourTimes[i] = System.nanoTime() - s;
                    s = System.nanoTime();
                    ParsedQuery pq = SearchQueryParser.parse(q);
                    Query full = builder.build(new SearchQueryBuilder.Inputs(pq, SearchScope.of(user),
                            SearchRequest.of(q, SearchRequest.Sort.RELEVANCE), null, null, java.time.ZoneOffset.UTC));
                    index.withSearcher(is -> {
                        var td = MessageIndex.top(is, full, SearchRequest.Sort.RELEVANCE, 20);
                        for (var sd : td.scoreDocs) {
                            is.storedFields().document(sd.doc);
                        }
                        return null;
                    });
                    bareTimes[i] = System.nanoTime() - s;
                }
            }
            Arrays.sort(rawTimes);
            Arrays.sort(ourTimes);
            Arrays.sort(bareTimes);
            System.out.printf("ours without highlighting p50/p99 ms: %.2f/%.2f%n", bareTimes[1500] / 1e6, bareTimes[2970] / 1e6);
            System.out.printf("query p50/p99 ms: raw %.2f/%.2f, ours %.2f/%.2f, p99 ratio %.2f%n", rawTimes[1500] / 1e6,
                    rawTimes[2970] / 1e6, ourTimes[1500] / 1e6, ourTimes[2970] / 1e6, (double) ourTimes[2970] / rawTimes[2970]);
        }
        index.close();
        MessageIndex.deleteRecursively(raw);
        MessageIndex.deleteRecursively(ours);
        System.exit(0);
    }
}
