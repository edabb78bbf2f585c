package org.vindplaats.app;

import java.util.List;
import java.util.Map;

import org.vindplaats.index.SearchResult;
import org.vindplaats.index.SearchResult.Recognised;
import org.vindplaats.model.TrendNote;

/**
 * The answer to a {@link NoteQuery} (or to "more like this"), as both front ends show it.
 *
 * @param hits the best hits, at most the query's limit, in the asked order
 * @param total how many notes matched in all
 * @param facets per facet field ({@link NoteQuery#FACETS}) the count of matching notes per value
 *        (empty when the query did not ask for them)
 * @param hints what the engine did with the query text that the worker may not expect (an unknown
 *        field, a misspelt platform), in the user's language
 * @param estimated the facet counts are estimates (a query matching very many notes of a large
 *        index); the total and the hits are exact
 * @param recognised the phenomena the query named (by a label, slang or a near spelling), whose
 *        notes and those of their narrower phenomena were searched too
 * @param resemblingOnly how many of the {@code total} were found only because they resemble the
 *        example notes of a recognised phenomenon (the front ends count them apart; they are
 *        ranked with the others, usually but not always below them)
 * @param namedNeeds the needs the query named ("psychisch welzijn"): notes labelled with them
 *        rank higher (see {@link #needsNamed})
 */
public record SearchResults(List<Hit> hits, int total, Map<String, Map<String, Integer>> facets, List<String> hints,
        boolean estimated, List<Recognised> recognised, int resemblingOnly, List<String> namedNeeds) {

    public SearchResults {
        hits = List.copyOf(hits);
        // Keep the order: fields as the index lists them, values by count (months newest first).
        facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
        hints = List.copyOf(hints);
        recognised = List.copyOf(recognised == null ? List.of() : recognised);
        namedNeeds = List.copyOf(namedNeeds == null ? List.of() : namedNeeds);
    }

    public SearchResults(List<Hit> hits, int total, Map<String, Map<String, Integer>> facets, List<String> hints,
            boolean estimated, List<Recognised> recognised) {
        this(hits, total, facets, hints, estimated, recognised, 0, List.of());
    }

    public SearchResults(List<Hit> hits, int total, Map<String, Map<String, Integer>> facets, List<String> hints,
            boolean estimated) {
        this(hits, total, facets, hints, estimated, List.of());
    }

    /** Exact counts. */
    public SearchResults(List<Hit> hits, int total, Map<String, Map<String, Integer>> facets, List<String> hints) {
        this(hits, total, facets, hints, false);
    }

    /** A character range {@code [start, end)} to show in bold. */
    public record Range(int start, int end) {
    }

    /**
     * One matching note with a snippet of its text and the ranges of the snippet that matched, the
     * phenomena the index holds it under (named in it or recognised; empty without an index) and
     * the recognised phenomena it is not held under but resembles.
     */
    public record Hit(TrendNote note, float score, String snippet, List<Range> highlights, List<String> phenomena,
            List<String> resembles) {
        public Hit {
            highlights = List.copyOf(highlights);
            phenomena = List.copyOf(phenomena == null ? List.of() : phenomena);
            resembles = List.copyOf(resembles == null ? List.of() : resembles);
        }

        public Hit(TrendNote note, float score, String snippet, List<Range> highlights, List<String> phenomena) {
            this(note, score, snippet, highlights, phenomena, List.of());
        }

        /** A hit without phenomena (a search that does not know them). */
        public Hit(TrendNote note, float score, String snippet, List<Range> highlights) {
            this(note, score, snippet, highlights, List.of());
        }

        /**
         * The snippet with {@code pre} and {@code post} around each match (a terminal's bold, say).
         * The note text is inserted as is: a caller that produces markup escapes it itself.
         */
        public String snippet(String pre, String post) {
            return new SearchResult.Hit(note.id(), score, note.title(), snippet,
                    highlights.stream().map(r -> new SearchResult.Range(r.start(), r.end())).toList()).snippet(pre, post);
        }
    }

    /** The phenomena this search looked for: the recognised ones and their narrower phenomena. */
    public java.util.Set<String> searchedPhenomena() {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (Recognised r : recognised) {
            ids.add(r.id());
            ids.addAll(r.narrower());
        }
        return ids;
    }

    /**
     * Why {@code hit} was found through a recognised phenomenon: those of its phenomena the search
     * looked for (see {@link #searchedPhenomena()}), in the hit's order. Empty when it was found by
     * its words alone; {@link Hit#resembles()} names the phenomena it was found like.
     */
    public List<String> foundBecause(Hit hit) {
        java.util.Set<String> searched = searchedPhenomena();
        return hit.phenomena().stream().filter(searched::contains).toList();
    }

    /**
     * The needs the query named that {@code hit} is labelled with: it was found (also) for being
     * labelled with them. Empty when the query named none.
     */
    public List<String> needsNamed(Hit hit) {
        return hit.note().needs().stream().map(org.vindplaats.model.Need::id).filter(namedNeeds::contains).toList();
    }

    public static SearchResults empty() {
        return new SearchResults(List.of(), 0, Map.of(), List.of());
    }
}
