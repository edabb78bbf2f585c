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
        Analysis analysis = new Analysis(config.synonyms());
        return new QueryTranslator(analysis, QueryTranslator.platformNames(config, analysis),
                new PhenomenonMatcher(config.thesaurus(), analysis)).remote(query);
    }
}
