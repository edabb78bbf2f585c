package org.vindplaats.notes.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.vindplaats.notes.testsupport.TestData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Recall and precision of the privacy guard on its own corpus (testdata/pii/pii-corpus.jsonl, 414
 * invented Dutch, Flemish and English snippets with the exact span and kind of every piece of
 * personal data, and tricky negatives: help lines, dates, times, prices, classes, names that are
 * words). Snippets whose id number is divisible by 3 are held out (138): the rules were not tuned
 * on them, and their errors are not printed. A match counts only with the exact span and kind.
 * Measured when written: whole corpus recall 259/263 = 0.985, precision 259/263 = 0.985; tune part
 * 176/176 and 176/176; held-out part 83/87 = 0.954 and 83/87 = 0.954. The floors sit just under
 * that, so a rule change that costs quality fails the build.
 */
class PiiCorpusTest {

    private static final double MIN_RECALL = 0.98;
    private static final double MIN_PRECISION = 0.98;
    private static final double MIN_HELD_OUT_RECALL = 0.95;
    private static final double MIN_HELD_OUT_PRECISION = 0.95;

    /** Counts per kind: true positives, false negatives, false positives. */
    private static final class Score {
        int tp;
        int fn;
        int fp;

        double recall() {
            return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
        }

        double precision() {
            return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "recall %d/%d=%.3f precision %d/%d=%.3f", tp, tp + fn, recall(), tp,
                    tp + fp, precision());
        }
    }

    private record Span(String kind, int start, int end) {
    }

    @Test
    void detectorMeetsItsMeasuredQualityOnTheCorpus() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Score> scores = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        int snippets = 0;
        for (String line : TestData.lines("pii/pii-corpus.jsonl")) {
            JsonNode n = json.readTree(line);
            snippets++;
            String id = n.get("id").asText();
            String split = n.get("split").asText();
            assertEquals(Integer.parseInt(id.substring(4)) % 3 == 0 ? "heldout" : "tune", split, id);
            String text = n.get("text").asText();
            List<Span> gold = new ArrayList<>();
            n.get("pii").forEach(p -> gold.add(new Span(p.get("kind").asText(), p.get("start").asInt(), p.get("end").asInt())));
            List<Span> found = PiiDetector.standard().detect(text).stream()
                    .map(m -> new Span(m.kind().id(), m.start(), m.end())).toList();
            for (Span g : gold) {
                boolean hit = found.contains(g);
                for (String key : List.of("all", split, "all/" + g.kind())) {
                    Score s = scores.computeIfAbsent(key, k -> new Score());
                    if (hit) {
                        s.tp++;
                    } else {
                        s.fn++;
                    }
                }
                if (!hit && split.equals("tune")) {
                    errors.add("missed " + id + " " + g.kind() + " \"" + text.substring(g.start(), g.end()) + "\"");
                }
            }
            for (Span f : found) {
                if (!gold.contains(f)) {
                    for (String key : List.of("all", split, "all/" + f.kind())) {
                        scores.computeIfAbsent(key, k -> new Score()).fp++;
                    }
                    if (split.equals("tune")) {
                        errors.add("false " + id + " " + f.kind() + " \"" + text.substring(f.start(), f.end()) + "\"");
                    }
                }
            }
        }
        StringBuilder report = new StringBuilder("PII corpus (" + snippets + " snippets):\n");
        scores.forEach((k, v) -> report.append("  ").append(k).append(": ").append(v).append('\n'));
        // Only the tune part's errors are printed: reading the held-out errors would invite tuning on them.
        report.append("  errors in the tune part: ").append(errors);
        System.out.println(report);
        assertTrue(snippets >= 400, "the corpus has 414 snippets");
        Score all = scores.get("all");
        Score heldOut = scores.get("heldout");
        assertTrue(all.recall() >= MIN_RECALL && all.precision() >= MIN_PRECISION, report.toString());
        assertTrue(heldOut.recall() >= MIN_HELD_OUT_RECALL && heldOut.precision() >= MIN_HELD_OUT_PRECISION,
                report.toString());
    }

    @Test
    void scrubbingTheCorpusIsIdempotent() throws Exception {
        ObjectMapper json = new ObjectMapper();
        PiiScrubber scrubber = PiiScrubber.standard();
        // A scrubber of its own for the second scrub: the first remembers its output as clean.
        PiiScrubber second = new PiiScrubber(PiiDetector.standard());
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            for (String line : TestData.lines("pii/pii-corpus.jsonl")) {
                JsonNode n = json.readTree(line);
                String text = n.get("text").asText();
                ScrubResult once = scrubber.scrub(text);
                assertEquals(once.text(), second.scrub(once.text()).text(), n.get("id").asText());
            }
        });
    }
}
