package org.vindplaats.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.model.TrendNote;
import org.vindplaats.testing.TestFiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Search quality on the dev evaluation set (org.vindplaats.testing's testdata/eval-dev, 90 notes, 30 queries with
 * hand-judged relevant notes): mean reciprocal rank of the first relevant hit and recall in the
 * top 10. The floors are what the engine reaches minus a small margin, so a change that makes
 * search worse fails here.
 */
class SearchQualityTest {

    /**
     * Measured 0.777 / 0.641 (Dec 2026, after cross-language fields, compound parts and the
     * glossary; 0.669 / 0.471 before); a few hundredths of margin.
     */
    static final double MRR_FLOOR = 0.74;
    static final double RECALL_FLOOR = 0.61;

    @TempDir
    Path tmp;

    @Test
    void mrrAndRecallAt10OnTheDevSet() throws IOException {
        List<TrendNote> notes = TestNotes.devNotes();
        assertEquals(90, notes.size());
        List<JsonNode> queries = TestNotes.jsonl(TestFiles.QUERIES);
        assertEquals(30, queries.size());
        double mrr = 0;
        double recall = 0;
        StringBuilder report = new StringBuilder();
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("index"), TestNotes.source(notes), IndexConfig.defaults(), new RecordingMonitor())) {
            for (JsonNode q : queries) {
                Set<String> relevant = new HashSet<>();
                q.get("relevant").forEach(r -> relevant.add(r.asText()));
                List<String> hits = ix.search(SearchRequest.of(q.get("query").asText()).limit(10)).hits().stream()
                        .map(SearchResult.Hit::id).toList();
                double rr = 0;
                for (int i = 0; i < hits.size(); i++) {
                    if (relevant.contains(hits.get(i))) {
                        rr = 1.0 / (i + 1);
                        break;
                    }
                }
                long found = hits.stream().filter(relevant::contains).count();
                double rec = (double) found / relevant.size();
                mrr += rr;
                recall += rec;
                report.append(String.format(Locale.ROOT, "%s rr=%.2f recall@10=%.2f %s%n", q.get("qid").asText(), rr, rec,
                        q.get("query").asText()));
            }
        }
        mrr /= queries.size();
        recall /= queries.size();
        System.out.print(report);
        System.out.printf(Locale.ROOT, "Search quality on the dev set (30 queries): MRR=%.3f recall@10=%.3f%n", mrr, recall);
        assertTrue(mrr >= MRR_FLOOR, "MRR " + mrr + " below " + MRR_FLOOR);
        assertTrue(recall >= RECALL_FLOOR, "recall@10 " + recall + " below " + RECALL_FLOOR);
    }
}
