package org.vindplaats.ui.notes;

import java.util.List;
import java.util.Map;

import org.vindplaats.model.TrendNote;

/**
 * The answer to a {@link NoteQuery}.
 *
 * @param hits the best hits, at most the query's limit, in the asked order
 * @param total how many notes matched in all
 * @param facets per facet field ({@link NoteQuery#FACETS}) the count of matching notes per value
 * @param hints what the engine did with the query text that the worker may not expect (an unknown
 *        field, a misspelt platform), in the user's language
 * @param estimated the facet counts are estimates (a query matching very many notes of a large
 *        index); the total and the hits are exact
 */
public record SearchResults(List<Hit> hits, int total, Map<String, Map<String, Integer>> facets, List<String> hints,
        boolean estimated) {

    public SearchResults {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
        hints = List.copyOf(hints);
    }

    /** Exact counts. */
    public SearchResults(List<Hit> hits, int total, Map<String, Map<String, Integer>> facets, List<String> hints) {
        this(hits, total, facets, hints, false);
    }

    /** A character range {@code [start, end)} to show in bold. */
    public record Range(int start, int end) {
    }

    /**
     * One matching note with a snippet of its text and the ranges of the snippet that matched, and
     * the phenomena the index holds it under (named in it or recognised; empty without an index).
     */
    public record Hit(TrendNote note, float score, String snippet, List<Range> highlights, List<String> phenomena) {
        public Hit {
            highlights = List.copyOf(highlights);
            phenomena = List.copyOf(phenomena == null ? List.of() : phenomena);
        }

        /** A hit without phenomena (a search that does not know them). */
        public Hit(TrendNote note, float score, String snippet, List<Range> highlights) {
            this(note, score, snippet, highlights, List.of());
        }
    }

    public static SearchResults empty() {
        return new SearchResults(List.of(), 0, Map.of(), List.of());
    }
}
