package org.vindplaats.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.index.internal.SampleQuery;
import org.vindplaats.model.Need;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.Urgency;

/**
 * A faceted search that matches very many notes estimates its facet counts from a sample (the
 * benchmark's 1M-note case); the total and the hits stay exact and the result says the counts
 * are estimated. The thresholds are lowered here so a few thousand notes exercise it; the exact
 * figures come from the same index with sampling switched off.
 */
class SampledFacetsTest {

    @TempDir
    Path tmp;

    private static final String[] PLATFORMS = { "tiktok", "snapchat", "discord", "twitch", "roblox" };
    /** Skewed, as real notes are: most about two platforms, few about the last. */
    private static final double[] SHARE = { 0.40, 0.30, 0.15, 0.10, 0.05 };
    private static final int NOTES = 4000;
    /** The sample takes about one matching note in this many. */
    private static final int EVERY = 4;

    private NoteIndex index;

    @BeforeEach
    void open() throws IOException {
        Random r = new Random(7);
        List<TrendNote> notes = new ArrayList<>();
        for (int i = 0; i < NOTES; i++) {
            double u = r.nextDouble();
            int p = 0;
            for (double acc = SHARE[0]; u > acc && p < PLATFORMS.length - 1; acc += SHARE[++p]) {
                // pick the platform whose cumulative share covers u
            }
            // Every note says "streaks"; one in 40 also "zeldzaam"; a varying length so scores differ.
            String body = "Jongeren houden streaks bij" + " en sturen elke dag een foto".repeat(1 + r.nextInt(4))
                    + (i % 40 == 0 ? " zeldzaam" : "") + ".";
            notes.add(TestNotes.note("s" + i, "nl", "Observatie " + i, body, List.of(PLATFORMS[p]),
                    "2025-" + String.format("%02d", 1 + r.nextInt(12)) + "-15", r.nextBoolean() ? Polarity.RISK : Polarity.MIXED,
                    Urgency.INFO, r.nextInt(3) == 0 ? Set.of(Need.HEALTH) : Set.of(Need.RELATIONSHIPS), Set.of()));
        }
        index = NoteIndex.open(tmp.resolve("ix"), TestNotes.source(notes), IndexConfig.defaults(), new RecordingMonitor());
        // Sampling above 1000 matches, one note in four: the 1M-note case in small.
        index.noteSearcher().sampleAbove = 1000;
        index.noteSearcher().sampleSize = NOTES / EVERY;
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private SearchResult exact(SearchRequest request) throws IOException {
        long above = index.noteSearcher().sampleAbove;
        index.noteSearcher().sampleAbove = Long.MAX_VALUE;
        try {
            return index.search(request);
        } finally {
            index.noteSearcher().sampleAbove = above;
        }
    }

    @Test
    void aBroadQueryEstimatesCountsCloseToTheExactOnesAndSaysSo() throws IOException {
        SearchRequest request = SearchRequest.of("streaks").facets(true).limit(10);
        SearchResult exact = exact(request);
        SearchResult sampled = index.search(request);

        assertFalse(exact.estimated());
        assertEquals(NOTES, exact.total());
        assertTrue(sampled.estimated(), "4000 matches are above the threshold of 1000");
        assertEquals(NOTES, sampled.total(), "the total is counted, not estimated");
        for (String dim : List.of("platform", "need", "polarity", "month")) {
            Map<String, Long> want = exact.facets().get(dim);
            Map<String, Long> got = sampled.facets().get(dim);
            for (Map.Entry<String, Long> e : want.entrySet()) {
                if (e.getValue() >= NOTES / 10) {
                    // Each of the value's notes is in the sample with chance 1/EVERY and counts
                    // EVERY times: the estimate's standard error is sqrt(count * (EVERY - 1)).
                    // Five of them: a wrong scale fails, chance alone (about 1 in a million) not
                    // (a 30% bound was 3 standard errors at a sample of 600: it failed in CI).
                    long estimate = got.getOrDefault(e.getKey(), 0L);
                    double bound = 5 * Math.sqrt(e.getValue() * (EVERY - 1.0));
                    assertTrue(Math.abs(estimate - e.getValue()) <= bound, dim + "=" + e.getKey() + ": estimated "
                            + estimate + ", exactly " + e.getValue() + ", allowed +-" + Math.round(bound));
                }
            }
        }
        // Ordered by the estimates: the platform most notes are about comes first either way.
        assertEquals("tiktok", sampled.facets().get("platform").keySet().iterator().next());
        assertEquals(ids(exact), ids(sampled), "the hits themselves are exact");

        SearchRequest newest = request.sort(SearchRequest.Sort.NEWEST);
        assertEquals(ids(exact(newest)), ids(index.search(newest)), "sorting by date too");
    }

    @Test
    void aSearchOnASampledIndexIsRepeatable() throws IOException {
        SearchRequest request = SearchRequest.of("streaks foto").facets(true).limit(5);
        SearchResult first = index.search(request);
        SearchResult again = index.search(request);
        assertTrue(first.estimated());
        assertEquals(first.total(), again.total());
        assertEquals(exact(request).total(), first.total());
        assertEquals(first.facets(), again.facets(), "the same sample each time: counts do not jump around");
    }

    @Test
    void fewMatchesAreCountedExactlyEvenWithALowThreshold() throws IOException {
        SearchRequest request = SearchRequest.of("zeldzaam").facets(true).limit(10);
        SearchResult r = index.search(request);
        assertFalse(r.estimated());
        assertEquals(NOTES / 40, r.total());
        assertEquals(exact(request).facets(), r.facets());
        // Without facets nothing is ever estimated: the total of a plain search is exact.
        SearchResult plain = index.search(SearchRequest.of("streaks").limit(10));
        assertFalse(plain.estimated());
        assertEquals(NOTES, plain.total());
    }

    @Test
    void theSampleTakesAboutOneInNDocumentsAndNotAFixedStride() throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
                for (int i = 0; i < 20_000; i++) {
                    Document d = new Document();
                    d.add(new StringField("mod", Integer.toString(i % 10), Field.Store.NO));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher s = new IndexSearcher(reader);
                int n = s.count(new SampleQuery(10));
                assertTrue(n > 1800 && n < 2200, "about 2000 of 20000: " + n);
                assertEquals(n, s.count(new SampleQuery(10)), "seeded: the same sample again");
                // Documents written in a repeating pattern of 10: a stride of 10 would take only
                // one value; a random sample takes them all in about equal parts.
                for (int v = 0; v < 10; v++) {
                    int part = s.count(new BooleanQuery.Builder()
                            .add(new TermQuery(new Term("mod", Integer.toString(v))), Occur.MUST)
                            .add(new SampleQuery(10), Occur.FILTER).build());
                    assertTrue(part > 120 && part < 280, "value " + v + " sampled " + part + " times");
                }
                assertEquals(20_000, s.count(new SampleQuery(1)));
            }
        }
    }

    private static List<String> ids(SearchResult r) {
        return r.hits().stream().map(SearchResult.Hit::id).toList();
    }
}
