package org.vindplaats.index.internal;

import java.io.IOException;
import java.util.Arrays;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Weight;

/**
 * The notes another query matched on one reader, with the scores it gave them, kept so that
 * searches on the same reader can use them without evaluating that query again. A phenomenon's
 * resemblance is such a query: dozens of distinctive words of its examples, the costliest part of
 * a phenomenon search, and the same for every search until the index changes.
 *
 * <p>Only valid on the reader it was {@linkplain #of made} on: searching another reader fails.
 */
public final class ScoredNotesQuery extends Query {

    private final String name;
    private final Object readerKey;
    /** Top-level doc ids, ascending, and their scores. */
    private final int[] docs;
    private final float[] scores;

    private ScoredNotesQuery(String name, Object readerKey, int[] docs, float[] scores) {
        this.name = name;
        this.readerKey = readerKey;
        this.docs = docs;
        this.scores = scores;
    }

    /** The notes {@code q} matches on {@code searcher}'s reader, with their scores; {@code name} for messages. */
    public static ScoredNotesQuery of(String name, IndexSearcher searcher, Query q) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        Collected c = collect(searcher, q);
        int[] docs = Arrays.copyOf(c.docs, c.size);
        float[] scores = Arrays.copyOf(c.scores, c.size);
        // slices may come back in any order
        if (!sorted(docs)) {
            Integer[] order = new Integer[docs.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
            int[] d = new int[docs.length];
            float[] s = new float[docs.length];
            for (int i = 0; i < order.length; i++) {
                d[i] = docs[order[i]];
                s[i] = scores[order[i]];
            }
            return new ScoredNotesQuery(name, key(reader), d, s);
        }
        return new ScoredNotesQuery(name, key(reader), docs, scores);
    }

    /** The same notes restricted to those {@code q} matches (scores kept from this query). */
    public ScoredNotesQuery within(String name, IndexSearcher searcher, Query q) throws IOException {
        Collected c = collect(searcher, q);
        int[] in = Arrays.copyOf(c.docs, c.size);
        Arrays.sort(in);
        int[] d = new int[Math.min(in.length, docs.length)];
        float[] s = new float[d.length];
        int n = 0;
        for (int i = 0; i < docs.length; i++) {
            if (Arrays.binarySearch(in, docs[i]) >= 0) {
                d[n] = docs[i];
                s[n++] = scores[i];
            }
        }
        return new ScoredNotesQuery(name, readerKey, Arrays.copyOf(d, n), Arrays.copyOf(s, n));
    }

    /** How many notes it matches. */
    public int size() {
        return docs.length;
    }

    private static Object key(IndexReader reader) {
        IndexReader.CacheHelper h = reader.getReaderCacheHelper();
        return h == null ? reader : h.getKey();
    }

    private static boolean sorted(int[] a) {
        for (int i = 1; i < a.length; i++) {
            if (a[i] < a[i - 1]) {
                return false;
            }
        }
        return true;
    }

    private static Collected collect(IndexSearcher searcher, Query q) throws IOException {
        return searcher.search(q, new org.apache.lucene.search.CollectorManager<Collected, Collected>() {
            @Override
            public Collected newCollector() {
                return new Collected();
            }

            @Override
            public Collected reduce(java.util.Collection<Collected> all) {
                Collected out = new Collected();
                for (Collected c : all) {
                    for (int i = 0; i < c.size; i++) {
                        out.add(c.docs[i], c.scores[i]);
                    }
                }
                return out;
            }
        });
    }

    /** Collects doc ids and scores of every match. */
    private static final class Collected extends SimpleCollector {
        int[] docs = new int[64];
        float[] scores = new float[64];
        int size;
        private int base;
        private Scorable scorer;

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
            base = context.docBase;
        }

        @Override
        public void setScorer(Scorable s) {
            scorer = s;
        }

        @Override
        public void collect(int doc) throws IOException {
            add(base + doc, scorer.score());
        }

        void add(int doc, float score) {
            if (size == docs.length) {
                docs = Arrays.copyOf(docs, size * 2);
                scores = Arrays.copyOf(scores, size * 2);
            }
            docs[size] = doc;
            scores[size++] = score;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        if (key(searcher.getIndexReader()) != readerKey) {
            throw new IllegalStateException("scores of '" + name + "' were kept for another state of the index");
        }
        return new Weight(this) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) {
                int from = lowerBound(context.docBase);
                int to = lowerBound(context.docBase + context.reader().maxDoc());
                if (from == to) {
                    return null;
                }
                float max = 0f;
                for (int i = from; i < to; i++) {
                    max = Math.max(max, scores[i]);
                }
                return new DefaultScorerSupplier(new ArrayScorer(from, to, context.docBase, boost, max * boost));
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) {
                int i = Arrays.binarySearch(docs, context.docBase + doc);
                return i >= 0 ? Explanation.match(scores[i] * boost, "kept score of " + name)
                        : Explanation.noMatch("not among the notes of " + name);
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false;
            }
        };
    }

    /** The first index in {@link #docs} at or above {@code doc}. */
    private int lowerBound(int doc) {
        int i = Arrays.binarySearch(docs, doc);
        return i >= 0 ? i : -i - 1;
    }

    /** Walks the kept notes of one segment. */
    private final class ArrayScorer extends Scorer {
        private final int from;
        private final int to;
        private final int base;
        private final float boost;
        private final float max;
        private int i;
        private final DocIdSetIterator iterator = new DocIdSetIterator() {
            @Override
            public int docID() {
                return i < from ? -1 : i >= to ? NO_MORE_DOCS : docs[i] - base;
            }

            @Override
            public int nextDoc() {
                i = i < from ? from : i + 1;
                return docID();
            }

            @Override
            public int advance(int target) {
                // Targets only grow: gallop from the current position instead of searching every
                // kept note again (a conjunction advances this once per candidate).
                int lo = Math.min(to, i < from ? from : i + 1);
                int key = base + target;
                int step = 1;
                int hi = lo;
                while (hi < to && docs[hi] < key) {
                    lo = hi + 1;
                    hi = Math.min(to, hi + step);
                    step <<= 1;
                }
                int at = Arrays.binarySearch(docs, lo, Math.min(to, hi + 1), key);
                i = at >= 0 ? at : -at - 1;
                return docID();
            }

            @Override
            public long cost() {
                return to - from;
            }
        };

        ArrayScorer(int from, int to, int base, float boost, float max) {
            this.from = from;
            this.to = to;
            this.base = base;
            this.boost = boost;
            this.max = max;
            this.i = from - 1;
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
        return "kept(" + name + ", " + docs.length + " notes)";
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
