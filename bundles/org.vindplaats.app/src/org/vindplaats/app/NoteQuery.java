package org.vindplaats.app;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vindplaats.index.FacetFields;

/**
 * A search of a workspace's notes, as the workbench's Trend notes part and the command line's
 * {@code search} ask it of {@link NoteSearch}: the typed text in the forgiving syntax (words,
 * "phrases", {@code platform:tiktok need:relationships}, {@code -word}), facet filters (chosen in
 * the workbench's combos), an observed-date range, a sort order, how many hits to return and
 * whether to count the facets.
 *
 * @param limit how many hits at the most: 0 for none (only the total and the facets), negative
 *        for {@link #DEFAULT_LIMIT}
 */
public record NoteQuery(String text, Map<String, Set<String>> filters, LocalDate from, LocalDate to, Sort sort,
        int limit, boolean facets) {

    public enum Sort {
        RELEVANCE, NEWEST, OLDEST
    }

    // The index's facet fields (FacetFields), by the names the parts use.
    public static final String PLATFORM = FacetFields.PLATFORM;
    public static final String NEED = FacetFields.NEED;
    public static final String AFFORDANCE = FacetFields.AFFORDANCE;
    public static final String POLARITY = FacetFields.POLARITY;
    public static final String URGENCY = FacetFields.URGENCY;
    public static final String MONTH = FacetFields.MONTH;
    public static final String PHENOMENON = FacetFields.PHENOMENON;

    /** The facet fields in the order the filters show them. */
    public static final List<String> FACETS = FacetFields.ALL;

    public static final int DEFAULT_LIMIT = 200;

    public NoteQuery {
        text = text == null ? "" : text;
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        if (filters != null) {
            filters.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    copy.put(k, Set.copyOf(v));
                }
            });
        }
        filters = Map.copyOf(copy);
        sort = sort == null ? Sort.RELEVANCE : sort;
        limit = limit < 0 ? DEFAULT_LIMIT : limit;
    }

    /** A query that counts the facets. */
    public NoteQuery(String text, Map<String, Set<String>> filters, LocalDate from, LocalDate to, Sort sort, int limit) {
        this(text, filters, from, to, sort, limit, true);
    }

    public static NoteQuery of(String text) {
        return new NoteQuery(text, Map.of(), null, null, Sort.RELEVANCE, DEFAULT_LIMIT);
    }

    public NoteQuery withText(String value) {
        return new NoteQuery(value, filters, from, to, sort, limit, facets);
    }

    /** Sets (value non-null) or clears (null) the filter on one facet field. */
    public NoteQuery withFilter(String field, String value) {
        Map<String, Set<String>> f = new LinkedHashMap<>(filters);
        if (value == null) {
            f.remove(field);
        } else {
            f.put(field, new LinkedHashSet<>(List.of(value)));
        }
        return new NoteQuery(text, f, from, to, sort, limit, facets);
    }

    public NoteQuery withDates(LocalDate newFrom, LocalDate newTo) {
        return new NoteQuery(text, filters, newFrom, newTo, sort, limit, facets);
    }

    public NoteQuery withSort(Sort value) {
        return new NoteQuery(text, filters, from, to, value, limit, facets);
    }

    public NoteQuery withLimit(int value) {
        return new NoteQuery(text, filters, from, to, sort, value, facets);
    }

    /** Whether the facets are counted (they cost time on a large workspace; the workbench always shows them). */
    public NoteQuery withFacets(boolean value) {
        return new NoteQuery(text, filters, from, to, sort, limit, value);
    }

    /** The single value filtered on for a field, or null. */
    public String filter(String field) {
        Set<String> v = filters.get(field);
        return v == null || v.isEmpty() ? null : v.iterator().next();
    }
}
