package dev.parley.messaging.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.BytesRef;

/**
 * The highlighter as it was before it was made faster (analyze the whole text, collect every token,
 * then look for marks): the plain statement of what {@link Highlighter} must output, kept to check
 * that the faster one marks and cuts exactly the same.
 */
final class ReferenceHighlighter {

    /** Longest text analyzed; later matches are not looked for. */
    static final int MAX_ANALYZED = 8_000;

    private final Analyzer analyzer;
    private final List<List<String>> sequences = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();

    ReferenceHighlighter(Analyzer analyzer, ParsedQuery query) {
        this.analyzer = analyzer;
        for (ParsedQuery.TextPart part : query.text()) {
            if (part.kind() == ParsedQuery.TextKind.PREFIX) {
                BytesRef norm = analyzer.normalize(MessageIndex.F_ALL, part.text());
                if (norm.length > 0) {
                    prefixes.add(norm.utf8ToString());
                }
            } else {
                List<String> tokens = new ArrayList<>();
                analyze(part.text(), (term, start, end, pos) -> tokens.add(term));
                if (!tokens.isEmpty()) {
                    sequences.add(tokens);
                }
            }
        }
    }

    /** @return whether there is anything to mark */
    boolean isEmpty() {
        return sequences.isEmpty() && prefixes.isEmpty();
    }

    /** @return the whole text, escaped, with marks */
    String whole(String text) {
        List<int[]> marks = marks(text);
        return render(text, 0, text.length(), marks);
    }

    /**
     * @return about {@code length} characters around the first mark (the start when there is none),
     *         escaped, with marks and "…" where the text was cut
     */
    String snippet(String text, int length) {
        String flat = text.replaceAll("\\s+", " ").strip();
        List<int[]> marks = marks(flat);
        if (flat.length() <= length) {
            return render(flat, 0, flat.length(), marks);
        }
        int start = 0;
        if (!marks.isEmpty()) {
            int first = marks.get(0)[0];
            start = Math.max(0, Math.min(first - length / 4, flat.length() - length));
            if (start > 0) {
                int space = flat.indexOf(' ', start);
                if (space > 0 && space < first && space - start < 20) {
                    start = space + 1; // begin on a word
                }
            }
        }
        int end = Math.min(flat.length(), start + length);
        for (int[] m : marks) {
            if (m[0] < end && m[1] > end) {
                end = m[1]; // never cut a mark
            }
        }
        return (start > 0 ? "…" : "") + render(flat, start, end, marks) + (end < flat.length() ? "…" : "");
    }

    private List<int[]> marks(String text) {
        List<int[]> marks = new ArrayList<>();
        if (isEmpty() || text.isEmpty()) {
            return marks;
        }
        List<String> terms = new ArrayList<>();
        List<int[]> spans = new ArrayList<>(); // start, end, position
        analyze(text.length() > MAX_ANALYZED ? text.substring(0, MAX_ANALYZED) : text,
                (term, start, end, pos) -> {
                    terms.add(term);
                    spans.add(new int[] {start, end, pos});
                });
        for (int i = 0; i < terms.size(); i++) {
            String t = terms.get(i);
            for (String p : prefixes) {
                if (t.startsWith(p)) {
                    marks.add(new int[] {spans.get(i)[0], spans.get(i)[1]});
                }
            }
            for (List<String> seq : sequences) {
                int last = matchAt(terms, spans, i, seq);
                if (last >= 0) {
                    marks.add(new int[] {spans.get(i)[0], spans.get(last)[1]});
                }
            }
        }
        marks.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        List<int[]> merged = new ArrayList<>();
        for (int[] m : marks) {
            int[] prev = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (prev != null && m[0] <= prev[1]) {
                prev[1] = Math.max(prev[1], m[1]); // overlapping bigrams and phrases become one mark
            } else {
                merged.add(new int[] {m[0], m[1]});
            }
        }
        return merged;
    }

    /** @return the index of the last token when the sequence matches at token i with consecutive positions, else -1 */
    private static int matchAt(List<String> terms, List<int[]> spans, int i, List<String> seq) {
        if (i + seq.size() > terms.size()) {
            return -1;
        }
        int pos = spans.get(i)[2];
        for (int k = 0; k < seq.size(); k++) {
            if (!terms.get(i + k).equals(seq.get(k)) || spans.get(i + k)[2] != pos + k) {
                return -1;
            }
        }
        return i + seq.size() - 1;
    }

    private static String render(String text, int from, int to, List<int[]> marks) {
        StringBuilder out = new StringBuilder((to - from) + 32);
        int at = from;
        for (int[] m : marks) {
            if (m[1] <= from || m[0] >= to) {
                continue;
            }
            int s = Math.max(m[0], from);
            int e = Math.min(m[1], to);
            out.append(SearchService.escape(text.substring(at, s)));
            out.append("<mark>").append(SearchService.escape(text.substring(s, e))).append("</mark>");
            at = e;
        }
        out.append(SearchService.escape(text.substring(at, to)));
        return out.toString();
    }

    private interface TokenSink {
        void token(String term, int start, int end, int position);
    }

    private void analyze(String text, TokenSink sink) {
        try (TokenStream ts = analyzer.tokenStream(MessageIndex.F_ALL, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                sink.token(term.toString(), offset.startOffset(), offset.endOffset(), pos);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
