package dev.parley.messaging.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.BytesRef;

/**
 * Marks the query's words, phrases and prefixes in a stored text with one pass of the index's
 * analyzer (so it marks exactly what matched: a CJK word is a run of bigrams, a phrase its words side
 * by side) and cuts a snippet around the first mark. Output is HTML-escaped text with
 * {@code <mark>} around the matches, nothing else. Runs on every hit of a page, so it is the largest
 * fixed cost of a search: it keeps only the tokens that can be part of a mark (no string per token),
 * stops analysing a long text once the snippet's window and every mark reaching into it are known,
 * and escapes straight into the output.
 */
final class Highlighter {

    /** Longest text analyzed; later matches are not looked for. */
    static final int MAX_ANALYZED = 8_000;

    private final SearchAnalyzer analyzer;
    /** The analyzed tokens of each word or phrase (the same String instances as in {@link #wanted}). */
    private final List<String[]> sequences = new ArrayList<>();
    private final List<char[]> prefixes = new ArrayList<>();
    /** Every token of every sequence: the only terms worth keeping from a text. */
    private final CharArrayMap<String> wanted = new CharArrayMap<>(8, false);
    private int longest = 1;

    /** What a mark can start with: each prefix and the first term of each sequence, as the analyzer writes them. */
    private final List<char[]> needles = new ArrayList<>();

