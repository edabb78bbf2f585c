package org.vindplaats.index.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.index.SearchRequest;
import org.vindplaats.index.SearchResult;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.Terms;
import org.vindplaats.model.Urgency;

/**
 * Turns the forgiving query syntax into a Lucene query. Field filters ({@code platform:tiktok},
 * Dutch names too) and date ranges are picked out first, because Lucene's parsers have no notion
 * of our values, labels and periods; the remaining words, "phrases", -exclusions, (groups), |, *
 * and ~ go to Lucene's {@link SimpleQueryParser}, which is designed never to throw on bad input.
 * Anything odd (unbalanced quotes or brackets, unknown fields or values, bad dates) becomes a
 * hint and a plainer search, never an exception.
 */
public final class QueryTranslator {

    /** Which filter a field name stands for. */
    enum Kind {
        PLATFORM(Fields.PLATFORM, "tiktok"), NEED(Fields.NEED, "health"), AFFORDANCE(Fields.AFFORDANCE, "anonymity"),
        POLARITY(Fields.POLARITY, "risk"), URGENCY(Fields.URGENCY, "immediate"), LANG(Fields.LANG, "nl"),
        OBSERVED(Fields.OBSERVED, "2025-01..2025-06"), AFTER(Fields.OBSERVED, "2025-03-01"),
        BEFORE(Fields.OBSERVED, "2025-07"), PHENOMENON(Fields.PHENOMENON, "grooming");

        final String field;
        final String example;

        Kind(String field, String example) {
            this.field = field;
            this.example = example;
        }
    }

    private static final Map<String, Kind> FIELD_NAMES = new LinkedHashMap<>();

    static {
        for (String n : List.of("platform", "platforms", "platformen", "app")) {
            FIELD_NAMES.put(n, Kind.PLATFORM);
        }
        for (String n : List.of("need", "needs", "behoefte", "behoeften")) {
            FIELD_NAMES.put(n, Kind.NEED);
        }
        for (String n : List.of("affordance", "affordances", "gebruiksmogelijkheid", "affordantie", "mogelijkheid")) {
            FIELD_NAMES.put(n, Kind.AFFORDANCE);
        }
        for (String n : List.of("polarity", "polariteit")) {
            FIELD_NAMES.put(n, Kind.POLARITY);
        }
        for (String n : List.of("urgency", "urgentie")) {
            FIELD_NAMES.put(n, Kind.URGENCY);
        }
        for (String n : List.of("lang", "language", "taal")) {
            FIELD_NAMES.put(n, Kind.LANG);
        }
        for (String n : List.of("observed", "date", "month", "datum", "maand", "waargenomen")) {
            FIELD_NAMES.put(n, Kind.OBSERVED);
        }
        for (String n : List.of("after", "since", "na", "sinds")) {
            FIELD_NAMES.put(n, Kind.AFTER);
        }
        for (String n : List.of("before", "until", "voor", "tot")) {
            FIELD_NAMES.put(n, Kind.BEFORE);
        }
        for (String n : List.of("fenomeen", "fenomenen", "phenomenon", "phenomena")) {
            FIELD_NAMES.put(n, Kind.PHENOMENON);
        }
    }

