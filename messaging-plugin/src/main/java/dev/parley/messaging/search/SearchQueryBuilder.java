package dev.parley.messaging.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a parsed query, the user's scope and the inbox filters into one Lucene query. The scope is
 * always a FILTER clause of the same query: a search cannot return what the scope excludes.
 */
final class SearchQueryBuilder {

    /**
     * Everything a query is built from.
     *
     * @param partnerIds inbox partner filter resolved to ids; {@code null} = no partner filter
     * @param unreadConversations ids for {@code is:unread}; {@code null} unless asked
     */
    record Inputs(ParsedQuery parsed, SearchScope scope, SearchRequest request, Set<Long> partnerIds,
            Set<Long> unreadConversations, ZoneId zone) {
    }

    private final Analyzer analyzer;

    SearchQueryBuilder(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** @return the text part alone (scored, highlighted), or {@code null} when the query has no text */
    Query textQuery(ParsedQuery parsed) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (ParsedQuery.TextPart part : parsed.text()) {
            Query q = switch (part.kind()) {
                case PREFIX -> prefix(part.text());
                case WORD, PHRASE -> analyzed(MessageIndex.F_ALL, part.text());
            };
            if (q != null) {
                b.add(q, Occur.MUST);
                clauses++;
            }
        }
        return clauses == 0 ? null : b.build();
    }

    /** @return the whole query: text (scored) and filters, scope included */
    Query build(Inputs in) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Query text = textQuery(in.parsed());
        b.add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST);

        SearchScope scope = in.scope();
        b.add(new TermQuery(new Term(MessageIndex.F_PROGRAM, Long.toString(scope.programId()))), Occur.FILTER);
        if (scope.isPartner()) {
            b.add(terms(MessageIndex.F_AUDIENCE, List.of("p" + scope.partnerId(), "m" + scope.memberId())), Occur.FILTER);
        }

        ParsedQuery p = in.parsed();
        for (String from : p.from()) {
            b.add(orNothing(analyzed(MessageIndex.F_FROM, from)), Occur.FILTER);
        }
        for (String partner : p.partner()) {
            b.add(orNothing(analyzed(MessageIndex.F_PARTNER_NAME, partner)), Occur.FILTER);
        }
        if (!p.channels().isEmpty()) {
            b.add(terms(MessageIndex.F_CHANNEL, p.channels().stream().map(Enum::name).toList()), Occur.FILTER);
        }
        if (p.hasAttachment()) {
            b.add(new TermQuery(new Term(MessageIndex.F_ATTACHMENT, "1")), Occur.FILTER);
        }
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        if (p.after() != null) {
            from = startOf(p.after(), in.zone());
        }
        if (p.before() != null) {
            to = startOf(p.before(), in.zone()) - 1;
        }
        if (from != Long.MIN_VALUE || to != Long.MAX_VALUE) {
            b.add(from > to ? new MatchNoDocsQuery("after is not before") : LongField.newRangeQuery(MessageIndex.F_SENT, from, to),
                    Occur.FILTER);
        }
        if (p.unread()) {
            b.add(ids(MessageIndex.F_CONV, in.unreadConversations()), Occur.FILTER);
        }

        SearchRequest r = in.request();
        if (in.partnerIds() != null) {
            b.add(ids(MessageIndex.F_PARTNER, in.partnerIds()), Occur.FILTER);
        }
        if (!r.states().isEmpty()) {
            b.add(terms(MessageIndex.F_STATE, r.states().stream().map(Enum::name).toList()), Occur.FILTER);
        }
        if (r.conversationId() != null) {
            b.add(new TermQuery(new Term(MessageIndex.F_CONV, r.conversationId().toString())), Occur.FILTER);
        }
        return b.build();
    }

    private static long startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private static Query orNothing(Query q) {
        return q == null ? new MatchNoDocsQuery("empty filter value") : q;
    }

    private static Query ids(String field, Collection<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return new MatchNoDocsQuery("no ids");
        }
        return terms(field, ids.stream().map(String::valueOf).toList());
    }

    private static Query terms(String field, Collection<String> values) {
        if (values.size() == 1) {
            return new TermQuery(new Term(field, values.iterator().next()));
        }
        List<BytesRef> refs = new ArrayList<>(values.size());
        values.forEach(v -> refs.add(new BytesRef(v)));
        return new TermInSetQuery(field, refs);
    }

    /** A prefix on the normalized (lower-cased, folded) stem. */
    private Query prefix(String stem) {
        BytesRef normalized = analyzer.normalize(MessageIndex.F_ALL, stem);
        if (normalized.length == 0) {
            return null;
        }
        return new PrefixQuery(new Term(MessageIndex.F_ALL, normalized));
    }

    /**
     * The text as the index saw it: one token → a term; several (a phrase, a CJK word turned into
     * bigrams, "e-mail") → a phrase with the analyzer's positions; none (punctuation) → {@code null}.
     */
    Query analyzed(String field, String text) {
        List<String> tokens = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += Math.max(inc.getPositionIncrement(), 0);
                tokens.add(term.toString());
                positions.add(Math.max(pos, 0));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tokens.isEmpty()) {
            return null;
        }
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0)));
        }
        PhraseQuery.Builder pq = new PhraseQuery.Builder();
        for (int i = 0; i < tokens.size(); i++) {
            pq.add(new Term(field, tokens.get(i)), positions.get(i));
        }
        return pq.build();
    }
}
