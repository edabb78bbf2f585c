package org.vindplaats.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Random;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.vindplaats.index.internal.ScoredNotesQuery;

/**
 * A phenomenon's resemblance is evaluated once per state of the index and its scores kept
 * ({@link ScoredNotesQuery}): searching with the kept scores must give exactly what evaluating
 * the query gives, alone and inside a larger query, over several segments; and kept scores must
 * never be used on another state of the index.
 */
class ScoredNotesQueryTest {

    private static final String[] WORDS = { "chat", "game", "geld", "foto", "video", "vriend", "school", "account",
            "pesten", "delen", "snel", "gratis", "link", "groep", "live" };

    private static ByteBuffersDirectory index(int docs, int perSegment) throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        Random r = new Random(11);
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (int i = 0; i < docs; i++) {
                StringBuilder text = new StringBuilder();
                for (int k = 3 + r.nextInt(20); k > 0; k--) {
                    text.append(WORDS[(int) Math.min(WORDS.length - 1, Math.abs(r.nextGaussian()) * 5)]).append(' ');
                }
                Document d = new Document();
                d.add(new StringField("id", "n" + i, Field.Store.YES));
                d.add(new StringField("kind", i % 3 == 0 ? "a" : "b", Field.Store.NO));
                d.add(new TextField("body", text.toString(), Field.Store.NO));
                w.addDocument(d);
                if (i % perSegment == perSegment - 1) {
                    w.commit(); // several segments
                }
            }
        }
        return dir;
    }

    private static Query words(String... ws) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String w : ws) {
            b.add(new TermQuery(new Term("body", w)), Occur.SHOULD);
        }
        b.setMinimumNumberShouldMatch(2);
        return b.build();
    }

    @Test
    void keptScoresAreTheQuerysScoresAloneAndInsideAnotherQuery() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(index(3000, 700))) {
            assertTrue(reader.leaves().size() > 1, "several segments");
            IndexSearcher s = new IndexSearcher(reader);
            Query like = words("geld", "gratis", "link", "account", "snel");
            ScoredNotesQuery kept = ScoredNotesQuery.of("test", new IndexSearcher(reader), like);
            assertTrue(kept.size() > 100, "matches " + kept.size());

            assertSameHits(s, like, kept, 5000);
            assertSameHits(s, new BoostQuery(like, 0.3f), new BoostQuery(kept, 0.3f), 50);
            // Inside a larger query: as a scoring clause next to others, and filtered.
            Query other = new TermQuery(new Term("body", "chat"));
            assertSameHits(s, new BooleanQuery.Builder().add(other, Occur.SHOULD).add(new BoostQuery(like, 0.3f), Occur.SHOULD).build(),
                    new BooleanQuery.Builder().add(other, Occur.SHOULD).add(new BoostQuery(kept, 0.3f), Occur.SHOULD).build(), 50);
            Query a = new TermQuery(new Term("kind", "a"));
            assertSameHits(s, new BooleanQuery.Builder().add(like, Occur.MUST).add(a, Occur.FILTER).build(),
                    new BooleanQuery.Builder().add(kept, Occur.MUST).add(a, Occur.FILTER).build(), 5000);
            assertEquals(s.count(new BooleanQuery.Builder().add(like, Occur.FILTER).add(a, Occur.FILTER).build()),
                    s.count(new BooleanQuery.Builder().add(kept, Occur.FILTER).add(a, Occur.FILTER).build()));

            // Restricted to the notes of another query, with the kept scores.
            ScoredNotesQuery within = kept.within("test within", s, a);
            assertSameHits(s, new BooleanQuery.Builder().add(like, Occur.MUST).add(a, Occur.FILTER).build(), within, 5000);
        }
    }

    /** Skipping ahead (as a conjunction does for each candidate) lands on the first kept note at or after the target. */
    @Test
    void advanceLandsOnTheFirstKeptNoteAtOrAfterTheTarget() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(index(3000, 700))) {
            IndexSearcher s = new IndexSearcher(reader);
            Query like = words("geld", "gratis", "link", "account", "snel");
            ScoredNotesQuery kept = ScoredNotesQuery.of("test", new IndexSearcher(reader), like);
            org.apache.lucene.search.Weight keptWeight = s.createWeight(s.rewrite(kept), org.apache.lucene.search.ScoreMode.COMPLETE, 1f);
            org.apache.lucene.search.Weight likeWeight = s.createWeight(s.rewrite(like),
                    org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f);
            Random r = new Random(3);
            int checked = 0;
            for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
                java.util.List<Integer> matching = new java.util.ArrayList<>();
                var all = likeWeight.scorer(leaf).iterator();
                for (int d = all.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = all.nextDoc()) {
                    matching.add(d);
                }
                for (int trial = 0; trial < 30; trial++) {
                    var it = keptWeight.scorer(leaf).iterator();
                    int at = -1;
                    while (true) {
                        int target = at + 1 + r.nextInt(trial % 2 == 0 ? 3 : 150); // short and long jumps
                        if (target >= leaf.reader().maxDoc()) {
                            break;
                        }
                        int want = matching.stream().filter(d -> d >= target).findFirst()
                                .orElse(org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS);
                        at = it.advance(target);
                        assertEquals(want, at, "advance(" + target + ") in a segment of " + leaf.reader().maxDoc());
                        checked++;
                        if (at == org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS) {
                            break;
                        }
                    }
                }
            }
            assertTrue(checked > 1000, "advanced " + checked + " times");
        }
    }

    @Test
    void keptScoresRefuseAnotherStateOfTheIndex() throws IOException {
        ByteBuffersDirectory dir = index(500, 200);
        try (DirectoryReader first = DirectoryReader.open(dir)) {
            ScoredNotesQuery kept = ScoredNotesQuery.of("test", new IndexSearcher(first), words("geld", "gratis", "link"));
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
                Document d = new Document();
                d.add(new TextField("body", "geld gratis link", Field.Store.NO));
                w.addDocument(d);
            }
            try (DirectoryReader later = DirectoryReader.openIfChanged(first)) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> new IndexSearcher(later).search(kept, 10));
                assertTrue(e.getMessage().contains("another state"), e.getMessage());
            }
        }
    }

    /**
     * After a change, the kept scores are reused for the segments that did not change and only
     * the new segment is evaluated: the same notes as evaluating the query on the new reader (a
     * note deleted since is not found), the new notes with exactly their scores, the old ones with
     * the scores they were kept with.
     */
    @Test
    void extendedToANewReaderScoresOnlyTheNewSegments() throws IOException {
        ByteBuffersDirectory dir = index(2000, 600);
        Query like = words("geld", "gratis", "link", "account", "snel");
        try (DirectoryReader first = DirectoryReader.open(dir)) {
            ScoredNotesQuery kept = ScoredNotesQuery.of("test", new IndexSearcher(first), like);
            IndexWriterConfig c = new IndexWriterConfig(new StandardAnalyzer());
            c.setMergePolicy(org.apache.lucene.index.NoMergePolicy.INSTANCE); // the old segments stay as they are
            try (IndexWriter w = new IndexWriter(dir, c)) {
                for (int i = 0; i < 30; i++) {
                    Document d = new Document();
                    d.add(new StringField("id", "new" + i, Field.Store.YES));
                    d.add(new TextField("body", i % 2 == 0 ? "geld gratis link snel" : "chat game school", Field.Store.NO));
                    w.addDocument(d);
                }
                w.deleteDocuments(new Term("id", firstMatch(first, like)));
            }
            try (DirectoryReader later = DirectoryReader.openIfChanged(first)) {
                IndexSearcher s = new IndexSearcher(later);
                assertEquals(1, kept.newSegments(later).size(), "one new segment");
                ScoredNotesQuery extended = kept.extendedTo("test", s, like);
                assertEquals(s.count(like), s.count(extended), "the same notes, the deleted one left out");
                TopDocs evaluated = s.search(like, 5000);
                TopDocs fromKept = s.search(extended, 5000);
                java.util.Map<Integer, Float> byDoc = new java.util.HashMap<>();
                for (ScoreDoc d : fromKept.scoreDocs) {
                    byDoc.put(d.doc, d.score);
                }
                TopDocs before = new IndexSearcher(first).search(like, 5000);
                java.util.Map<Integer, Float> old = new java.util.HashMap<>();
                for (ScoreDoc d : before.scoreDocs) {
                    old.put(d.doc, d.score);
                }
                int newDocs = 0;
                for (ScoreDoc d : evaluated.scoreDocs) {
                    assertTrue(byDoc.containsKey(d.doc), "doc " + d.doc + " is found");
                    if (d.doc >= first.maxDoc()) {
                        newDocs++;
                        assertEquals(d.score, byDoc.get(d.doc), 1e-5f, "a new note's score is evaluated on the new reader");
                    } else {
                        assertEquals(old.get(d.doc), byDoc.get(d.doc), 1e-6f, "an old note keeps its kept score");
                    }
                }
                assertEquals(15, newDocs, "the new notes that match");
            }
        }
    }

    /**
     * The new segments' scores evaluated once, looked at, then narrowed by a filter and kept
     * ({@link ScoredNotesQuery#extendedWith}): exactly what evaluating the filtered query there gives.
     */
    @Test
    void extendedWithScoresEvaluatedOnceAndNarrowedIsTheFilteredQuerysExtension() throws IOException {
        ByteBuffersDirectory dir = index(2000, 600);
        Query like = words("geld", "gratis", "link", "account", "snel");
        Query a = new TermQuery(new Term("kind", "a"));
        Query filtered = new BooleanQuery.Builder().add(like, Occur.MUST).add(a, Occur.FILTER).build();
        try (DirectoryReader first = DirectoryReader.open(dir)) {
            ScoredNotesQuery kept = ScoredNotesQuery.of("test", new IndexSearcher(first), filtered);
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (int i = 0; i < 40; i++) {
                    Document d = new Document();
                    d.add(new StringField("id", "new" + i, Field.Store.YES));
                    d.add(new StringField("kind", i % 4 == 0 ? "a" : "b", Field.Store.NO));
                    d.add(new TextField("body", i % 2 == 0 ? "geld gratis link snel" : "chat game school", Field.Store.NO));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader later = DirectoryReader.openIfChanged(first)) {
                IndexSearcher s = new IndexSearcher(later);
                var fresh = kept.newSegments(later);
                ScoredNotesQuery.Evaluated evaluated = ScoredNotesQuery.evaluated(s, like, fresh);
                int[] seen = new int[1];
                evaluated.forEach((leaf, doc, score) -> seen[0]++);
                assertEquals(20, seen[0], "every new note with the words, before the filter");
                ScoredNotesQuery once = kept.extendedWith("test", later, evaluated.within(s, a));
                ScoredNotesQuery twice = kept.extendedTo("test", s, filtered);
                assertSameHits(s, twice, once, 5000);
                assertEquals(s.count(filtered), s.count(once));
                assertThrows(IllegalArgumentException.class,
                        () -> kept.extendedWith("test", later, ScoredNotesQuery.evaluated(s, like, java.util.List.of())),
                        "a new segment without scores is refused");
            }
        }
    }

    private static String firstMatch(DirectoryReader r, Query q) throws IOException {
        IndexSearcher s = new IndexSearcher(r);
        return s.storedFields().document(s.search(q, 1).scoreDocs[0].doc).get("id");
    }

    private static void assertSameHits(IndexSearcher s, Query expected, Query actual, int n) throws IOException {
        TopDocs e = s.search(expected, n);
        TopDocs a = s.search(actual, n);
        assertEquals(s.count(expected), s.count(actual), "matches");
        assertArrayEquals(docs(e), docs(a), "same notes in the same order");
        for (int i = 0; i < e.scoreDocs.length; i++) {
            assertEquals(e.scoreDocs[i].score, a.scoreDocs[i].score, 1e-4f, "score of doc " + e.scoreDocs[i].doc);
        }
    }

    private static int[] docs(TopDocs t) {
        int[] out = new int[t.scoreDocs.length];
        for (int i = 0; i < out.length; i++) {
            ScoreDoc d = t.scoreDocs[i];
            out[i] = d.doc;
        }
        return out;
    }
}
