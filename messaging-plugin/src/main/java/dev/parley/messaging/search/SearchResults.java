package dev.parley.messaging.search;

import java.io.Serializable;
import java.util.List;

/**
 * One page of hits.
 *
 * @param hits the page
 * @param total matching messages (exact up to {@link MessageIndex#EXACT_TOTAL_LIMIT})
 * @param totalIsLowerBound whether there are more than {@code total}
 * @param page 0-based page
 * @param pageSize requested page size
 * @param indexComplete false while the index is being (re)built: results may be missing
 */
public record SearchResults(List<SearchHit> hits, long total, boolean totalIsLowerBound, int page, int pageSize,
        boolean indexComplete) implements Serializable {

    public SearchResults {
        hits = List.copyOf(hits);
    }

    public static SearchResults empty(int pageSize, boolean indexComplete) {
        return new SearchResults(List.of(), 0, false, 0, pageSize, indexComplete);
    }

    /** @return whether a next page exists */
    public boolean hasNext() {
        return (long) (page + 1) * pageSize < total && page < SearchRequest.MAX_PAGE;
    }

    /** @return how many pages the total fills */
    public int pages() {
        return (int) Math.min(SearchRequest.MAX_PAGE + 1, (total + pageSize - 1) / pageSize);
    }
}
