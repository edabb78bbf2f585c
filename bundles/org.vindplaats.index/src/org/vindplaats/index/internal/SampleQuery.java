package org.vindplaats.index.internal;

import java.util.SplittableRandom;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * Matches a random sample of about one in {@code n} documents of each segment.
 * <p>
 * Why not Lucene's {@code RandomSamplingFacetsCollector}: it samples only after collecting every
 * match, so a broad query still pays for visiting all of them. As a filter clause this query
 * leads the conjunction (its cost is a fraction {@code 1/n} of the index), so the text query is
 * only advanced to the sampled notes.
 * <p>
 * Each document is taken independently with probability {@code 1/n} (random gaps, not a fixed
 * stride: notes imported in a repeating pattern, say one platform after the other, would alias
 * with a stride). The random numbers are seeded by the segment, so the same search on the same
 * index gives the same estimates.
 */
public final class SampleQuery extends Query {

    private final int n;

    public SampleQuery(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        this.n = n;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) {
                int maxDoc = context.reader().maxDoc();
                if (maxDoc == 0) {
                    return null;
                }
                long seed = 0x9E3779B97F4A7C15L * (context.docBase + 1) ^ maxDoc;
                return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, new Sample(n, maxDoc, seed)));
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false; // computing it is cheaper than caching it
            }
        };
    }

    /** Documents taken with probability 1/n: geometric gaps between them. */
    private static final class Sample extends DocIdSetIterator {
        private final int n;
        private final int maxDoc;
        private final double logMiss;
        private final SplittableRandom random;
        private int doc = -1;

        Sample(int n, int maxDoc, long seed) {
            this.n = n;
            this.maxDoc = maxDoc;
            this.logMiss = Math.log1p(-1.0 / n);
            this.random = new SplittableRandom(seed);
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            long next = (long) doc + 1;
            if (n > 1) {
                // The number of documents skipped before the next one taken is geometric.
                next += (long) Math.floor(Math.log(1.0 - random.nextDouble()) / logMiss);
            }
            doc = next >= maxDoc ? NO_MORE_DOCS : (int) next;
            return doc;
        }

        @Override
        public int advance(int target) {
            while (doc < target) {
                nextDoc();
            }
            return doc;
        }

        @Override
        public long cost() {
            return (maxDoc + n - 1) / n;
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "sample of 1 in " + n + " notes";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleQuery other && other.n == n;
    }

    @Override
    public int hashCode() {
        return SampleQuery.class.hashCode() * 31 + n;
    }
}
