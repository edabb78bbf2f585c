package org.vindplaats.ui.notes;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Trend notes part asks for: the typed text in the forgiving syntax (words, "phrases",
 * {@code platform:tiktok need:relationships}, {@code -word}), facet filters chosen in the combos,
 * an observed-date range, a sort order and how many hits to return.
 */
public record NoteQuery(String text, Map<String, Set<String>> filters, LocalDate from, LocalDate to, Sort sort,
        int limit) {

    public enum Sort {
        RELEVANCE, NEWEST, OLDEST
    }

    public static final String PLATFORM = "platform";
    public static final String NEED = "need";
    public static final String AFFORDANCE = "affordance";
    public static final String POLARITY = "polarity";
    public static final String URGENCY = "urgency";
    public static final String MONTH = "month";
    /** A phenomenon from the knowledge centres' thesaurus (the index's field, also {@code fenomeen:} in the query). */
    public static final String PHENOMENON = "phenomenon";

    /** The facet fields in the order the filters show them. */
    public static final List<String> FACETS = List.of(PLATFORM, NEED, AFFORDANCE, PHENOMENON, POLARITY, URGENCY, MONTH);

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
        limit = limit <= 0 ? DEFAULT_LIMIT : limit;
    }

    public static NoteQuery of(String text) {
        return new NoteQuery(text, Map.of(), null, null, Sort.RELEVANCE, DEFAULT_LIMIT);
    }

    public NoteQuery withText(String value) {
        return new NoteQuery(value, filters, from, to, sort, limit);
    }

    /** Sets (value non-null) or clears (null) the filter on one facet field. */
    public NoteQuery withFilter(String field, String value) {
        Map<String, Set<String>> f = new LinkedHashMap<>(filters);
        if (value == null) {
            f.remove(field);
        } else {
            f.put(field, new LinkedHashSet<>(List.of(value)));
        }
        return new NoteQuery(text, f, from, to, sort, limit);
    }

    public NoteQuery withDates(LocalDate newFrom, LocalDate newTo) {
        return new NoteQuery(text, filters, newFrom, newTo, sort, limit);
    }

    public NoteQuery withSort(Sort value) {
        return new NoteQuery(text, filters, from, to, value, limit);
    }

    public NoteQuery withLimit(int value) {
        return new NoteQuery(text, filters, from, to, sort, value);
    }

    /** The single value filtered on for a field, or null. */
    public String filter(String field) {
        Set<String> v = filters.get(field);
        return v == null || v.isEmpty() ? null : v.iterator().next();
    }
}
