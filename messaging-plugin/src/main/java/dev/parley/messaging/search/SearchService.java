package dev.parley.messaging.search;

import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.plugin.HostServices;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessagingPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * Message search for brand users and partner members. Checks the actor (permission, plan feature),
 * derives the {@link SearchScope} from the actor alone and runs one Lucene query with the scope
 * inside it, then highlights the page of hits.
 */
public final class SearchService {

    /** Characters a body snippet aims at. */
    static final int SNIPPET_LENGTH = 160;

    private final MessageIndex index;
    private final HostServices host;
    private final UnreadLookup unread;
    private final SearchQueryBuilder queries;

    public SearchService(MessageIndex index, HostServices host, UnreadLookup unread) {
        this.index = index;
        this.host = host;
        this.unread = unread;
        this.queries = new SearchQueryBuilder(index.analyzer());
    }

    /** @return one page of the actor's messages matching the request */
    public SearchResults search(CurrentUser actor, SearchRequest request) {
        requireSearcher(actor);
        ParsedQuery parsed = SearchQueryParser.parse(request.query());
        boolean inboxFilters = request.partners() != null || !request.states().isEmpty() || request.conversationId() != null;
        if (parsed.isEmpty() && !inboxFilters) {
            return SearchResults.empty(request.pageSize(), index.isComplete());
        }
        SearchScope scope = SearchScope.of(actor);
        Set<Long> partnerIds = null;
        if (!scope.isPartner() && request.partners() != null) {
            partnerIds = resolvePartners(actor.programId(), request.partners());
        }
        Set<Long> unreadIds = parsed.unread() ? unread.unreadConversationIds(actor) : null;
        ZoneId zone = actor.zoneId() == null ? ZoneId.of("UTC") : actor.zoneId();
        Query text = queries.textQuery(parsed);
        if (text == null && !parsed.hasFilters() && (!parsed.text().isEmpty() || !inboxFilters)) {
            return SearchResults.empty(request.pageSize(), index.isComplete()); // only punctuation: nothing to find
        }
        Query query = queries.build(new SearchQueryBuilder.Inputs(parsed, scope, request, partnerIds, unreadIds, zone));
        Highlighter marks = new Highlighter(index.analyzer(), parsed);
        try {
            return index.withSearcher(searcher -> {
                int from = request.page() * request.pageSize();
                TopDocs top = MessageIndex.top(searcher, query, request.sort(), from + request.pageSize());
                ScoreDoc[] all = top.scoreDocs;
                int count = Math.max(0, Math.min(request.pageSize(), all.length - from));
                int[] docIds = new int[count];
                for (int i = 0; i < count; i++) {
                    docIds[i] = all[from + i].doc;
                }
                StoredFields stored = searcher.storedFields();
                List<SearchHit> hits = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    Document d = stored.document(docIds[i]);
                    String subject = d.get(MessageIndex.F_SUBJECT);
                    String body = d.get(MessageIndex.F_BODY);
                    String conv = d.get(MessageIndex.F_CONV);
                    hits.add(new SearchHit(MessageDocument.Kind.valueOf(d.get(MessageIndex.F_KIND)),
                            d.getField(MessageIndex.F_ID).numericValue().longValue(),
                            conv == null ? null : Long.valueOf(conv), marks.whole(subject == null ? "" : subject),
                            marks.snippet(body == null ? "" : body, SNIPPET_LENGTH), d.get(MessageIndex.F_SENDER),
                            d.get(MessageIndex.F_PARTNERS), MessageDocument.Channel.valueOf(d.get(MessageIndex.F_CHANNEL)),
                            Instant.ofEpochMilli(d.getField(MessageIndex.F_SENT).numericValue().longValue())));
                }
                TotalHits total = top.totalHits;
                return new SearchResults(hits, total.value, total.relation == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO,
                        request.page(), request.pageSize(), index.isComplete());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        Highlighter.escape(out, s, 0, s.length());
        return out.toString();
    }

    private Set<Long> resolvePartners(long programId, PartnerFilter filter) {
        Set<Long> ids = new HashSet<>();
        host.partners().stream(programId, filter, p -> ids.add(p.id()));
        return ids;
    }

    /**
     * @return the index state and rebuild progress; the index serves every program, so platform admins only
     */
    public RebuildProgress progress(CurrentUser actor) {
        if (!mayAdminister(actor)) {
            throw new SecurityException("Platform administrators only");
        }
        return index.progress();
    }

    /**
     * Rebuilds this node's index from the database (it serves every program, so platform admins only).
     *
     * @return whether a rebuild started (false when one is running)
     */
    public boolean rebuild(CurrentUser actor) {
        if (!mayAdminister(actor)) {
            throw new SecurityException("Platform administrators only");
        }
        return index.startRebuild("requested by " + actor.email());
    }

    /** @return whether the actor may see and rebuild the index (platform admins) */
    public static boolean mayAdminister(CurrentUser actor) {
        return actor != null && actor.isBrand() && actor.platformAdmin();
    }

    private void requireSearcher(CurrentUser actor) {
        if (actor == null) {
            throw new SecurityException("Not logged in");
        }
        if (actor.isPartner()) {
            if (actor.partnerId() == null) {
                throw new SecurityException("Partner members only");
            }
        } else if (!actor.can(Permissions.MESSAGING)) {
            throw new SecurityException("Messaging permission required");
        }
        if (!host.features().isEnabled(actor.programId(), MessagingPlugin.FEATURE)) {
            throw new SecurityException("Messaging is not part of this program's plan");
        }
    }

    /** @return the index (admin page, tests) */
    public MessageIndex index() {
        return index;
    }
}
