package dev.parley.messaging.search;

import dev.parley.api.partner.PartnerFilter;
import java.io.Serializable;
import java.util.Set;

/**
 * One search: the search box text plus the inbox filters it is combined with.
 *
 * @param query the search box input (see {@link SearchQueryParser})
 * @param sort by relevance or newest first
 * @param page 0-based page
 * @param pageSize hits per page (1..{@link #MAX_PAGE_SIZE})
 * @param partners brand users only: the inbox's partner filter (group/tag, assigned manager,
 *        partnership status, ...), resolved through the host's partner directory; {@code null} = all
 * @param states inbox states (open, done, spam); empty = any
 * @param conversationId only this conversation, or {@code null}
 */
public record SearchRequest(String query, Sort sort, int page, int pageSize, PartnerFilter partners,
        Set<MessageDocument.State> states, Long conversationId) implements Serializable {

    /** Largest page size. */
    public static final int MAX_PAGE_SIZE = 100;
    /** Deepest page reachable (deep paging costs; refine the query instead). */
    public static final int MAX_PAGE = 49;

    /** Orders of results. */
    public enum Sort { RELEVANCE, DATE }

    public SearchRequest {
        sort = sort == null ? Sort.RELEVANCE : sort;
        page = Math.max(0, Math.min(page, MAX_PAGE));
        pageSize = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
        states = states == null ? Set.of() : Set.copyOf(states);
    }

    /** @return a first-page request of 20 hits with no inbox filter */
    public static SearchRequest of(String query, Sort sort) {
        return new SearchRequest(query, sort, 0, 20, null, Set.of(), null);
    }

    public SearchRequest withPage(int p) {
        return new SearchRequest(query, sort, p, pageSize, partners, states, conversationId);
    }

    public SearchRequest withPartners(PartnerFilter filter) {
        return new SearchRequest(query, sort, page, pageSize, filter, states, conversationId);
    }

    public SearchRequest withStates(Set<MessageDocument.State> s) {
        return new SearchRequest(query, sort, page, pageSize, partners, s, conversationId);
    }

    public SearchRequest withConversation(Long id) {
        return new SearchRequest(query, sort, page, pageSize, partners, states, id);
    }
}
