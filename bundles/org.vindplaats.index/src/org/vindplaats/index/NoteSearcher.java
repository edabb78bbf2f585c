package org.vindplaats.index;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.index.internal.Analysis;
import org.vindplaats.index.internal.SampleQuery;
import org.vindplaats.index.internal.ScoredNotesQuery;
import org.vindplaats.index.internal.Fields;
import org.vindplaats.index.internal.Messages;
import org.vindplaats.index.internal.QueryTranslator;
import org.vindplaats.index.internal.Snippets;
import org.vindplaats.model.TrendNote;

/**
 * Answers searches on an index searcher that {@link NoteIndex} acquires for it: translating the
 * request, scoring, facets (sideways, and sampled on broad queries), snippets, the did-you-mean
 * hint for phenomena and why each hit was found. Kept apart from {@link NoteIndex}, which owns
 * the life cycle (generations, lock, writer), so the search logic can be read on its own. Holds
 * no searcher: only the facet state cached for the reader last searched. Thread-safe.
 */
final class NoteSearcher {

    /** How many of a phenomenon's distinctive words a note must share to resemble its examples. */
    private static final int LIKE_MIN_TERMS = 3;
    /** Hits are counted while collecting up to here; beyond that WAND may skip and count() counts. */
    private static final int EXACT_TOTAL_UP_TO = 1000;

    /**
     * Above this many matches a faceted search counts its facets in a sample of the matching
     * notes (see {@link #run}); up to it they are exact. Tests lower both to exercise sampling.
     */
    volatile long sampleAbove = 50_000;
    /** About how many matching notes the facet sample should hold. */
    volatile long sampleSize = 10_000;

    private final IndexConfig config;
    private final Analysis analysis;
    private final QueryTranslator translator;
    private final FacetsConfig facetsConfig;
    private final Object facetLock = new Object();
    /**
     * What a phenomenon's resemblance was made of, kept across changes of the index: its words
     * (the more-like-this query), the bar for the closest notes and their ids, and the kept scores
     * per segment. After a small change only the new segments are scored (see {@link #extended}).
     */
    private record Made(String id, Query words, float bar, List<BytesRef> closest, ScoredNotesQuery scoring,
            ScoredNotesQuery matching, int numDocs, long changedSince) {
    }

    /**
     * Per phenomenon searched for, what its resemblance was made of: a more-like-this analysis, a
     * search for the closest notes and one for the scores of the related notes, which every search
     * naming it uses until the index changes, and which is extended after a small change.
     */
    private final Map<String, Made> made = new java.util.concurrent.ConcurrentHashMap<>();
    /** How many resemblances were made anew rather than extended (tests read it). */
    final java.util.concurrent.atomic.AtomicInteger resemblancesMade = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A resemblance is made anew, not extended, once the notes added or removed since it was made
     * are more than this share of the index: the old segments' scores keep the statistics of the
     * index they were made on, and the closest notes the bar of that time. (A segment rewritten
     * without a deleted note, or merged, changes next to nothing: its notes are scored again.)
     */
    static final double REMAKE_AFTER = 0.05;
    private volatile FacetCache facetCache;

