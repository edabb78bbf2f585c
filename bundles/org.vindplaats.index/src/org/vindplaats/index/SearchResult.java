package org.vindplaats.index;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total  how many notes match (exact)
 * @param hits   the best {@code limit} notes, in the requested order
 * @param facets per dimension (platform, need, affordance, polarity, urgency, month) value to
 *               count over all matching notes, highest count first (month: newest first);
 *               empty unless facets were requested
 * @param hints  human-readable remarks about the query (in the current language), e.g. that an
 *               unbalanced quote was ignored or a field name was misspelled
 * @param estimated true when the facet counts were estimated from a random sample of the
 *               matching notes (facets of a query matching very many notes; see
 *               {@code NoteIndex}); the total and the hits are exact either way. Show such
 *               counts as "about".
 * @param resemblingOnly how many of the {@code total} matched only because they resemble the
 *               example notes of a recognised phenomenon (neither its words nor the phenomenon
 *               itself): counted apart, so a worker can tell "about grooming" from "like it"
 * @param namedNeeds the needs the query named ("psychisch welzijn", "privacy"): notes labelled
 *               with them rank higher, and a hit labelled with one was found (also) for that
 */
public record SearchResult(long total, List<Hit> hits, Map<String, Map<String, Long>> facets, List<String> hints,
        boolean estimated, List<Recognised> recognised, long resemblingOnly, List<String> namedNeeds) {

    /**
     * A phenomenon the query named (by a label, slang or a near spelling): its notes, and those
     * of its narrower phenomena, were searched too.
     *
     * @param id       the phenomenon
     * @param words    the label it was recognised by
     * @param narrower narrower phenomena included
     */
    public record Recognised(String id, String words, List<String> narrower) {
        public Recognised {
            narrower = List.copyOf(narrower);
        }
    }

    public SearchResult {
        hits = List.copyOf(hits);
        recognised = List.copyOf(recognised == null ? List.of() : recognised);
        // Keep the order: dimensions as listed, values by count (months newest first).
        facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
        hints = List.copyOf(hints);
        namedNeeds = List.copyOf(namedNeeds == null ? List.of() : namedNeeds);
    }

    public SearchResult(long total, List<Hit> hits, Map<String, Map<String, Long>> facets, List<String> hints,
            boolean estimated, List<Recognised> recognised) {
        this(total, hits, facets, hints, estimated, recognised, 0, List.of());
    }

    public SearchResult(long total, List<Hit> hits, Map<String, Map<String, Long>> facets, List<String> hints,
            boolean estimated) {
        this(total, hits, facets, hints, estimated, List.of());
    }

    /** An exact result. */
    public SearchResult(long total, List<Hit> hits, Map<String, Map<String, Long>> facets, List<String> hints) {
        this(total, hits, facets, hints, false);
    }

    /** This result, saying which phenomena the query was recognised as. */
    public SearchResult withRecognised(List<Recognised> r) {
        return new SearchResult(total, hits, facets, hints, estimated, r, resemblingOnly, namedNeeds);
    }

    /** This result, saying how many of its matches only resemble a recognised phenomenon. */
    public SearchResult withResemblingOnly(long n) {
        return new SearchResult(total, hits, facets, hints, estimated, recognised, n, namedNeeds);
    }

    /** This result, saying which needs the query named. */
    public SearchResult withNamedNeeds(List<String> needs) {
        return new SearchResult(total, hits, facets, hints, estimated, recognised, resemblingOnly, needs);
    }

    /** A character range {@code [start, end)} in a snippet that matched the query. */
    public record Range(int start, int end) {
    }

    /**
     * One note found.
     *
     * @param snippet    plain text (never HTML) around the best matching passages
     * @param highlights ranges of {@code snippet} that matched, in order, not overlapping
     * @param phenomena  the phenomena the note was indexed with (named in it or recognised by the
     *                   tagger): together with {@link SearchResult#recognised()} they say why it was found
     * @param resembles  recognised phenomena the note is not indexed with but resembles (it shares
     *                   distinctive words with their examples and description)
     */
    public record Hit(String id, float score, String title, String snippet, List<Range> highlights,
            List<String> phenomena, List<String> resembles) {

        public Hit {
            highlights = List.copyOf(highlights);
            phenomena = List.copyOf(phenomena == null ? List.of() : phenomena);
            resembles = List.copyOf(resembles == null ? List.of() : resembles);
        }

        public Hit(String id, float score, String title, String snippet, List<Range> highlights, List<String> phenomena) {
            this(id, score, title, snippet, highlights, phenomena, List.of());
        }

        public Hit(String id, float score, String title, String snippet, List<Range> highlights) {
            this(id, score, title, snippet, highlights, List.of(), List.of());
        }

        public Hit withResembles(List<String> r) {
            return new Hit(id, score, title, snippet, highlights, phenomena, r);
        }

        /**
         * The snippet with {@code pre} and {@code post} around each match, e.g. "**" for
         * Markdown or ANSI bold for a terminal. The note text is inserted as is: a caller that
         * produces HTML must escape the text between the markers itself.
         */
        public String snippet(String pre, String post) {
            StringBuilder sb = new StringBuilder(snippet.length() + highlights.size() * (pre.length() + post.length()));
            int at = 0;
            for (Range r : highlights) {
                sb.append(snippet, at, r.start()).append(pre).append(snippet, r.start(), r.end()).append(post);
                at = r.end();
            }
            return sb.append(snippet, at, snippet.length()).toString();
        }
    }
}