    /** Field name with a colon at the start of a chunk: {@code -platform:tiktok}. */
    private static final Pattern FIELD = Pattern.compile("^([+-]?)(\\p{L}[\\p{L}_]*):(.*)$", Pattern.DOTALL);
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})-(\\d{1,2})-(\\d{4})");

    private static final int FLAGS = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.OR_OPERATOR
            | SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.PREFIX_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.WHITESPACE_OPERATOR
            | SimpleQueryParser.FUZZY_OPERATOR | SimpleQueryParser.NEAR_OPERATOR;

    /** Compound parts are a weaker signal than whole words (a part can sit in an unrelated word). */
    static final float PARTS_WEIGHT = 0.5f;

    /**
     * Title matches count extra: a title is what a worker chose to sum the note up with (its
     * words also count in the body fields, so a modest boost is enough).
     */
    static final float TW = 1.5f;
    private static final Map<String, Float> WEIGHTS = Map.of(Fields.TITLE_NL, TW, Fields.TITLE_EN, TW,
            Fields.BODY_NL, 1f, Fields.BODY_EN, 1f, Fields.PARTS, PARTS_WEIGHT);
    private static final Map<String, Float> EXCLUDE_WEIGHTS = Map.of(Fields.TITLE_NL, 1f, Fields.TITLE_EN, 1f,
            Fields.BODY_NL, 1f, Fields.BODY_EN, 1f);

    /**
     * How notes resembling a phenomenon's examples take part in a query: {@code scoring} adds to
     * the score of every note it matches, {@code matching} decides which notes it alone may bring
     * into the results (the closest ones; a note that matches otherwise keeps the score of
     * {@code scoring}). {@code scoring} must match no notes beyond {@code matching} and the notes
     * indexed with the phenomenon or a narrower one: the query relies on it instead of filtering.
     */
    public record Resemblance(Query scoring, Query matching) {
    }

    /**
     * The translated query, the part worth highlighting, and the hints for the user.
     *
     * @param counting   the same matches as {@code query}, cheaper to count (see {@link #translate})
     * @param resembling the notes the recognised phenomena's resemblances alone may bring in (their
     *                   matching clauses, in a disjunction), or null when none was recognised: every
     *                   note {@code counting} matches is matched by the query translated without
     *                   resemblances or by this one
     */
    public record Translated(Query query, Query highlight, List<String> hints, List<SearchResult.Recognised> recognised,
            Query counting, Query resembling, List<String> namedNeeds) {
        public Translated(Query query, Query highlight, List<String> hints, List<SearchResult.Recognised> recognised) {
            this(query, highlight, hints, recognised, query, null, List.of());
        }
    }

    /**
     * Weight of "indexed with the phenomenon the query names": about that of a strong word match,
     * so such notes rank with the notes that use the query's words, not above all of them.
     */
    static final float PHENOMENON_WEIGHT = 6f;
    /** Weight of "resembles the phenomenon's example notes and description" (see NoteIndex). */
    static final float LIKE_WEIGHT = 0.3f;
    /** Weight of "labelled with the need the query names" ("psychisch welzijn"). */
    static final float NEED_WEIGHT = 2f;

    private final Analysis analysis;
    private final PhenomenonMatcher phenomena;
    private final Map<String, String> platformNames;
    private Predicate<String> platformIndexed = v -> false;

    /**
     * @param platformNames alias or id (lower-cased folded words joined by a space) to platform id
     */
    public QueryTranslator(Analysis analysis, Map<String, String> platformNames) {
        this(analysis, platformNames, PhenomenonMatcher.NONE);
    }

    public QueryTranslator(Analysis analysis, Map<String, String> platformNames, PhenomenonMatcher phenomena) {
        this.phenomena = phenomena;
        this.analysis = analysis;
        this.platformNames = platformNames;
    }

    /** The words that are not a platform's name: a platform named in a query is no phenomenon ("snapchat", "snap map"). */
    private List<String> notPlatforms(List<String> words) {
        return words.stream().filter(w -> !platformNames.containsKey(w)).toList();
    }

    /** Alias or id (folded words joined by a space) to platform id, from the plugins' platforms. */
    public static Map<String, String> platformNames(org.vindplaats.index.IndexConfig config, Analysis analysis) {
        Map<String, String> names = new java.util.HashMap<>();
        config.platforms().forEach((id, aliases) -> {
            names.put(String.join(" ", analysis.words(id)), id);
            names.put(String.join(" ", analysis.words(id.replace('_', ' '))), id);
            for (String a : aliases) {
                String k = String.join(" ", analysis.words(a));
                if (!k.isEmpty()) {
                    names.putIfAbsent(k, id);
                }
            }
        });
        names.remove("");
        return java.util.Collections.unmodifiableMap(names);
    }

    /** Longer queries are cut: nobody types more, and the parser and Lucene's automata grow with it. */
    public static final int MAX_QUERY_CHARS = 1000;
    /** Longer words are cut: a fuzzy or wildcard automaton over a 100 000-letter word never finishes. */
    public static final int MAX_WORD_CHARS = 64;
    /** Deeper bracket nesting is searched without brackets (the parser recurses per bracket). */
    public static final int MAX_NESTING = 16;
    /** The simplified query after Lucene refused a query with too many clauses. */
    public static final int FALLBACK_WORDS = 16;

    public Translated translate(SearchRequest request) {
        return translate(request, w -> false, v -> false);
    }

    /**
     * @param knownWord       whether a folded, unstemmed word occurs in the notes; only unknown
     *                        words (likely typos) get the costlier fuzzy expansion
     * @param platformIndexed whether a platform value occurs in the index (for platforms the
     *                        configuration does not know)
     */
    public synchronized Translated translate(SearchRequest request, Predicate<String> knownWord,
            Predicate<String> platformIndexed) {
        return translate(request, knownWord, platformIndexed, id -> null);
    }

    /**
     * @param phenomenonLike for a phenomenon id, a query for notes that resemble its examples and
     *                       description (or null): finds notes that describe it in words no
     *                       label or tagger caught
     */
    public synchronized Translated translate(SearchRequest request, Predicate<String> knownWord,
            Predicate<String> platformIndexed, java.util.function.Function<String, Resemblance> phenomenonLike) {
        this.platformIndexed = platformIndexed;
        List<String> hints = new ArrayList<>();
        String raw = bounded(request.query() == null ? "" : request.query(), hints);
        if (count(raw, '"') % 2 != 0) {
            hints.add(Messages.Hint_unbalancedQuote);
            raw = raw.replace('"', ' ');
        }
        List<Query> filters = new ArrayList<>();
        List<Query> excluded = new ArrayList<>();
        List<SearchResult.Recognised> recognised = new ArrayList<>();
        List<String> namedNeeds = new ArrayList<>();
        Chunks chunks = chunks(raw, hints);
        for (FieldChunk f : chunks.fields()) {
            Query q = filter(f.kind(), f.name(), f.value(), hints);
            if (q != null) {
                (f.negated() ? excluded : filters).add(q);
            }
        }
        StringBuilder positive = new StringBuilder(chunks.positive());
        List<String> negative = chunks.negative();
        for (SearchRequest.Filter f : request.filters()) {
            String name = f.field() == null ? "" : f.field().toLowerCase(java.util.Locale.ROOT);
            Kind kind = FIELD_NAMES.get(name);
            if (kind == null) {
                hints.add(NLS.bind(Messages.Hint_unknownField, name, String.join(", ", primaryFieldNames())));
            } else if (f.value() == null || f.value().isBlank()) {
                hints.add(NLS.bind(Messages.Hint_emptyField, name, kind.example));
            } else {
                Query q = filter(kind, name, f.value(), hints);
                if (q != null) {
                    filters.add(q);
                }
            }
        }
        if (request.observedFrom() != null || request.observedTo() != null) {
            filters.add(range(request.observedFrom(), request.observedTo()));
        }

        String text = positive.toString().strip();
        if (nesting(text) > MAX_NESTING) {
            hints.add(NLS.bind(Messages.Hint_tooDeep, MAX_NESTING));
            text = text.replace('(', ' ').replace(')', ' ');
        } else if (!balanced(text)) {
            hints.add(Messages.Hint_unbalancedBracket);
            text = text.replace('(', ' ').replace(')', ' ');
        }
        Query textQuery = text.isEmpty() ? null : parse(text, hints);
        Query positiveQuery = null;
        // The same matches as positiveQuery without its scoring-only clauses (see Translated#counting).
        Query matchesOnly = null;
        Query resembling = null;
        int resemblances = 0;
        if (textQuery != null) {
            List<String> words = analysis.words(stripOperators(text.replaceAll("\"[^\"]*\"", " ")));
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            Map<Query, Query> matchingLikes = new java.util.IdentityHashMap<>();
            BooleanQuery.Builder alone = new BooleanQuery.Builder();
            boolean any = false;
            if (!(textQuery instanceof MatchNoDocsQuery)) {
                b.add(textQuery, Occur.SHOULD);
                any = true;
            } else if (!words.isEmpty()) {
                hints.add(NLS.bind(Messages.Hint_onlyStopWords, String.join(" ", words)));
            }
            if (any) {
                // Typos ("acount", "lonelyness") and near forms across languages ("vapes"/"vape",
                // "livestreams"/"livestream"): a light fuzzy match on the unstemmed words. A word
                // that occurs in the notes only looks at close neighbours sharing its first three
                // letters, which keeps the expansion (the costliest part of a query) small. So does
                // a word the thesaurus uses: it is spelt right even where no note has it yet
                // ("pesten" found "posten" in a small workspace).
                Predicate<String> speltRight = knownWord.or(phenomena::uses);
                for (String w : new LinkedHashSet<>(words)) {
                    if (w.length() >= 5 && w.chars().anyMatch(Character::isLetter)) {
                        Query fuzzy = speltRight.test(w) ? new FuzzyQuery(new Term(Fields.ALL, w), 1, 3, 10, true)
                                : new FuzzyQuery(new Term(Fields.ALL, w), w.length() >= 8 ? 2 : 1, 1, 50, true);
                        b.add(new BoostQuery(fuzzy, 0.3f), Occur.SHOULD);
                    }
                }
                // A misspelt word close to a glossary or slang term ("lonelyness") also gets that
                // term's equivalents, as if it had been spelt right (weighted like a typo match).
                for (String w : new LinkedHashSet<>(words)) {
                    if (w.length() >= 5 && !speltRight.test(w) && !analysis.synonymKeys().contains(w)) {
                        String fixed = closest(w, analysis.synonymKeys());
                        if (fixed != null) {
                            Query q = parse(fixed, new ArrayList<>());
                            if (!(q instanceof MatchNoDocsQuery)) {
                                b.add(new BoostQuery(q, 0.5f), Occur.SHOULD);
                            }
                        }
                    }
                }
                // A platform named in the words also finds notes tagged with it that do not spell it out.
                for (String id : platformsIn(words)) {
                    b.add(new BoostQuery(new TermQuery(new Term(Fields.PLATFORM, id)), 1.5f), Occur.SHOULD);
                }
                // A phenomenon named in the query (by any label, slang or a near spelling) also
                // finds the notes indexed with it or a narrower one, also when they use none of
                // the query's words: workers search for phenomena, notes describe situations.
                for (PhenomenonMatcher.Match m : phenomena.findInQuery(notPlatforms(words), stripOperators(text), knownWord)) {
                    List<String> narrower = new ArrayList<>(phenomena.thesaurus().descendants(m.id()));
                    BooleanQuery.Builder ph = new BooleanQuery.Builder();
                    ph.add(new TermQuery(new Term(Fields.PHENOMENON, m.id())), Occur.SHOULD);
                    narrower.forEach(n -> ph.add(new TermQuery(new Term(Fields.PHENOMENON, n)), Occur.SHOULD));
                    b.add(new BoostQuery(new ConstantScoreQuery(ph.build()), PHENOMENON_WEIGHT), Occur.SHOULD);
                    Resemblance like = phenomenonLike.apply(m.id());
                    if (like != null) {
                        Query scoring = new BoostQuery(like.scoring(), LIKE_WEIGHT);
                        b.add(scoring, Occur.SHOULD);
                        alone.add(like.matching(), Occur.SHOULD);
                        resemblances++;
                        if (like.matching() != like.scoring()) {
                            matchingLikes.put(scoring, like.matching());
                        }
                    }
                    recognised.add(new SearchResult.Recognised(m.id(), m.words(), narrower));
                }
                for (String need : needsIn(words)) {
                    namedNeeds.add(need);
                    b.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.NEED, need))), NEED_WEIGHT),
                            Occur.SHOULD);
                }
                positiveQuery = b.build();
                resembling = resemblances == 0 ? null : alone.build();
                if (!matchingLikes.isEmpty()) {
                    // A resemblance alone brings in only its closest and likely notes. Its scoring
                    // clause already matches no other notes than those and the notes indexed with
                    // the phenomenon (which the clause beside it matches), so the query as built
                    // lists exactly these notes and needs no second disjunction as a filter (that
                    // filter cost the broadest searches a tenth of their time at 1M notes).
                    // Counting uses the matching clauses: the same notes, the smaller lists.
                    BooleanQuery.Builder matches = new BooleanQuery.Builder();
                    for (var c : ((BooleanQuery) positiveQuery).clauses()) {
                        matches.add(matchingLikes.getOrDefault(c.query(), c.query()), c.occur());
                    }
                    matchesOnly = matches.build();
                }
            } else {
                positiveQuery = new MatchNoDocsQuery();
            }
        }
        for (String neg : negative) {
            String n = unquote(neg);
            // Without the compound parts: "-groepsapp" must not leave out every note with "groep".
            Query q = parse(neg, hints, EXCLUDE_WEIGHTS);
            if (!(q instanceof MatchNoDocsQuery)) {
                excluded.add(q);
            }
            for (String id : platformsIn(analysis.words(n))) {
                excluded.add(new TermQuery(new Term(Fields.PLATFORM, id)));
            }
        }

        BooleanQuery.Builder top = new BooleanQuery.Builder();
        top.add(positiveQuery != null ? positiveQuery : new MatchAllDocsQuery(), Occur.MUST);
        filters.forEach(f -> top.add(f, Occur.FILTER));
        excluded.forEach(e -> top.add(e, Occur.MUST_NOT));
        Query highlight = textQuery == null || textQuery instanceof MatchNoDocsQuery ? null : textQuery;
        Query query = top.build();
        Query counting = query;
        if (matchesOnly != null) {
            // Counting and facets need which notes match, not how well: without the resemblance's
            // scoring clause (dozens of terms over most notes) that is several times cheaper.
            BooleanQuery.Builder c = new BooleanQuery.Builder().add(matchesOnly, Occur.FILTER);
            filters.forEach(f -> c.add(f, Occur.FILTER));
            excluded.forEach(e -> c.add(e, Occur.MUST_NOT));
            counting = c.build();
        }
        return new Translated(query, highlight, List.copyOf(new LinkedHashSet<>(hints)), recognised, counting, resembling,
                List.copyOf(namedNeeds));
    }

    /** A field filter as typed: {@code -platform:tiktok}. */
    private record FieldChunk(Kind kind, String name, String value, boolean negated) {
    }

    /** A query taken apart: field filters, the words to search, the -excluded words. */
    private record Chunks(List<FieldChunk> fields, String positive, List<String> negative) {
    }

    /**
     * Picks the field filters out of {@code raw}; an unknown field name becomes a hint (with a
     * "did you mean") and its text is searched as words.
     */
    private Chunks chunks(String raw, List<String> hints) {
        List<FieldChunk> fields = new ArrayList<>();
        StringBuilder positive = new StringBuilder();
        List<String> negative = new ArrayList<>();
        for (String chunk : chunks(raw)) {
            Matcher m = FIELD.matcher(chunk);
            if (m.matches()) {
                String name = m.group(2).toLowerCase(java.util.Locale.ROOT);
                Kind kind = FIELD_NAMES.get(name);
                String value = unquote(m.group(3));
                if (kind != null) {
                    if (value.isBlank()) {
                        hints.add(NLS.bind(Messages.Hint_emptyField, name, kind.example));
                    } else {
                        fields.add(new FieldChunk(kind, name, value, "-".equals(m.group(1))));
                    }
                    continue;
                }
                if (!isUrlLike(name, value)) {
                    Optional<String> dym = Terms.didYouMean(name, FIELD_NAMES.keySet());
                    hints.add(dym.isPresent() ? NLS.bind(Messages.Hint_unknownFieldDidYouMean, name, dym.get())
                            : NLS.bind(Messages.Hint_unknownField, name, String.join(", ", primaryFieldNames())));
                    chunk = m.group(1) + name + " " + m.group(3);
                }
            }
            if (chunk.length() > 1 && chunk.charAt(0) == '-') {
                negative.add(chunk.substring(1));
            } else {
                positive.append(chunk).append(' ');
            }
        }
        return new Chunks(fields, positive.toString(), negative);
    }

    /**
     * The query for another search engine (the team hub's Solr): the same field names, values,
     * periods and hints as here, as plain values, and the phenomena, needs and platforms the
     * words name, for the engine to weigh as this index does.
     */
    public synchronized org.vindplaats.index.RemoteQuery remote(String query) {
        List<String> hints = new ArrayList<>();
        String raw = bounded(query == null ? "" : query, hints);
        if (count(raw, '"') % 2 != 0) {
            hints.add(Messages.Hint_unbalancedQuote);
            raw = raw.replace('"', ' ');
        }
        this.platformIndexed = v -> false;
        Chunks chunks = chunks(raw, hints);
        Map<String, List<String>> include = new LinkedHashMap<>();
        Map<String, List<String>> exclude = new LinkedHashMap<>();
        LocalDate from = null;
        LocalDate to = null;
        for (FieldChunk f : chunks.fields()) {
            if (f.kind() == Kind.OBSERVED || f.kind() == Kind.AFTER || f.kind() == Kind.BEFORE) {
                LocalDate[] range = dates(f.kind(), f.name(), f.value(), hints);
                if (range != null && !f.negated()) {
                    from = range[0] == null ? from : from == null || range[0].isAfter(from) ? range[0] : from;
                    to = range[1] == null ? to : to == null || range[1].isBefore(to) ? range[1] : to;
                }
                continue;
            }
            List<String> values = new ArrayList<>();
            for (String v : f.value().split(",")) {
                String resolved = v.isBlank() ? null : resolve(f.kind(), f.name(), v.strip(), hints);
                if (resolved != null) {
                    values.add(resolved);
                    if (f.kind() == Kind.PHENOMENON) {
                        values.addAll(phenomena.thesaurus().descendants(resolved));
                    }
                }
            }
            if (!values.isEmpty()) {
                (f.negated() ? exclude : include).computeIfAbsent(f.kind().field, k -> new ArrayList<>()).addAll(values);
            }
        }
        String text = chunks.positive().strip();
        List<String> words = analysis.words(stripOperators(text.replaceAll("\"[^\"]*\"", " ")));
        List<SearchResult.Recognised> recognised = new ArrayList<>();
        for (PhenomenonMatcher.Match m : phenomena.findInQuery(notPlatforms(words), stripOperators(text), w -> false)) {
            recognised.add(new SearchResult.Recognised(m.id(), m.words(), List.copyOf(phenomena.thesaurus().descendants(m.id()))));
        }
        return new org.vindplaats.index.RemoteQuery(text, List.copyOf(chunks.negative()), include, exclude, from, to,
                recognised, List.copyOf(needsIn(words)), List.copyOf(platformsIn(words)), List.copyOf(new LinkedHashSet<>(hints)));
    }

    /**
     * What to search when Lucene refused the translated query (too many clauses: thousands of
     * words, wildcards or fuzzy terms): the first {@value #FALLBACK_WORDS} plain words, with a hint.
     */
    public Translated simplified(SearchRequest request, Predicate<String> knownWord, Predicate<String> platformIndexed) {
        List<String> words = analysis.words(stripOperators(bounded(request.query(), new ArrayList<>())));
        String text = String.join(" ", words.subList(0, Math.min(FALLBACK_WORDS, words.size())));
        Translated t = translate(request.query(text), knownWord, platformIndexed);
        List<String> hints = new ArrayList<>(t.hints());
        hints.add(0, NLS.bind(Messages.Hint_tooManyClauses, FALLBACK_WORDS));
        return new Translated(t.query(), t.highlight(), List.copyOf(hints), t.recognised(), t.counting(), t.resembling(),
                t.namedNeeds());
    }

    /** Cuts the query to {@value #MAX_QUERY_CHARS} characters and each word to {@value #MAX_WORD_CHARS}. */
    static String bounded(String raw, List<String> hints) {
        String s = raw;
        if (s.length() > MAX_QUERY_CHARS) {
            int cut = MAX_QUERY_CHARS;
            if (Character.isHighSurrogate(s.charAt(cut - 1))) {
                cut--; // never split a character in two
            }
            s = s.substring(0, cut);
            hints.add(NLS.bind(Messages.Hint_tooLong, MAX_QUERY_CHARS));
        }
        StringBuilder b = new StringBuilder(s.length());
        int run = 0;
        boolean cutWord = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            run = Character.isWhitespace(c) ? 0 : run + 1;
            if (run > MAX_WORD_CHARS && !(Character.isLowSurrogate(c) && run == MAX_WORD_CHARS + 1)) {
                cutWord = true;
                continue;
            }
            b.append(c);
        }
        if (cutWord) {
            hints.add(NLS.bind(Messages.Hint_wordTooLong, MAX_WORD_CHARS));
        }
        return b.toString();
    }

    private static int nesting(String s) {
        int depth = 0;
        int max = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                max = Math.max(max, ++depth);
            } else if (c == ')' && depth > 0) {
                depth--;
            }
        }
        return max;
    }

    private Query parse(String text, List<String> hints) {
        return parse(text, hints, WEIGHTS);
    }

    private Query parse(String text, List<String> hints, Map<String, Float> weights) {
        try {
            SimpleQueryParser p = new SimpleQueryParser(analysis.queryAnalyzer(), weights, FLAGS);
            p.setDefaultOperator(Occur.SHOULD);
            return p.parse(text);
        } catch (RuntimeException e) {
            // SimpleQueryParser is lenient by design; this is the belt to its braces.
            hints.add(Messages.Hint_syntaxFallback);
            SimpleQueryParser p = new SimpleQueryParser(analysis.queryAnalyzer(), weights,
                    SimpleQueryParser.WHITESPACE_OPERATOR);
            p.setDefaultOperator(Occur.SHOULD);
            return p.parse(stripOperators(text));
        }
    }

    /** The index field a filter name (English or Dutch: platform, platformen, behoefte...) filters on, or null. */
    public static String fieldOf(String filterName) {
        Kind kind = filterName == null ? null : FIELD_NAMES.get(filterName.toLowerCase(java.util.Locale.ROOT));
        return kind == null ? null : kind.field;
    }

    /** The one candidate within 1 edit (2 from 8 letters on) of {@code word}; null if none or several. */
    static String closest(String word, Set<String> candidates) {
        int allowed = word.length() >= 8 ? 2 : 1;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String c : candidates) {
            if (Math.abs(c.length() - word.length()) > allowed || c.length() < 4) {
                continue;
            }
            int d = Terms.editDistance(word, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance) {
                tie = true;
            }
        }
        return best != null && bestDistance <= allowed && !tie ? best : null;
    }

    /** The platform ids named (by id or alias, one to three words) in {@code words}. */
    public Set<String> platformsIn(List<String> words) {
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < words.size(); i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = 0; n < 3 && i + n < words.size(); n++) {
                if (n > 0) {
                    sb.append(' ');
                }
                sb.append(words.get(i + n));
                String id = sb.length() < 2 ? null : platformNames.get(sb.toString());
                if (id != null) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    private Query filter(Kind kind, String name, String value, List<String> hints) {
        return switch (kind) {
        case OBSERVED, AFTER, BEFORE -> dateFilter(kind, name, value, hints);
        default -> {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            int n = 0;
            for (String v : value.split(",")) {
                if (v.isBlank()) {
                    continue;
                }
                String resolved = resolve(kind, name, v.strip(), hints);
                if (resolved != null) {
                    any.add(new TermQuery(new Term(kind.field, resolved)), Occur.SHOULD);
                    n++;
                    if (kind == Kind.PHENOMENON) {
                        // fenomeen:online_sexual_abuse also means each of its narrower phenomena
                        for (String narrower : phenomena.thesaurus().descendants(resolved)) {
                            any.add(new TermQuery(new Term(kind.field, narrower)), Occur.SHOULD);
                        }
                    }
                }
            }
            yield n == 0 ? null : any.build();
        }
        };
    }

    private String resolve(Kind kind, String name, String value, List<String> hints) {
        String key = String.join(" ", analysis.words(value));
        Map<String, String> known = known(kind);
        String hit = known.get(key);
        if (hit == null) {
            hit = known.get(key.replace(' ', '_'));
        }
        if (hit == null && kind == Kind.PLATFORM) {
            String literal = value.toLowerCase(java.util.Locale.ROOT);
            if (platformIndexed.test(literal)) {
                return literal;
            }
        }
        if (hit == null && key.length() >= 3) {
            // A unique prefix is unambiguous enough: need:privacy, urgentie:dringend...
            Set<String> prefixed = new TreeSet<>();
            known.forEach((k, id) -> {
                if (k.startsWith(key)) {
                    prefixed.add(id);
                }
            });
            if (prefixed.size() == 1) {
                hit = prefixed.iterator().next();
            }
        }
        if (hit != null) {
            return hit;
        }
        Optional<String> dym = Terms.didYouMean(key, known.keySet());
        if (dym.isPresent()) {
            hints.add(NLS.bind(Messages.Hint_unknownValueDidYouMean, new Object[] { name, value, dym.get() }));
        } else {
            hints.add(NLS.bind(Messages.Hint_unknownValue, new Object[] { name, value,
                    String.join(", ", new TreeSet<>(known.values())) }));
        }
        return null;
    }

    /**
     * Needs named in the words by their label or a common name ("psychisch welzijn", "privacy"),
     * as a whole run of words; one short word ("info") is not enough.
     */
    private Set<String> needsIn(List<String> words) {
        Map<String, String> names = known(Kind.NEED);
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < words.size(); i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = i; j < Math.min(words.size(), i + 4); j++) {
                sb.append(j > i ? " " : "").append(words.get(j));
                String id = names.get(sb.toString());
                if (id != null && (j > i || sb.length() >= 7)) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    /** Accepted spellings (folded words) to id for a field. */
    private Map<String, String> known(Kind kind) {
        Map<String, String> m = new LinkedHashMap<>();
        switch (kind) {
        case PLATFORM -> m.putAll(platformNames);
        case NEED -> {
            for (Need n : Need.values()) {
                add(m, n.id(), n.label().nl(), n.label().en());
            }
            extra(m, Need.IDENTITY.id(), "identiteit", "zelfbeeld", "self image");
            extra(m, Need.RELATIONSHIPS.id(), "relaties", "relatie", "relationship", "intimiteit");
            extra(m, Need.HEALTH.id(), "gezondheid", "welzijn", "wellbeing");
            extra(m, Need.INFORMATION.id(), "informatie", "info");
            extra(m, Need.PRIVACY_SAFETY.id(), "privacy", "veiligheid", "safety");
            extra(m, Need.TALENT.id(), "talenten", "talentontwikkeling");
        }
        case AFFORDANCE -> {
            for (Affordance a : Affordance.values()) {
                add(m, a.id(), a.label().nl(), a.label().en());
            }
            extra(m, Affordance.PERMANENCE.id(), "ephemerality", "vergankelijkheid", "tijdelijkheid");
        }
        case POLARITY -> {
            for (Polarity p : Polarity.values()) {
                add(m, p.id(), p.label().nl(), p.label().en());
            }
        }
        case URGENCY -> {
            for (Urgency u : Urgency.values()) {
                add(m, u.id(), u.label().nl(), u.label().en());
            }
            // Words workers use for the same levels (urgentie:onmiddellijk filters like the label).
            extra(m, Urgency.IMMEDIATE.id(), "dringend", "direct", "acuut", "urgent", "onmiddellijk", "meteen");
            extra(m, Urgency.CONCERN.id(), "zorg", "zorgen");
            extra(m, Urgency.INFO.id(), "informatief", "ter informatie");
        }
        case PHENOMENON -> {
            for (org.vindplaats.model.Phenomenon p : phenomena.thesaurus().all()) {
                m.putIfAbsent(p.id(), p.id());
                for (String label : p.allLabels()) {
                    String key = String.join(" ", analysis.words(label));
                    if (!key.isEmpty()) {
                        m.putIfAbsent(key, p.id());
                    }
                }
            }
        }
        case LANG -> {
            m.put("nl", "nl");
            m.put("en", "en");
            m.put("und", Fields.LANG_UNKNOWN);
            for (String s : List.of("dutch", "nederlands", "vlaams")) {
                m.put(s, "nl");
            }
            for (String s : List.of("english", "engels")) {
                m.put(s, "en");
            }
        }
        default -> {
        }
        }
        return m;
    }

    private static void extra(Map<String, String> m, String id, String... words) {
        for (String w : words) {
            m.putIfAbsent(w, id);
        }
    }

    private void add(Map<String, String> m, String id, String... labels) {
        m.put(id, id);
        m.put(id.replace('_', ' '), id);
        for (String label : labels) {
            if (label != null) {
                String k = String.join(" ", analysis.words(label));
                if (!k.isEmpty()) {
                    m.putIfAbsent(k, id);
                }
            }
        }
    }

    private Query dateFilter(Kind kind, String name, String value, List<String> hints) {
        LocalDate[] range = dates(kind, name, value, hints);
        return range == null ? null : range(range[0], range[1]);
    }

    /** The first and last day (either may be null: open) a date filter means, or null with a hint. */
    private static LocalDate[] dates(Kind kind, String name, String value, List<String> hints) {
        try {
            LocalDate from;
            LocalDate to;
            if (kind == Kind.OBSERVED) {
                int dots = value.indexOf("..");
                if (dots >= 0) {
                    String a = value.substring(0, dots).strip();
                    String b = value.substring(dots + 2).strip();
                    from = a.isEmpty() ? null : date(a, false);
                    to = b.isEmpty() ? null : date(b, true);
                } else {
                    from = date(value, false);
                    to = date(value, true);
                }
                if (from != null && to != null && to.isBefore(from)) {
                    LocalDate start = date(value.substring(dots + 2).strip(), false);
                    LocalDate end = date(value.substring(0, dots).strip(), true);
                    hints.add(NLS.bind(Messages.Hint_reversedRange, new Object[] { value, start, end }));
                    from = start;
                    to = end;
                }
            } else if (kind == Kind.AFTER) {
                from = date(value, true).plusDays(1);
                to = null;
            } else {
                from = null;
                to = date(value, false).minusDays(1);
            }
            return new LocalDate[] { from, to };
        } catch (DateTimeException | IllegalArgumentException e) {
            hints.add(NLS.bind(Messages.Hint_badDate, name, value));
            return null;
        }
    }

    static Query range(LocalDate from, LocalDate to) {
        long lo = from == null ? Long.MIN_VALUE : from.toEpochDay();
        long hi = to == null ? Long.MAX_VALUE : to.toEpochDay();
        return LongField.newRangeQuery(Fields.OBSERVED, lo, hi);
    }

    /** yyyy, yyyy-MM, yyyy-MM-dd or dd-MM-yyyy; the first or last day of the period. */
    static LocalDate date(String s, boolean end) {
        String v = s.strip();
        if (v.matches("\\d{4}")) {
            int y = Integer.parseInt(v);
            return end ? LocalDate.of(y, 12, 31) : LocalDate.of(y, 1, 1);
        }
        if (v.matches("\\d{4}-\\d{1,2}")) {
            String[] p = v.split("-");
            YearMonth ym = YearMonth.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            return end ? ym.atEndOfMonth() : ym.atDay(1);
        }
        if (v.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
            String[] p = v.split("-");
            return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        }
        Matcher m = DMY.matcher(v);
        if (m.matches()) {
            return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        }
        throw new IllegalArgumentException(v);
    }

    /** Splits on white space outside quotes. */
    static List<String> chunks(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int start = i;
            boolean quoted = false;
            while (i < n && (quoted || !Character.isWhitespace(s.charAt(i)))) {
                if (s.charAt(i) == '"') {
                    quoted = !quoted;
                }
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    private static boolean isUrlLike(String name, String value) {
        return value.startsWith("//") || name.equals("http") || name.equals("https") || name.equals("www")
                || name.equals("mailto") || value.isEmpty() || Character.isDigit(value.charAt(0));
    }

    private static String unquote(String v) {
        String s = v.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                if (--depth < 0) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    private static String stripOperators(String s) {
        return s.replaceAll("[\"()|+*~\\\\]", " ").replaceAll("(^|\\s)-+", " ");
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static List<String> primaryFieldNames() {
        return List.of("platform", "need", "affordance", "fenomeen", "polarity", "urgency", "lang", "observed", "after", "before");
    }
}
