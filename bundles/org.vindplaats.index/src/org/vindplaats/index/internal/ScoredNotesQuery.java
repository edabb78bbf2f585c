package org.vindplaats.index.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * The notes another query matched, with the scores it gave them, kept so that later searches can
 * use them without evaluating that query again. A phenomenon's resemblance is such a query: dozens
 * of distinctive words of its examples, the costliest part of a phenomenon search.
 *
 * <p>Kept per segment (by the segment's core key, which survives deletions): after a change, the
 * scores of the segments that did not change can be {@linkplain #extendedTo reused} and only the
 * new segments evaluated. Searching a reader with a segment it has no scores for fails.
 */
public final class ScoredNotesQuery extends Query {

    /** The kept notes of one segment of {@code maxDoc} documents: their doc ids, ascending, and scores. */
    private record Segment(int[] docs, float[] scores, int maxDoc) {
    }

    private final String name;
    private final Map<Object, Segment> segments;
    private final int size;

    private ScoredNotesQuery(String name, Map<Object, Segment> segments) {
        this.name = name;
        this.segments = segments;
        this.size = segments.values().stream().mapToInt(g -> g.docs().length).sum();
    }

    /** The notes {@code q} matches on {@code searcher}'s reader, with their scores; {@code name} for messages. */
    public static ScoredNotesQuery of(String name, IndexSearcher searcher, Query q) throws IOException {
        return new ScoredNotesQuery(name, evaluate(searcher, q, searcher.getIndexReader().leaves()));
    }

    /**
     * These scores on {@code searcher}'s reader: the segments kept here as they are (a note deleted
     * since is left out by the search itself), the segments new to this reader evaluated with
     * {@code q} on it. So a search after a small change costs what its new notes cost, at the price
     * that the old segments keep the scores of the index statistics they were made with.
     */
    public ScoredNotesQuery extendedTo(String name, IndexSearcher searcher, Query q) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        return extendedWith(name, reader, evaluated(searcher, q, newSegments(reader)));
    }

    /**
     * These scores on {@code reader}: the segments kept here as they are, the new ones with the
     * notes and scores in {@code fresh} (evaluated on the same reader by the caller, who needed
     * them for something else too: evaluating the query once more would cost as much again).
     */
    public ScoredNotesQuery extendedWith(String name, IndexReader reader, Evaluated fresh) {
        Map<Object, Segment> out = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Segment kept = segments.get(key(leaf));
            Segment now = kept != null ? kept : fresh.segments.get(key(leaf));
            if (now == null) {
                throw new IllegalArgumentException("no scores of '" + name + "' for a segment new to this reader");
            }
            out.put(key(leaf), now);
        }
        return new ScoredNotesQuery(name, out);
    }

    /** Receives a matching note and its score (see {@link Evaluated#forEach}). */
    public interface ScoredNote {
        void accept(LeafReaderContext leaf, int doc, float score) throws IOException;
    }

    /**
     * A query's live matches and scores in some segments, not yet kept as a query: for a caller
     * that looks at them and narrows them before keeping them ({@link #extendedWith}).
     */
    public static final class Evaluated {
        private final List<LeafReaderContext> leaves;
        private final Map<Object, Segment> segments;

        private Evaluated(List<LeafReaderContext> leaves, Map<Object, Segment> segments) {
            this.leaves = leaves;
            this.segments = segments;
        }

        /** Every note with its score, segment by segment in the order given, doc ids ascending. */
        public void forEach(ScoredNote to) throws IOException {
            for (LeafReaderContext leaf : leaves) {
                Segment g = segments.get(key(leaf));
                for (int i = 0; i < g.docs().length; i++) {
                    to.accept(leaf, g.docs()[i], g.scores()[i]);
                }
            }
        }

        /** Only the notes {@code filter} matches too, with their scores. */
        public Evaluated within(IndexSearcher searcher, Query filter) throws IOException {
            Map<Object, Segment> matched = ScoredNotesQuery.evaluate(searcher, filter, leaves);
            Map<Object, Segment> out = new HashMap<>();
            for (LeafReaderContext leaf : leaves) {
                out.put(key(leaf), intersection(segments.get(key(leaf)), matched.get(key(leaf)).docs()));
            }
            return new Evaluated(leaves, out);
        }
    }

    /** {@code q}'s live matches and scores in each of {@code leaves}, with the statistics of the whole reader. */
    public static Evaluated evaluated(IndexSearcher searcher, Query q, List<LeafReaderContext> leaves) throws IOException {
        return new Evaluated(List.copyOf(leaves), evaluate(searcher, q, leaves));
    }

    /** The notes of {@code g} whose doc ids are in {@code docs} (ascending), with their scores. */
    private static Segment intersection(Segment g, int[] docs) {
        int[] d = new int[Math.min(docs.length, g.docs().length)];
        float[] sc = new float[d.length];
        int n = 0;
        for (int i = 0; i < g.docs().length; i++) {
            if (Arrays.binarySearch(docs, g.docs()[i]) >= 0) {
                d[n] = g.docs()[i];
                sc[n++] = g.scores()[i];
            }
        }
        return new Segment(Arrays.copyOf(d, n), Arrays.copyOf(sc, n), g.maxDoc());
    }

    /**
     * How many documents the kept segments that {@code reader} no longer has held: merged away,
     * or rewritten without a deleted note.
     */
    public long docsOfSegmentsGone(IndexReader reader) {
        java.util.Set<Object> present = new java.util.HashSet<>();
        reader.leaves().forEach(l -> present.add(key(l)));
        return segments.entrySet().stream().filter(e -> !present.contains(e.getKey())).mapToLong(e -> e.getValue().maxDoc()).sum();
    }

    /** The segments of {@code reader} that have no kept scores here. */
    public List<LeafReaderContext> newSegments(IndexReader reader) {
        return reader.leaves().stream().filter(l -> !segments.containsKey(key(l))).toList();
    }

    /** The same notes restricted to those {@code q} matches (scores kept from this query). */
    public ScoredNotesQuery within(String name, IndexSearcher searcher, Query q) throws IOException {
        return within(name, searcher, q, null);
    }

    /**
     * {@link #within(String, IndexSearcher, Query)}, taking the segments {@code earlier} (made the
     * same way on an earlier reader) has as they are: only the new segments are matched with {@code q}.
     */
    public ScoredNotesQuery within(String name, IndexSearcher searcher, Query q, ScoredNotesQuery earlier) throws IOException {
        List<LeafReaderContext> todo = earlier == null ? searcher.getIndexReader().leaves() : earlier.newSegments(searcher.getIndexReader());
        Map<Object, Segment> matched = evaluate(searcher, q, todo);
        Map<Object, Segment> out = new HashMap<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Segment reused = earlier == null ? null : earlier.segments.get(key(leaf));
            if (reused != null) {
                out.put(key(leaf), reused);
                continue;
            }
            Segment mine = segments.get(key(leaf));
            if (mine == null) {
                throw new IllegalStateException("scores of '" + this.name + "' were kept for another state of the index");
            }
            int[] in = matched.getOrDefault(key(leaf), new Segment(new int[0], new float[0], 0)).docs();
            out.put(key(leaf), intersection(mine, in));
        }
        return new ScoredNotesQuery(name, out);
    }

    /** How many notes it matches (deleted ones included until their segment is gone). */
    public int size() {
        return size;
    }

    private static Object key(LeafReaderContext leaf) {
        IndexReader.CacheHelper h = leaf.reader().getCoreCacheHelper();
        return h == null ? leaf.reader() : h.getKey();
    }

    /** {@code q}'s live matches and scores in each of {@code leaves}, with the statistics of the whole reader. */
    private static Map<Object, Segment> evaluate(IndexSearcher searcher, Query q, List<LeafReaderContext> leaves)
            throws IOException {
        Map<Object, Segment> out = new HashMap<>();
        if (leaves.isEmpty()) {
            return out;
        }
        Weight w = searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE, 1f);
        for (LeafReaderContext leaf : leaves) {
            int[] docs = new int[16];
            float[] scores = new float[16];
            int n = 0;
            Scorer scorer = w.scorer(leaf);
            if (scorer != null) {
                Bits live = leaf.reader().getLiveDocs();
                DocIdSetIterator it = scorer.iterator();
                for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                    if (live != null && !live.get(d)) {
                        continue;
                    }
                    if (n == docs.length) {
                        docs = Arrays.copyOf(docs, n * 2);
                        scores = Arrays.copyOf(scores, n * 2);
                    }
                    docs[n] = d;
                    scores[n++] = scorer.score();
                }
            }
            out.put(key(leaf), new Segment(Arrays.copyOf(docs, n), Arrays.copyOf(scores, n), leaf.reader().maxDoc()));
        }
        return out;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new Weight(this) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) {
                Segment g = segment(context);
                if (g.docs().length == 0) {
                    return null;
                }
                float max = 0f;
                for (float f : g.scores()) {
                    max = Math.max(max, f);
                }
                return new DefaultScorerSupplier(new ArrayScorer(g, boost, max * boost));
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) {
                Segment g = segment(context);
                int i = Arrays.binarySearch(g.docs(), doc);
                return i >= 0 ? Explanation.match(g.scores()[i] * boost, "kept score of " + name)
                        : Explanation.noMatch("not among the notes of " + name);
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false;
            }
        };
    }

    private Segment segment(LeafReaderContext context) {
        Segment g = segments.get(key(context));
        if (g == null) {
            throw new IllegalStateException("scores of '" + name + "' were kept for another state of the index");
        }
        return g;
    }

    /** Walks the kept notes of one segment. */
    private static final class ArrayScorer extends Scorer {
        private final int[] docs;
        private final float[] scores;
        private final float boost;
        private final float max;
        private int i = -1;
        private final DocIdSetIterator iterator = new DocIdSetIterator() {
            @Override
            public int docID() {
                return i < 0 ? -1 : i >= docs.length ? NO_MORE_DOCS : docs[i];
            }

            @Override
            public int nextDoc() {
                i++;
                return docID();
            }

            @Override
            public int advance(int target) {
                // Targets only grow: gallop from the current position instead of searching every
                // kept note again (a conjunction advances this once per candidate).
                int to = docs.length;
                int lo = Math.min(to, i + 1);
                int step = 1;
                int hi = lo;
                while (hi < to && docs[hi] < target) {
                    lo = hi + 1;
                    hi = Math.min(to, hi + step);
                    step <<= 1;
                }
                int at = Arrays.binarySearch(docs, lo, Math.min(to, hi + 1), target);
                i = at >= 0 ? at : -at - 1;
                return docID();
            }

            @Override
            public long cost() {
                return docs.length;
            }
        };

        ArrayScorer(Segment g, float boost, float max) {
            this.docs = g.docs();
            this.scores = g.scores();
            this.boost = boost;
            this.max = max;
        }

        @Override
        public int docID() {
            return iterator.docID();
        }

        @Override
        public DocIdSetIterator iterator() {
            return iterator;
        }

        @Override
        public float getMaxScore(int upTo) {
            return max;
        }

        @Override
        public float score() {
            return scores[i] * boost;
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "kept(" + name + ", " + size + " notes)";
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
