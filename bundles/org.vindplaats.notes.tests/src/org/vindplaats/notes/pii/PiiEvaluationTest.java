package org.vindplaats.notes.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vindplaats.notes.testsupport.TestData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Measures the detector on the dev set (90 invented notes, 15 personal-data strings marked as exact
 * substrings in gold.jsonl; copied to src/testdata/dev). Measured when this test was written:
 * recall 15/15 = 1.00 (exact span match), precision 15/15 = 1.00, no match at all in the 75 notes
 * without personal data. The thresholds below sit a little under that so a rule change that costs
 * quality fails the build; the acceptance set is different, so these are not promises for it.
 * Since issue 13 a common first name on its own counts as personal data: the detector now also
 * reports "Ilias" in the title of dev-009, which the dev labels (written before that rule) do not
 * list, so precision here reads 15/16 = 0.94.
 */
class PiiEvaluationTest {

    private static final double MIN_RECALL = 0.9;
    private static final double MIN_PRECISION = 0.85;
    private static final int MAX_MATCHES_IN_CLEAN_NOTES = 2;

    @Test
    void detectorMeetsMeasuredQualityOnTheDevSet() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Set<String>> gold = new HashMap<>();
        for (String line : TestData.lines("dev/gold-pii.jsonl")) {
            JsonNode g = json.readTree(line);
            Set<String> pii = new HashSet<>();
            g.get("pii").forEach(p -> pii.add(p.asText()));
            gold.put(g.get("id").asText(), pii);
        }
        int goldCount = 0;
        int exact = 0;
        int detected = 0;
        int correct = 0;
        int inCleanNotes = 0;
        List<String> misses = new ArrayList<>();
        List<String> falsePositives = new ArrayList<>();
        for (String line : TestData.lines(TestData.DEV_NOTES)) {
            JsonNode n = json.readTree(line);
            String id = n.get("id").asText();
            List<PiiMatch> found = new ArrayList<>(PiiDetector.standard().detect(n.get("title").asText()));
            found.addAll(PiiDetector.standard().detect(n.get("body").asText()));
            Set<String> expected = gold.get(id);
            goldCount += expected.size();
            for (String e : expected) {
                if (found.stream().anyMatch(m -> m.text().equals(e))) {
                    exact++;
                } else {
                    misses.add(id + ": " + e);
                }
            }
            for (PiiMatch m : found) {
                detected++;
                if (expected.contains(m.text())) {
                    correct++;
                } else {
                    falsePositives.add(id + ": " + m);
                }
                if (expected.isEmpty()) {
                    inCleanNotes++;
                }
            }
        }
        assertEquals(15, goldCount, "the dev set has 15 PII strings");
        double recall = exact / (double) goldCount;
        double precision = detected == 0 ? 0 : correct / (double) detected;
        String summary = String.format("recall %d/%d=%.2f, precision %d/%d=%.2f, matches in clean notes %d; misses %s;"
                + " false positives %s", exact, goldCount, recall, correct, detected, precision, inCleanNotes, misses,
                falsePositives);
        System.out.println("PII dev evaluation: " + summary);
        assertTrue(recall >= MIN_RECALL, summary);
        assertTrue(precision >= MIN_PRECISION, summary);
        assertTrue(inCleanNotes <= MAX_MATCHES_IN_CLEAN_NOTES, summary);
    }
}
