package org.vindplaats.index;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.vindplaats.index.internal.Analysis;
import org.vindplaats.index.internal.PhenomenonMatcher;
import org.vindplaats.index.internal.QueryTranslator;

/**
 * A query in the forgiving search syntax, read for another search engine (the team hub's Solr):
 * the same field names (Dutch and English), values, periods and hints as local search, as plain
 * values, plus what the words name (phenomena with their narrower ones, needs, platforms) so the
 * engine can weigh them as the local index does. Never throws on odd input: oddities are hints.
 *
 * @param text       the words to search, with the syntax the user typed ("phrases", *, |)
 * @param without    words the user excluded ({@code -woord})
 * @param include    index field (platform, need, affordance, phenomenon, polarity, urgency, lang) to the ids a note must have one of
 * @param exclude    index field to ids a note must not have
 * @param from       first day observed, or null
 * @param to         last day observed, or null
 * @param phenomena  phenomena the words name
 * @param needs      needs the words name ("psychisch welzijn")
 * @param platforms  platforms the words name
 */
public record RemoteQuery(String text, List<String> without, Map<String, List<String>> include,
        Map<String, List<String>> exclude, LocalDate from, LocalDate to, List<SearchResult.Recognised> phenomena,
        List<String> needs, List<String> platforms, List<String> hints) {

    /** Reads {@code query} with the plugins' platforms, thesaurus and synonyms in {@code config}. */
    public static RemoteQuery read(String query, IndexConfig config) {
        return reader(config).read(query);
    }

    /** The reader made last, kept for the next query with the same configuration. */
    private static volatile Reader last;

    /**
     * A reader for {@code config}: building one analyses every synonym, platform name and
     * phenomenon label, which a search should not pay for each time, so the last one made is kept
     * while callers pass the same configuration (the workbench keeps its configuration until the
     * plugins change).
     */
    public static Reader reader(IndexConfig config) {
        Reader r = last;
        if (r == null || r.config != config) {
            Analysis analysis = new Analysis(config.synonyms());
            r = new Reader(config, new QueryTranslator(analysis, QueryTranslator.platformNames(config, analysis),
                    new PhenomenonMatcher(config.thesaurus(), analysis)));
            last = r;
        }
        return r;
    }

    /** Reads queries with one configuration; thread-safe. */
    public static final class Reader {
        private final IndexConfig config;
        private final QueryTranslator translator;

        private Reader(IndexConfig config, QueryTranslator translator) {
            this.config = config;
            this.translator = translator;
        }

        public RemoteQuery read(String query) {
            return translator.remote(query);
        }
    }
}
