package dev.parley.messaging.search;

import dev.parley.api.event.EventBus;
import dev.parley.api.feature.FeatureGate;
import dev.parley.api.mail.Mailer;
import dev.parley.api.partner.PartnerDirectory;
import dev.parley.api.plugin.HostServices;
import dev.parley.api.schema.SchemaMigrations;
import dev.parley.api.tracking.TrackingLinks;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.UserKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
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
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * For the benchmark suite (loaded from the plugin JAR, like the host loads it): indexes the same
 * synthetic multilingual messages with this plugin's index and with raw Lucene of the same shape
 * (same analyzer, same text, a program filter field, stored id), then runs the same queries against
 * both in the same run. Raw queries: text MUST + program FILTER, top 20 by relevance, stored fields of
 * the 20 read. Ours: the whole {@link SearchService#search} (parsing, access scope, highlighting).
 * Needs a database with the plugin's {@code msg_search_changes} table (the change log position).
 */
public final class SearchIndexProbe {

    static final String[] WORDS = ("campaign payout invoice review video spring summer winter offer link "
            + "commission partner creator brief launch schedule delay bonus tracking coupon report question answer "
            + "thanks please attached contract draft banner holiday deadline budget audience").split(" ");
    static final String[] QUERIES = {"payout", "campaign review", "合作伙伴", "invoice", "\"holiday deadline\"", "病毒扫描",
            "pay*", "report from:sender"};
    private static final int PROGRAMS = 20;

    private SearchIndexProbe() {
    }

    /**
     * @param dataSource a database where the plugin's migrations ran
     * @param dir an empty scratch folder
     * @param messages how many messages to index
     * @param queries how many queries to time on each side (after as many warm-up queries)
     * @return {@code raw.docs_per_s, ours.docs_per_s, raw.p50_ms, raw.p99_ms, ours.p50_ms, ours.p99_ms,
     *         hits.mismatches} (queries whose hit counts differ between the two: must be 0)
     */
    public static Map<String, Double> measure(DataSource dataSource, Path dir, int messages, int queries) throws Exception {
        List<MessageDocument> docs = corpus(messages);
        Map<String, Double> out = new LinkedHashMap<>();
        Path raw = dir.resolve("raw");
        long t0 = System.nanoTime();
        try (FSDirectory fs = FSDirectory.open(raw);
                IndexWriter w = new IndexWriter(fs, new IndexWriterConfig(new SearchAnalyzer()).setRAMBufferSizeMB(48))) {
            for (MessageDocument m : docs) {
                Document d = new Document();
                d.add(new StringField("key", m.key(), Field.Store.YES));
                d.add(new StringField("program", Long.toString(m.programId()), Field.Store.NO));
                d.add(new TextField("all", m.subject(), Field.Store.NO));
                d.add(new TextField("all", m.body(), Field.Store.NO));
                d.add(new TextField("all", m.senderName(), Field.Store.NO));
                for (String p : m.partnerNames()) {
                    d.add(new TextField("all", p, Field.Store.NO));
                }
                d.add(new StoredField("body", m.body()));
                d.add(new LongField("sent", m.sentAt().toEpochMilli(), Field.Store.NO));
                w.addDocument(d);
            }
            w.commit();
        }
        out.put("raw.docs_per_s", messages / ((System.nanoTime() - t0) / 1e9));

        MessageSource source = new ListSource(docs);
        Clock clock = Clock.systemUTC();
        t0 = System.nanoTime();
        MessageIndex index = new MessageIndex(dir.resolve("ours"), source, new SearchChangeLog(dataSource, clock), clock);
        index.open();
        index.awaitRebuild();
        out.put("ours.docs_per_s", messages / ((System.nanoTime() - t0) / 1e9));
        try (FSDirectory fs = FSDirectory.open(raw); DirectoryReader reader = DirectoryReader.open(fs)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            SearchService service = new SearchService(index, new ProbeHost(dataSource, clock), actor -> Set.of());
            SearchQueryBuilder builder = new SearchQueryBuilder(index.analyzer());
            long[] rawTimes = new long[queries];
            long[] ourTimes = new long[queries];
            double mismatches = 0;
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < queries; i++) {
                    String q = QUERIES[i % QUERIES.length];
                    long program = 1 + (i % PROGRAMS);
                    ParsedQuery parsed = SearchQueryParser.parse(q);
                    long s = System.nanoTime();
                    BooleanQuery.Builder b = new BooleanQuery.Builder();
                    b.add(builder.textQuery(parsed), Occur.MUST);
                    for (String from : parsed.from()) {
                        b.add(builder.analyzed("all", from), Occur.FILTER); // raw has one field: same shape
                    }
                    b.add(new TermQuery(new Term("program", Long.toString(program))), Occur.FILTER);
                    Query query = b.build();
                    TopDocs top = searcher.search(query, 20);
                    for (ScoreDoc sd : top.scoreDocs) {
                        searcher.storedFields().document(sd.doc);
                    }
                    rawTimes[i] = System.nanoTime() - s;
                    CurrentUser user = new CurrentUser(1, UserKind.BRAND, "Probe", "probe@parley.test", program, null,
                            Set.of(), Set.of(), true, ZoneOffset.UTC, Locale.ENGLISH);
                    s = System.nanoTime();
                    SearchResults r = service.search(user, SearchRequest.of(q, SearchRequest.Sort.RELEVANCE));
                    ourTimes[i] = System.nanoTime() - s;
                    if (round == 1 && Math.min(r.total(), 1000) != Math.min(top.totalHits.value, 1000)) {
                        mismatches++;
                    }
                }
            }
            Arrays.sort(rawTimes);
            Arrays.sort(ourTimes);
            out.put("raw.p50_ms", rawTimes[queries / 2] / 1e6);
            out.put("raw.p99_ms", rawTimes[(int) (queries * 0.99)] / 1e6);
            out.put("ours.p50_ms", ourTimes[queries / 2] / 1e6);
            out.put("ours.p99_ms", ourTimes[(int) (queries * 0.99)] / 1e6);
            out.put("hits.mismatches", mismatches);
        } finally {
            index.close();
        }
        return out;
    }

    /** Deterministic messages: English words and sentences of the Chinese seed article, ~200 characters each. */
    static List<MessageDocument> corpus(int n) throws IOException {
        String seed;
        try (InputStream in = SearchIndexProbe.class.getResourceAsStream("probe_zh.txt")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] zh = Arrays.stream(seed.split("[。\\n]")).map(String::strip).filter(s -> s.length() > 6).toArray(String[]::new);
        List<MessageDocument> docs = new ArrayList<>(n);
        Random r = new Random(42);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 1; i <= n; i++) {
            StringBuilder body = new StringBuilder();
            while (body.length() < 200) {
                body.append(r.nextInt(5) == 0 ? zh[r.nextInt(zh.length)] : WORDS[r.nextInt(WORDS.length)]).append(' ');
            }
            long program = 1 + r.nextInt(PROGRAMS);
            docs.add(MessageDocument.message(i, i / 5 + 1, program, 1000 + r.nextInt(2000), null,
                    WORDS[r.nextInt(WORDS.length)] + " " + WORDS[r.nextInt(WORDS.length)], body.toString(),
                    "Sender " + r.nextInt(500), MessageDocument.SenderKind.BRAND, "Partner " + r.nextInt(2000), List.of(),
                    List.of(), MessageDocument.Channel.APP, start.plusSeconds(i * 60L), null));
        }
        return docs;
    }

    private record ListSource(List<MessageDocument> docs) implements MessageSource {
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
    }

    /** Only what the search service asks of a host: the feature gate (always on here). */
    private record ProbeHost(DataSource dataSource, Clock clock) implements HostServices {
        @Override
        public Optional<CurrentUser> currentUser() {
            return Optional.empty();
        }

        @Override
        public PartnerDirectory partners() {
            throw new UnsupportedOperationException();
        }

        @Override
        public FeatureGate features() {
            return (programId, feature) -> true;
        }

        @Override
        public Mailer mailer() {
            throw new UnsupportedOperationException();
        }

        @Override
        public TrackingLinks trackingLinks() {
            throw new UnsupportedOperationException();
        }

        @Override
        public EventBus events() {
            throw new UnsupportedOperationException();
        }

        @Override
        public SchemaMigrations schema() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Path dataDirectory(String pluginId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> List<T> extensions(Class<T> type) {
            return List.of();
        }

        @Override
        public Optional<String> setting(String key) {
            return Optional.empty();
        }
    }
}