    Highlighter(SearchAnalyzer analyzer, ParsedQuery query) {
        this.analyzer = analyzer;
        for (ParsedQuery.TextPart part : query.text()) {
            if (part.kind() == ParsedQuery.TextKind.PREFIX) {
                BytesRef norm = analyzer.normalize(MessageIndex.F_ALL, part.text());
                if (norm.length > 0) {
                    prefixes.add(norm.utf8ToString().toCharArray());
                    needles.add(norm.utf8ToString().toCharArray());
                }
            } else {
                List<String> tokens = new ArrayList<>();
                try (TokenStream ts = analyzer.tokenStream(MessageIndex.F_ALL, part.text())) {
                    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) {
                        String t = wanted.get(term.buffer(), 0, term.length());
                        if (t == null) {
                            t = term.toString();
                            wanted.put(t, t);
                        }
                        tokens.add(t);
                    }
                    ts.end();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (!tokens.isEmpty()) {
                    sequences.add(tokens.toArray(String[]::new));
                    needles.add(tokens.get(0).toCharArray());
                    longest = Math.max(longest, tokens.size());
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
        List<int[]> marks = marks(text, -1);
        StringBuilder out = new StringBuilder(text.length() + 32);
        render(out, text, 0, text.length(), marks);
        return out.toString();
    }

    /**
     * @return about {@code length} characters around the first mark (the start when there is none),
     *         escaped, with marks and "…" where the text was cut
     */
    String snippet(String text, int length) {
        String flat = foldWhitespace(text);
        StringBuilder out = new StringBuilder(Math.min(flat.length(), length) + 48);
        if (flat.length() <= length) {
            render(out, flat, 0, flat.length(), marks(flat, -1));
            return out.toString();
        }
        List<int[]> marks = marks(flat, length);
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
        if (start > 0) {
            out.append('…');
        }
        render(out, flat, start, end, marks);
        if (end < flat.length()) {
            out.append('…');
        }
        return out.toString();
    }

    /** As {@code text.replaceAll("\\s+", " ").strip()}, without a regular expression. */
    static String foldWhitespace(String text) {
        int n = text.length();
        StringBuilder out = null;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            int runEnd = i + 1;
            while (runEnd < n && isRegexSpace(text.charAt(runEnd))) {
                runEnd++;
            }
            if (out == null && (c != ' ' || runEnd > i + 1)) {
                out = new StringBuilder(n);
                out.append(text, 0, i);
            }
            if (out != null) {
                out.append(' ');
            }
            i = runEnd - 1;
        }
        return (out == null ? text : out.toString()).strip();
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * @param window the snippet length when only the marks a snippet can show are needed (the text is
     *        longer than it), or -1 for every mark
     * @return the marks as {start, end} offsets, sorted, overlapping and touching ones merged
     */
    private List<int[]> marks(String text, int window) {
        List<int[]> marks = new ArrayList<>();
        if (isEmpty() || text.isEmpty()) {
            return marks;
        }
        String analyzed = text.length() > MAX_ANALYZED ? text.substring(0, MAX_ANALYZED) : text;
        int[] candidates = candidates(analyzed);
        if (candidates == null) {
            analyze(analyzed, 0, analyzed.length(), window, marks); // a text the shortcut cannot read
        } else if (candidates.length == 0) {
            return marks; // no mark can start anywhere: nothing to analyze
        } else if (longest == 1) {
            // one-token marks only: the words holding a candidate are all there is to analyze
            int bound = Integer.MAX_VALUE;
            int done = 0;
            for (int o : candidates) {
                if (o < done) {
                    continue; // in a word already analyzed
                }
                int from = wordStart(analyzed, o);
                if (window >= 0 && from > bound) {
                    break;
                }
                done = wordEnd(analyzed, o);
                analyze(analyzed, from, done, -1, marks);
                bound = bound(marks, window);
            }
        } else {
            // a sequence may run over several words: from the word of the first candidate on
            analyze(analyzed, wordStart(analyzed, candidates[0]), analyzed.length(), window, marks);
        }
        return merge(marks);
    }

    /**
     * Where a mark may start, found without the analyzer: in a text whose every character the analyzer
     * turns into exactly one character on its own ({@link Folding}), a token's term is the folded text
     * at its offsets, so a token whose term starts with a prefix or a sequence's first term starts
     * where the folded text holds it.
     *
     * @return the offsets where a needle starts, ascending, or {@code null} when the text holds a
     *         character the shortcut cannot vouch for (then the whole text is analyzed)
     */
    private int[] candidates(String text) {
        int n = text.length();
        char[] folded = new char[n];
        for (int i = 0; i < n; i++) {
            int f = Folding.fold(analyzer, text.charAt(i));
            if (f < 0) {
                return null;
            }
            folded[i] = (char) f;
        }
        int[] found = new int[8];
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (char[] needle : needles) {
                if (i + needle.length <= n && Arrays.equals(folded, i, i + needle.length, needle, 0, needle.length)) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = i;
                    break;
                }
            }
        }
        return Arrays.copyOf(found, count);
    }

    /**
     * ASCII white space always ends a token (Unicode word breaking never joins across it, CJK bigrams
     * only join touching characters), so a word between two of them is analyzed alone exactly as
     * within its text.
     */
    private static boolean isWordBreak(char c) {
        return isRegexSpace(c);
    }

    private static int wordStart(String text, int at) {
        int i = at;
        while (i > 0 && !isWordBreak(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static int wordEnd(String text, int at) {
        int i = at;
        while (i < text.length() && !isWordBreak(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Analyzes {@code text[from, to)} and adds its marks (offsets in {@code text}).
     *
     * @param window as for {@link #marks}: with a window, stops once no further token can show
     */
    private void analyze(String text, int from, int to, int window, List<int[]> marks) {
        Tokens tokens = new Tokens();
        String part = from == 0 && to == text.length() ? text : text.substring(from, to);
        try (TokenStream ts = analyzer.tokenStream(MessageIndex.F_ALL, part)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            int evaluated = 0; // tokens below this index have had their marks looked for
            int bound = bound(marks, window); // nothing starting after it can show
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                char[] buf = term.buffer();
                int len = term.length();
                tokens.add(wanted.get(buf, 0, len), startsWithPrefix(buf, len), from + offset.startOffset(),
                        from + offset.endOffset(), pos);
                // a sequence starting at token i is complete once i + longest - 1 tokens are in
                while (evaluated + longest <= tokens.size) {
                    if (tokens.start[evaluated] > bound) {
                        ts.end();
                        return;
                    }
                    evaluate(tokens, evaluated++, marks);
                    bound = bound(marks, window);
                }
            }
            ts.end();
            while (evaluated < tokens.size && tokens.start[evaluated] <= bound) {
                evaluate(tokens, evaluated++, marks);
                bound = bound(marks, window);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The snippet's window ends at most {@code window} characters after the first mark's start (and a
     * mark reaching over its end lengthens it to that mark's end). A token starting after both can
     * neither be shown nor touch a shown mark, so the analysis may stop there. Tokens are evaluated in
     * the order of their start offsets, so no later token can start a mark before the first one.
     */
    private static int bound(List<int[]> marks, int window) {
        if (window < 0 || marks.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        int first = Integer.MAX_VALUE;
        int last = 0;
        for (int[] m : marks) {
            first = Math.min(first, m[0]);
            last = Math.max(last, m[1]);
        }
        return Math.max(first + window, last);
    }

    private void evaluate(Tokens t, int i, List<int[]> marks) {
        if (t.prefixHit[i]) {
            marks.add(new int[] {t.start[i], t.end[i]});
        }
        for (String[] seq : sequences) {
            int last = matchAt(t, i, seq);
            if (last >= 0) {
                marks.add(new int[] {t.start[i], t.end[last]});
            }
        }
    }

    private boolean startsWithPrefix(char[] buf, int len) {
        for (char[] p : prefixes) {
            if (len >= p.length && Arrays.equals(buf, 0, p.length, p, 0, p.length)) {
                return true;
            }
        }
        return false;
    }

    /** @return the index of the last token when the sequence matches at token i with consecutive positions, else -1 */
    private static int matchAt(Tokens t, int i, String[] seq) {
        if (i + seq.length > t.size) {
            return -1;
        }
        int pos = t.position[i];
        for (int k = 0; k < seq.length; k++) {
            // wanted terms are the sequences' own String instances
            if (t.term[i + k] != seq[k] || t.position[i + k] != pos + k) {
                return -1;
            }
        }
        return i + seq.length - 1;
    }

    private static List<int[]> merge(List<int[]> marks) {
        marks.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        List<int[]> merged = new ArrayList<>(marks.size());
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

    private static void render(StringBuilder out, String text, int from, int to, List<int[]> marks) {
        int at = from;
        for (int[] m : marks) {
            if (m[1] <= from || m[0] >= to) {
                continue;
            }
            int s = Math.max(m[0], from);
            int e = Math.min(m[1], to);
            escape(out, text, at, s);
            out.append("<mark>");
            escape(out, text, s, e);
            out.append("</mark>");
            at = e;
        }
        escape(out, text, at, to);
    }

    /** Appends the characters {@code from}–{@code to} of the text, escaped for HTML text and attributes. */
    static void escape(StringBuilder out, String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(c);
            }
        }
    }

    /**
     * What the analyzer makes of each character on its own (width folding, lower case, accent folding),
     * learnt from the analyzer one character at a time and remembered. Characters it does not turn into
     * exactly one character, or that join or detach from their neighbours (combining marks, format
     * characters, half-width kana with their voicing marks, surrogates), have no folding here.
     */
    static final class Folding {
        /** Per character: 0 not learnt yet, -1 none, else the folded character + 1. */
        private static final int[] FOLDED = new int[Character.MAX_VALUE + 1];

        private Folding() {
        }

        /** @return the folded character, or -1 when it has none */
        static int fold(SearchAnalyzer analyzer, char c) {
            int f = FOLDED[c];
            if (f == 0) {
                int learnt = learn(analyzer, c);
                f = learnt < 0 ? -1 : learnt + 1;
                FOLDED[c] = f; // the same value whichever thread learns it first
            }
            return f < 0 ? -1 : f - 1;
        }

        private static int learn(SearchAnalyzer analyzer, char c) {
            if (c == 0 || Character.isSurrogate(c) || (c >= '\uFF61' && c <= '\uFF9F')) {
                return -1;
            }
            switch (Character.getType(c)) {
                case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                        Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE -> {
                    return -1;
                }
                default -> {
                    String n = analyzer.normalize(MessageIndex.F_ALL, String.valueOf(c)).utf8ToString();
                    return n.length() == 1 ? n.charAt(0) : -1;
                }
            }
        }
    }

    /** The tokens of one text, column-wise; {@code term} only where it is a term of a sequence. */
    private static final class Tokens {
        // small: most analyzed pieces are single words (a few tokens); grows for whole texts
        String[] term = new String[16];
        boolean[] prefixHit = new boolean[16];
        int[] start = new int[16];
        int[] end = new int[16];
        int[] position = new int[16];
        int size;

        void add(String t, boolean prefix, int s, int e, int pos) {
            if (size == start.length) {
                int n = size * 2;
                term = Arrays.copyOf(term, n);
                prefixHit = Arrays.copyOf(prefixHit, n);
                start = Arrays.copyOf(start, n);
                end = Arrays.copyOf(end, n);
                position = Arrays.copyOf(position, n);
            }
            term[size] = t;
            prefixHit[size] = prefix;
            start[size] = s;
            end[size] = e;
            position[size] = pos;
            size++;
        }
    }
}
