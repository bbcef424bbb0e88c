package dev.parley.messaging.search;

import dev.parley.api.user.CurrentUser;
import java.util.List;

/** Helpers: hits as "M3" / "B1" keys. */
final class SearchAssertions {

    private SearchAssertions() {
    }

    static List<String> keys(SearchResults results) {
        return results.hits().stream().map(h -> MessageDocument.key(h.kind(), h.id())).toList();
    }

    static List<String> byDate(SearchService service, CurrentUser actor, String query) {
        return keys(service.search(actor, new SearchRequest(query, SearchRequest.Sort.DATE, 0, 100, null, null, null)));
    }

    static List<String> byRelevance(SearchService service, CurrentUser actor, String query) {
        return keys(service.search(actor, new SearchRequest(query, SearchRequest.Sort.RELEVANCE, 0, 100, null, null, null)));
    }
}