    private record FacetCache(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    NoteSearcher(IndexConfig config, Analysis analysis, QueryTranslator translator, FacetsConfig facetsConfig) {
        this.config = config;
        this.analysis = analysis;
        this.translator = translator;
        this.facetsConfig = facetsConfig;
    }

    /** See {@link NoteIndex#indexedPhenomena}; on the searcher {@code s}. */
    Map<String, Set<String>> indexedPhenomena(IndexSearcher s, Collection<TrendNote> notes) throws IOException {
        Map<String, Set<String>> out = new HashMap<>();
        for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
            LeafReader leaf = ctx.reader();
            Terms ids = leaf.terms(Fields.ID);
            if (ids == null) {
                continue;
            }
            TermsEnum te = ids.iterator();
            Bits live = leaf.getLiveDocs();
            StoredFields stored = leaf.storedFields();
            PostingsEnum postings = null;
            for (TrendNote n : notes) {
                if (out.containsKey(n.id()) || !te.seekExact(new BytesRef(n.id()))) {
                    continue;
                }
                postings = te.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    NumericDocValues upd = leaf.getNumericDocValues(Fields.UPDATED);
                    if (upd != null && upd.advanceExact(doc) && upd.longValue() == NoteDocuments.updatedStamp(n)) {
                        // otherwise changed since it was indexed: worked out anew by the caller
                        Document d = stored.document(doc, Set.of(Fields.PHENOMENON));
                        out.put(n.id(), new LinkedHashSet<>(List.of(d.getValues(Fields.PHENOMENON))));
                    }
                }
            }
        }
        return out;
    }

    /** Searches; never throws for bad query syntax (see {@link SearchResult#hints()}). */
    SearchResult search(IndexSearcher s, SearchRequest request) throws IOException {
        IndexReader r = s.getIndexReader();
        Predicate<String> knownWord = w -> docFreq(r, Fields.ALL, w) > 0;
        Predicate<String> platformIndexed = p -> docFreq(r, Fields.PLATFORM, p) > 0;
        // Built once per phenomenon: the query uses them, and the hits are explained with the same ones.
        Map<String, QueryTranslator.Resemblance> likes = new LinkedHashMap<>();
        QueryTranslator.Translated t = translator.translate(request, knownWord, platformIndexed,
                id -> likes.computeIfAbsent(id, k -> phenomenonLike(r, k)));
        try {
            SearchResult result = run(s, t.query(), t.counting(), t.highlight(), request, t.hints()).withRecognised(t.recognised());
            result = withSidewaysFacets(s, request, result, knownWord, platformIndexed, likes);
            if (t.recognised().isEmpty()) {
                return didYouMeanPhenomenon(request, result).withNamedNeeds(t.namedNeeds());
            }
            return withResemblance(s, result, likes).withResemblingOnly(resemblingOnly(s, request, t, knownWord,
                    platformIndexed)).withNamedNeeds(t.namedNeeds());
        } catch (IndexSearcher.TooManyClauses e) {
            // Thousands of words, wildcards or fuzzy terms: search a simpler query, never fail.
            QueryTranslator.Translated simple = translator.simplified(request, knownWord, platformIndexed);
            try {
                return run(s, simple.query(), simple.highlight(), request, simple.hints());
            } catch (IndexSearcher.TooManyClauses again) {
                return run(s, new MatchNoDocsQuery(), null, request, simple.hints());
            }
        }
    }

    /**
     * Counts of a field a filter was chosen on, as if that filter were not there ("drill sideways"):
     * choosing Snapchat in the platform filter keeps the other platforms and their counts visible,
     * so the worker can switch or compare without clearing the filter first.
     */
    private SearchResult withSidewaysFacets(IndexSearcher s, SearchRequest request, SearchResult result,
            Predicate<String> knownWord, Predicate<String> platformIndexed, Map<String, QueryTranslator.Resemblance> likes) throws IOException {
        if (!request.facets() || request.filters().isEmpty()) {
            return result;
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>(result.facets());
        Set<String> done = new HashSet<>();
        for (SearchRequest.Filter f : request.filters()) {
            String field = QueryTranslator.fieldOf(f.field());
            if (field == null || !facets.containsKey(field) || !done.add(field)) {
                continue;
            }
            SearchRequest without = request.withoutFilters(name -> field.equals(QueryTranslator.fieldOf(name))).limit(0);
            QueryTranslator.Translated t = translator.translate(without, knownWord, platformIndexed,
                    id -> likes.computeIfAbsent(id, k -> phenomenonLike(s.getIndexReader(), k)));
            facets.put(field, run(s, t.query(), t.counting(), null, without, List.of()).facets().getOrDefault(field, Map.of()));
        }
        return new SearchResult(result.total(), result.hits(), facets, result.hints(), result.estimated(),
                result.recognised());
    }

    /**
     * Nothing found and no phenomenon recognised: propose the phenomenon whose name is closest to
     * what was typed ("sexortie" -> Sextortion), as a hint the user can follow.
     */
    private SearchResult didYouMeanPhenomenon(SearchRequest request, SearchResult result) {
        String q = request.query() == null ? "" : request.query().strip().toLowerCase(Locale.ROOT);
        if (result.total() > 0 || q.isEmpty() || q.contains(":") || config.thesaurus().isEmpty()) {
            return result;
        }
        Map<String, org.vindplaats.model.Phenomenon> byLabel = new LinkedHashMap<>();
        for (var p : config.thesaurus().all()) {
            p.allLabels().forEach(l -> byLabel.putIfAbsent(l.strip().toLowerCase(Locale.ROOT), p));
        }
        var guess = org.vindplaats.model.Terms.didYouMean(q, byLabel.keySet());
        if (guess.isEmpty()) {
            return result;
        }
        var p = byLabel.get(guess.get());
        List<String> hints = new ArrayList<>(result.hints());
        hints.add(NLS.bind(Messages.Hint_didYouMeanPhenomenon, new Object[] { guess.get(), p.label().get(Locale.getDefault()), p.id() }));
        return new SearchResult(result.total(), result.hits(), result.facets(), hints, result.estimated(), result.recognised());
    }

    /**
     * How many matches of {@code t} matched only through a recognised phenomenon's resemblance:
     * those the resemblances alone may bring in that the same query without them does not match.
     * Led by the resemblances' few notes, not by the matches (up to the whole index on a broad
     * query): the same number as the total less a count of the query without them, which cost
     * broad searches a second pass over every match.
     */
    private long resemblingOnly(IndexSearcher s, SearchRequest request, QueryTranslator.Translated t, Predicate<String> knownWord,
            Predicate<String> platformIndexed) throws IOException {
        if (t.resembling() == null) {
            return 0; // no resemblance clause in the query
        }
        QueryTranslator.Translated direct = translator.translate(request, knownWord, platformIndexed, id -> null);
        return s.count(new BooleanQuery.Builder().add(t.resembling(), Occur.FILTER).add(t.counting(), Occur.FILTER)
                .add(direct.counting(), Occur.MUST_NOT).build());
    }

    /** Hits explained this way at most: the first screen of results. */
    private static final int EXPLAINED_HITS = 20;

    /**
     * Says for each of the first hits which recognised phenomena it resembles without being
     * indexed with them (found through their examples, see {@link #phenomenonLike}), so every
     * hit can say why it was found.
     */
    private SearchResult withResemblance(IndexSearcher s, SearchResult result, Map<String, QueryTranslator.Resemblance> likes) throws IOException {
        // One search per recognised phenomenon over the first hits' ids (an explain per hit and
        // phenomenon built the resemblance query's weights again each time).
        List<BytesRef> first = result.hits().stream().limit(EXPLAINED_HITS).map(h -> new BytesRef(h.id())).toList();
        Map<String, Set<String>> resembling = new HashMap<>();
        if (!likes.isEmpty() && !first.isEmpty()) {
            for (Map.Entry<String, QueryTranslator.Resemblance> e : likes.entrySet()) {
                Query q = new BooleanQuery.Builder().add(e.getValue().matching(), Occur.FILTER)
                        .add(new TermInSetQuery(Fields.ID, first), Occur.FILTER).build();
                StoredFields stored = s.storedFields();
                for (ScoreDoc d : s.search(q, first.size()).scoreDocs) {
                    resembling.computeIfAbsent(stored.document(d.doc, Set.of(Fields.ID)).get(Fields.ID), k -> new HashSet<>())
                            .add(e.getKey());
                }
            }
        }
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (SearchResult.Hit h : result.hits()) {
            List<String> resembles = new ArrayList<>();
            Set<String> of = resembling.getOrDefault(h.id(), Set.of());
            for (String id : likes.keySet()) {
                if (of.contains(id) && !h.phenomena().contains(id)) {
                    resembles.add(id);
                }
            }
            hits.add(resembles.isEmpty() ? h : h.withResembles(resembles));
        }
        return new SearchResult(result.total(), hits, result.facets(), result.hints(), result.estimated(), result.recognised());
    }

    /**
     * Notes resembling what the thesaurus says about a phenomenon, on reader {@code r}: what was
     * made for it, as it is on the same reader, extended when the index changed little since, made
     * anew otherwise ({@link #make}); one at a time per phenomenon. Null when nothing is known.
     */
    private QueryTranslator.Resemblance phenomenonLike(IndexReader r, String id) {
        var p = config.thesaurus().get(id);
        if (p.isEmpty()) {
            return null;
        }
        IndexSearcher plain = new IndexSearcher(r);
        try {
            Made m = made.compute(id, (k, before) -> {
                try {
                    Made extended = extended(before, plain);
                    return extended != null ? extended : make(plain, k, p.get());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return new QueryTranslator.Resemblance(m.scoring(), m.matching());
        } catch (java.io.UncheckedIOException e) {
            return null;
        }
    }

    /**
     * Makes the resemblance of phenomenon {@code id} on {@code plain}'s reader: the words of what
     * the thesaurus says about it (its labels, description and example notes, and those of its
     * narrower phenomena), weighted as Lucene's MoreLikeThis weighs them against this index; the
     * closest notes; and the kept scores of the related notes. Null when nothing is known.
     */
    private Made make(IndexSearcher plain, String id, org.vindplaats.model.Phenomenon phenomenon) throws IOException {
        IndexReader r = plain.getIndexReader();
        StringBuilder text = new StringBuilder();
        List<org.vindplaats.model.Phenomenon> all = new ArrayList<>();
        all.add(phenomenon);
        config.thesaurus().descendants(id).forEach(d -> config.thesaurus().get(d).ifPresent(all::add));
        all.forEach(x -> text.append(x.text()));
        MoreLikeThis mlt = new MoreLikeThis(r);
        mlt.setAnalyzer(analysis.indexAnalyzer());
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMinWordLen(3);
        mlt.setMaxQueryTerms(50);
        mlt.setBoost(true);
        BooleanQuery.Builder like = new BooleanQuery.Builder();
        for (String f : new String[] { Fields.BODY_NL, Fields.BODY_EN }) {
            mlt.setFieldNames(new String[] { f });
            Query q = mlt.like(f, new StringReader(text.toString()));
            if (q instanceof BooleanQuery terms && terms.clauses().size() > 1) {
                // Sharing one common word ("jongeren") with the examples is no resemblance.
                BooleanQuery.Builder two = new BooleanQuery.Builder();
                terms.clauses().forEach(two::add);
                two.setMinimumNumberShouldMatch(LIKE_MIN_TERMS);
                q = two.build();
            }
            like.add(q, Occur.SHOULD);
        }
        Query words = like.build();
        // Sharing a few words with the examples is a weak sign on its own: "grooming" matched
        // nearly every note that way. Alone it brings in only the closest notes, and those the
        // tagger's model finds likely; every note it matches keeps its score.
        // And the model must agree that the note may be about it (see mayBeClose).
        Query gate = mayBeClose(id);
        TopDocs top = plain.search(gate == null ? words
                : new BooleanQuery.Builder().add(words, Occur.MUST).add(gate, Occur.FILTER).build(), CLOSEST_MAX);
        float bar = top.scoreDocs.length == 0 ? Float.POSITIVE_INFINITY : (float) (top.scoreDocs[0].score * CLOSEST_SHARE);
        List<BytesRef> closest = new ArrayList<>();
        StoredFields stored = plain.storedFields();
        for (ScoreDoc d : top.scoreDocs) {
            if (d.score < bar) {
                break;
            }
            closest.add(new BytesRef(stored.document(d.doc, Set.of(Fields.ID)).get(Fields.ID)));
        }
        ScoredNotesQuery scoring = ScoredNotesQuery.of(id, plain, scoringQuery(id, words, closest));
        // What it alone may bring in: the closest and likely notes among them, with their scores.
        ScoredNotesQuery matching = scoring.within(id + " (closest)", plain, closeOrLikely(id, closest));
        resemblancesMade.incrementAndGet();
        return new Made(id, words, bar, List.copyOf(closest), scoring, matching, r.numDocs(), 0);
    }

    /**
     * {@code before} on {@code plain}'s reader when the index changed little since it was made:
     * the new segments' notes that pass the bar join the closest ones, and only the new segments
     * are scored. Null when it must be made anew (see {@link #REMAKE_AFTER}).
     */
    private Made extended(Made before, IndexSearcher plain) throws IOException {
        if (before == null) {
            return null;
        }
        IndexReader r = plain.getIndexReader();
        List<LeafReaderContext> fresh = before.scoring().newSegments(r);
        long gone = before.scoring().docsOfSegmentsGone(r);
        if (fresh.isEmpty() && gone == 0) {
            return before; // the same segments (deletions aside): as it is
        }
        long added = 0;
        for (LeafReaderContext leaf : fresh) {
            added += leaf.reader().maxDoc();
        }
        long changed = before.changedSince() + Math.abs(added - gone);
        long limit = (long) (REMAKE_AFTER * Math.max(r.numDocs(), before.numDocs()));
        if (changed > limit || Math.abs(r.numDocs() - before.numDocs()) > limit) {
            return null;
        }
        // Ids, not doc ids: a close note stays close when its segment is merged or rewritten.
        Set<BytesRef> closest = new LinkedHashSet<>(before.closest());
        // The words are evaluated once over the new segments: their scores pick the new closest
        // notes, and the related notes among them (which depend on those) are kept.
        ScoredNotesQuery.Evaluated words = ScoredNotesQuery.evaluated(plain, before.words(), fresh);
        Map<LeafReaderContext, StoredFields> stored = new java.util.IdentityHashMap<>();
        Query gate = mayBeClose(before.id());
        Weight gateWeight = gate == null ? null : plain.createWeight(plain.rewrite(gate), ScoreMode.COMPLETE_NO_SCORES, 1f);
        Map<LeafReaderContext, Bits> allowed = new java.util.IdentityHashMap<>();
        words.forEach((leaf, doc, score) -> {
            if (score >= before.bar() && closest.size() < CLOSEST_MAX && (gateWeight == null
                    || allowed.computeIfAbsent(leaf, l -> docsOf(gateWeight, l)).get(doc))) {
                StoredFields f = stored.get(leaf);
                if (f == null) {
                    f = leaf.reader().storedFields();
                    stored.put(leaf, f);
                }
                closest.add(new BytesRef(f.document(doc, Set.of(Fields.ID)).get(Fields.ID)));
            }
        });
        List<BytesRef> ids = List.copyOf(closest);
        ScoredNotesQuery scoring = before.scoring().extendedWith(before.id(), r, words.within(plain, related(before.id(), ids)));
        // In the old segments neither the closest nor the likely notes changed (new close ones are
        // all in new segments): only the new segments are matched.
        ScoredNotesQuery matching = scoring.within(before.id() + " (closest)", plain, closeOrLikely(before.id(), ids), before.matching());
        return new Made(before.id(), before.words(), before.bar(), ids, scoring, matching, before.numDocs(), changed);
    }

    /**
     * The notes whose words alone may make them close to phenomenon {@code id}: those the tagger's
     * model ranks it (or a narrower one) first for, and those indexed with it or a narrower one.
     * Null when the tagger does not rank (the words decide alone). Sharing words with a
     * phenomenon's examples says little in a small workspace, where the best resembling note is
     * often about something else: on the eight sample notes "grooming" also listed a livestream
     * of young musicians and a homework server, "pesten" four notes, none about bullying.
     */
    private Query mayBeClose(String id) {
        PhenomenonTagger tagger = config.phenomenonTagger();
        if (tagger == null || !tagger.ranks()) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        ids.add(id);
        ids.addAll(config.thesaurus().descendants(id));
        return about(ids);
    }

    /** The documents of {@code leaf} that {@code weight} matches. */
    private static Bits docsOf(Weight weight, LeafReaderContext leaf) {
        try {
            FixedBitSet docs = new FixedBitSet(leaf.reader().maxDoc());
            Scorer s = weight.scorer(leaf);
            if (s != null) {
                docs.or(s.iterator());
            }
            return docs;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * What the resemblance scores: the notes that share its words and are related to the
     * phenomenon, those close to it or likely about it and those indexed with it or a narrower one
     * (a plain word match gets no share of it: as good on the evaluation sets, and it bounds what
     * is kept). Scores are kept: every search naming the phenomenon uses them, none evaluates the
     * dozens of words again.
     */
    private Query scoringQuery(String id, Query words, List<BytesRef> closest) {
        return new BooleanQuery.Builder().add(words, Occur.MUST).add(related(id, closest), Occur.FILTER).build();
    }

    /** The notes related to phenomenon {@code id}: close, likely, or indexed with it or a narrower one. */
    private Query related(String id, List<BytesRef> closest) {
        BooleanQuery.Builder related = new BooleanQuery.Builder().add(closeOrLikely(id, closest), Occur.SHOULD);
        related.add(new TermQuery(new Term(Fields.PHENOMENON, id)), Occur.SHOULD);
        for (String d : config.thesaurus().descendants(id)) {
            related.add(new TermQuery(new Term(Fields.PHENOMENON, d)), Occur.SHOULD);
        }
        return related.build();
    }

    /** The closest notes and those the tagger's model finds likely for {@code id} or a narrower phenomenon. */
    private Query closeOrLikely(String id, List<BytesRef> closest) {
        Query close = closest.isEmpty() ? new MatchNoDocsQuery() : new TermInSetQuery(Fields.ID, closest);
        PhenomenonTagger tagger = config.phenomenonTagger();
        if (tagger == null || !tagger.knowsLikely()) {
            return close;
        }
        BooleanQuery.Builder either = new BooleanQuery.Builder().add(close, Occur.SHOULD);
        either.add(FeatureField.newLinearQuery(Fields.PHENOMENON_LIKELY, id, 1f), Occur.SHOULD);
        for (String d : config.thesaurus().descendants(id)) {
            either.add(FeatureField.newLinearQuery(Fields.PHENOMENON_LIKELY, d, 1f), Occur.SHOULD);
        }
        return either.build();
    }

    /**
     * A resembling note counts as close when its resemblance score is at least this share of the
     * best one's. Chosen on the concept and dev sets (0.3 to 0.8 measured; see the README).
     */
    static final double CLOSEST_SHARE = 0.6;
    /** At most this many notes are close to a phenomenon by their words. */
    static final int CLOSEST_MAX = 1000;

    /**
     * How much more a note about one of a note's phenomena (indexed with it, or the model ranks it
     * first) counts among its similar notes: chosen on the concept and multi-label sets (2, 4, 10
     * and 30 measured; 10 and 30 alike), see the README.
     */
    static final float SAME_PHENOMENON_BOOST = 10f;
    /**
     * How much more a note about another phenomenon of the same group counts (1, 2 and 4 measured
     * on the same sets; 2 best on both).
     */
    static final float SAME_GROUP_BOOST = 2f;

    /** The notes most like note {@code id} (by its distinctive words), the note itself excluded. */
    SearchResult moreLikeThis(IndexSearcher s, String id, int limit) throws IOException {
        TopDocs found = s.search(new TermQuery(new Term(Fields.ID, id)), 1);
        if (found.scoreDocs.length == 0) {
            return new SearchResult(0, List.of(), Map.of(), List.of(NLS.bind(Messages.Hint_unknownNote, id)));
        }
        Document doc = s.storedFields().document(found.scoreDocs[0].doc);
        String lang = doc.get(Fields.LANG);
        String body = doc.get(Fields.BODY_NL) != null ? doc.get(Fields.BODY_NL) : doc.get(Fields.BODY_EN);
        String text = doc.get(Fields.TITLE) + "\n" + (body == null ? "" : body);
        MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
        mlt.setAnalyzer(analysis.indexAnalyzer());
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(2);
        mlt.setMinWordLen(3);
        mlt.setMaxQueryTerms(25);
        mlt.setBoost(true);
        BooleanQuery.Builder like = new BooleanQuery.Builder();
        List<String> fields = new ArrayList<>();
        if (!"en".equals(lang)) {
            fields.add(Fields.BODY_NL);
        }
        if (!"nl".equals(lang)) {
            fields.add(Fields.BODY_EN);
        }
        for (String f : fields) {
            mlt.setFieldNames(new String[] { f });
            like.add(mlt.like(f, new StringReader(text)), Occur.SHOULD);
        }
        Query likeQuery = like.build();
        // Notes about the same phenomena come first, then those about another phenomenon of the
        // same group (money mules next to recruitment for crime): sharing a few words said little
        // ("jongen", "vertelde"), so a note about drug running listed a grooming note as the most like it.
        Query scored = likeQuery;
        List<String> own = List.of(doc.getValues(Fields.PHENOMENON));
        if (!own.isEmpty()) {
            scored = FunctionScoreQuery.boostByQuery(likeQuery, about(own), SAME_PHENOMENON_BOOST);
            Set<String> kin = new java.util.TreeSet<>();
            for (String p : own) {
                for (String group : config.thesaurus().ancestors(p)) {
                    kin.add(group);
                    kin.addAll(config.thesaurus().descendants(group));
                }
            }
            kin.removeAll(own);
            if (!kin.isEmpty()) {
                scored = FunctionScoreQuery.boostByQuery(scored, about(kin), SAME_GROUP_BOOST);
            }
        }
        Query q = new BooleanQuery.Builder().add(scored, Occur.MUST)
                .add(new TermQuery(new Term(Fields.ID, id)), Occur.MUST_NOT).build();
        return run(s, q, likeQuery, SearchRequest.of("").limit(limit), List.of());
    }

    /** The notes indexed with one of {@code phenomena} or whose model ranks one of them first. */
    private static Query about(Collection<String> phenomena) {
        List<BytesRef> ids = phenomena.stream().map(BytesRef::new).toList();
        return new BooleanQuery.Builder().add(new TermInSetQuery(Fields.PHENOMENON, ids), Occur.SHOULD)
                .add(new TermInSetQuery(Fields.PHENOMENON_FIRST, ids), Occur.SHOULD).build();
    }

    private SearchResult run(IndexSearcher s, Query q, Query highlight, SearchRequest request, List<String> hints)
            throws IOException {
        return run(s, q, q, highlight, request, hints);
    }

    /**
     * @param counting the notes {@code q} matches, maybe without clauses that only score: used to
     *                 count them and their facets
     */
    private SearchResult run(IndexSearcher s, Query q, Query counting, Query highlight, SearchRequest request,
            List<String> hints) throws IOException {
        int n = Math.max(1, request.limit());
        Sort sort = switch (request.sort()) {
        case RELEVANCE -> null;
        case NEWEST -> byDate(true);
        case OLDEST -> byDate(false);
        };
        TopDocs top;
        long total;
        Map<String, Map<String, Long>> facets = Map.of();
        boolean estimated = false;
        long matches = request.facets() ? s.count(counting) : -1;
        if (request.facets() && matches <= sampleAbove) {
            FacetsCollectorManager fcm = new FacetsCollectorManager();
            FacetsCollectorManager.FacetsResult r = sort == null ? FacetsCollectorManager.search(s, q, n, fcm)
                    : FacetsCollectorManager.search(s, q, n, sort, true, fcm);
            top = r.topDocs();
            total = matches;
            facets = facets(s.getIndexReader(), r.facetsCollector(), 1);
        } else {
            // The best n with block-max WAND, which skips notes that cannot reach the top, and
            // the exact total from a separate count: counting without scores is several times
            // cheaper than scoring every match (benchmark: 1M notes, broad two-word queries).
            top = sort == null ? s.search(q, new TopScoreDocCollectorManager(n, null, EXACT_TOTAL_UP_TO))
                    : s.search(q, new TopFieldCollectorManager(sort, n, null, EXACT_TOTAL_UP_TO));
            if (sort != null) {
                TopFieldCollector.populateScores(top.scoreDocs, s, q);
            }
            total = matches >= 0 ? matches
                    : top.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? top.totalHits.value() : s.count(counting);
            if (request.facets()) {
                // Counting facets over every match is what a broad query costs on a large index:
                // above sampleAbove matches they are counted in a random sample of about
                // sampleSize matching notes and scaled up.
                int every = (int) Math.max(2, Math.min(Integer.MAX_VALUE, matches / sampleSize));
                Query sample = new BooleanQuery.Builder().add(counting, Occur.MUST).add(new SampleQuery(every), Occur.FILTER)
                        .build();
                facets = facets(s.getIndexReader(), s.search(sample, new FacetsCollectorManager()), every);
                estimated = true;
            }
        }
        ScoreDoc[] docs = request.limit() == 0 ? new ScoreDoc[0] : top.scoreDocs;
        return new SearchResult(total, hits(s, docs, highlight), facets, hints, estimated);
    }

    private static Sort byDate(boolean newestFirst) {
        SortField f = LongField.newSortField(Fields.OBSERVED, newestFirst, SortedNumericSelector.Type.MIN,
                newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
        return new Sort(f, SortField.FIELD_SCORE);
    }

    private List<SearchResult.Hit> hits(IndexSearcher s, ScoreDoc[] docs, Query highlight) throws IOException {
        if (docs.length == 0) {
            return List.of();
        }
        int[] ids = new int[docs.length];
        for (int i = 0; i < docs.length; i++) {
            ids[i] = docs[i].doc;
        }
        Map<String, Object[]> highlighted = highlight == null ? Map.of()
                : Snippets.highlight(s, analysis.indexAnalyzer(), highlight,
                        new String[] { Fields.BODY_NL, Fields.BODY_EN }, ids);
        List<SearchResult.Hit> out = new ArrayList<>(docs.length);
        var stored = s.storedFields();
        for (int i = 0; i < docs.length; i++) {
            Document doc = stored.document(ids[i],
                    Set.of(Fields.ID, Fields.TITLE, Fields.BODY_NL, Fields.BODY_EN, Fields.PHENOMENON));
            String body = doc.get(Fields.BODY_NL) != null ? doc.get(Fields.BODY_NL) : doc.get(Fields.BODY_EN);
            Snippets.Snippet snippet = null;
            for (String f : new String[] { Fields.BODY_NL, Fields.BODY_EN }) {
                Object[] arr = highlighted.get(f);
                if (snippet == null && arr != null && arr[i] instanceof Snippets.Snippet sn && !sn.ranges().isEmpty()) {
                    snippet = sn;
                }
            }
            if (snippet == null) {
                snippet = Snippets.lead(body == null ? "" : body);
            }
            float score = Float.isNaN(docs[i].score) ? 0f : docs[i].score;
            out.add(new SearchResult.Hit(doc.get(Fields.ID), score, doc.get(Fields.TITLE), snippet.text(), snippet.ranges(),
                    List.of(doc.getValues(Fields.PHENOMENON))));
        }
        return out;
    }

    /** The facet counts of the notes {@code fc} collected, each multiplied by {@code scale}. */
    private Map<String, Map<String, Long>> facets(IndexReader reader, FacetsCollector fc, int scale) throws IOException {
        SortedSetDocValuesReaderState state = facetState(reader);
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        if (state == null) {
            for (String dim : Fields.FACETS) {
                out.put(dim, Map.of());
            }
            return out;
        }
        Facets counts = new SortedSetDocValuesFacetCounts(state, fc);
        for (String dim : Fields.FACETS) {
            Map<String, Long> values = new LinkedHashMap<>();
            FacetResult r;
            try {
                r = counts.getTopChildren(1000, dim);
            } catch (IllegalArgumentException e) {
                r = null; // no note has this dimension yet
            }
            if (r != null) {
                for (LabelAndValue lv : r.labelValues) {
                    values.put(lv.label, lv.value.longValue() * scale);
                }
            }
            if (dim.equals(Fields.MONTH)) {
                Map<String, Long> byMonth = new TreeMap<>(Collections.reverseOrder());
                byMonth.putAll(values);
                values = new LinkedHashMap<>(byMonth);
            }
            out.put(dim, Collections.unmodifiableMap(values));
        }
        return out;
    }

    /**
     * The ordinal map of the facet field is costly to build (it spans all segments), so it is
     * built once per reader and reused by every query until the index changes.
     */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetCache c = facetCache;
        if (c != null && c.reader() == reader) {
            return c.state();
        }
        synchronized (facetLock) {
            c = facetCache;
            if (c != null && c.reader() == reader) {
                return c.state();
            }
            SortedSetDocValuesReaderState state;
            try {
                state = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
            } catch (IllegalArgumentException e) {
                state = null; // an empty index has no facet field yet
            }
            facetCache = new FacetCache(reader, state);
            return state;
        }
    }

    private static int docFreq(IndexReader r, String field, String value) {
        try {
            return r.docFreq(new Term(field, value));
        } catch (IOException e) {
            return 0;
        }
    }
}
