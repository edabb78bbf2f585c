package org.vindplaats.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A search: the user's query text in the forgiving syntax (see docs/search.md), plus options.
 * Immutable; each method returns a changed copy.
 * {@code SearchRequest.of("pesten platform:tiktok").limit(20).facets(true).sort(Sort.NEWEST)}.
 */
public final class SearchRequest {

    public enum Sort {
        RELEVANCE, NEWEST, OLDEST
    }

    /** A filter given in code rather than typed, e.g. {@code filter("need", "health")}. */
    public record Filter(String field, String value) {
    }

    private final String query;
    private final int limit;
    private final boolean facets;
    private final Sort sort;
    private final List<Filter> filters;
    private final LocalDate from;
    private final LocalDate to;

    private SearchRequest(String query, int limit, boolean facets, Sort sort, List<Filter> filters, LocalDate from,
            LocalDate to) {
        this.query = query;
        this.limit = limit;
        this.facets = facets;
        this.sort = sort;
        this.filters = List.copyOf(filters);
        this.from = from;
        this.to = to;
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query == null ? "" : query, 10, false, Sort.RELEVANCE, List.of(), null, null);
    }

    /** At most {@code n} hits (at least 0; 0 only counts and facets). */
    public SearchRequest limit(int n) {
        return new SearchRequest(query, Math.max(0, n), facets, sort, filters, from, to);
    }

    public SearchRequest facets(boolean on) {
        return new SearchRequest(query, limit, on, sort, filters, from, to);
    }

    /** The same request with other query text (filters, limit, facets and sort kept). */
    public SearchRequest query(String text) {
        return new SearchRequest(text == null ? "" : text, limit, facets, sort, filters, from, to);
    }

    public SearchRequest sort(Sort s) {
        return new SearchRequest(query, limit, facets, Objects.requireNonNull(s), filters, from, to);
    }

    /**
     * Adds a filter on a field: platform, need, affordance, polarity, urgency, lang (the same
     * names and values as in the query text, Dutch labels included). All filters must match.
     */
    public SearchRequest filter(String field, String value) {
        List<Filter> more = new ArrayList<>(filters);
        more.add(new Filter(field, value));
        return new SearchRequest(query, limit, facets, sort, more, from, to);
    }

    /** The same request without the filters whose field name {@code drop} accepts. */
    public SearchRequest withoutFilters(java.util.function.Predicate<String> drop) {
        return new SearchRequest(query, limit, facets, sort, filters.stream().filter(f -> !drop.test(f.field())).toList(),
                from, to);
    }

    /** Only notes observed on or between the two dates (either may be null for open-ended). */
    public SearchRequest observed(LocalDate fromInclusive, LocalDate toInclusive) {
        return new SearchRequest(query, limit, facets, sort, filters, fromInclusive, toInclusive);
    }

    public String query() {
        return query;
    }

    public int limit() {
        return limit;
    }

    public boolean facets() {
        return facets;
    }

    public Sort sort() {
        return sort;
    }

    public List<Filter> filters() {
        return filters;
    }

    public LocalDate observedFrom() {
        return from;
    }

    public LocalDate observedTo() {
        return to;
    }
}
