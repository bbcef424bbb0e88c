package dev.parley.messaging.jar;

import dev.parley.messaging.search.MessageDocument;
import dev.parley.messaging.search.MessageIndex;
import dev.parley.messaging.search.MessageSource;
import dev.parley.messaging.search.SearchAnalyzer;
import dev.parley.messaging.search.SearchChangeLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * Loaded by {@link ShadedJarIT} inside a class loader that sees only the built plugin JAR (and SLF4J,
 * which the host provides): the plugin's index, written and read with the codecs found through the
 * JAR's merged META-INF/services.
 */
public class ShadedLuceneProbe implements Function<DataSource, String> {

    @Override
    public String apply(DataSource dataSource) {
        try {
            Path root = Files.createTempDirectory("parley-shaded-probe");
            MessageSource source = new MessageSource() {
                private final List<MessageDocument> docs = List.of(MessageDocument.message(1, 1, 7, 9, null, "附件问题",
                        "所有收发附件都会进行病毒扫描。", "王芳", MessageDocument.SenderKind.PARTNER, "星河", null, null,
                        MessageDocument.Channel.APP, Instant.parse("2026-01-01T00:00:00Z"), null));

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
                    return docs.stream().filter(d -> d.id() == id).findFirst();
                }

                @Override
                public List<MessageDocument> conversation(long conversationId) {
                    return docs;
                }
            };
            MessageIndex index = new MessageIndex(root, source, new SearchChangeLog(dataSource, Clock.systemUTC()),
                    Clock.systemUTC());
            index.open();
            index.awaitRebuild();
            long docs = index.documents();
            Path dir = index.indexDirectory();
            index.close();
            List<String> tokens = new ArrayList<>();
            try (SearchAnalyzer analyzer = new SearchAnalyzer(); TokenStream ts = analyzer.tokenStream("all", "病毒扫描")) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    tokens.add(term.toString());
                }
                ts.end();
            }
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            tokens.forEach(t -> phrase.add(new Term("all", t)));
            long hits;
            try (FSDirectory fs = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(fs)) {
                hits = new IndexSearcher(reader).count(phrase.build());
            }
            return "codec=" + Codec.getDefault().getName() + " loader=" + (Codec.class.getClassLoader() == getClass().getClassLoader())
                    + " docs=" + docs + " tokens=" + tokens + " hits=" + hits;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
