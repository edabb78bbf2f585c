package org.vindplaats.suggest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The decision values the phenomenon tagger ranks by are computed without liblinear's per-call
 * overhead; they must be liblinear's own, to the last bit, or a tag could flip at a threshold.
 */
class DecisionValuesTest {

    @Test
    void sameValuesAsLiblinearToTheLastBit() {
        Random random = new Random(42);
        List<String> labels = new ArrayList<>();
        for (int l = 0; l < 12; l++) {
            labels.add("label" + l);
        }
        labels.add("never"); // no note has it: a constant
        List<Map<String, Double>> examples = new ArrayList<>();
        List<Set<String>> y = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Map<String, Double> x = new HashMap<>();
            for (int k = 0; k < 25; k++) {
                x.put("f" + random.nextInt(400), random.nextDouble());
            }
            examples.add(x);
            Set<String> has = new HashSet<>();
            has.add(labels.get(random.nextInt(12)));
            if (random.nextInt(4) == 0) {
                has.add(labels.get(random.nextInt(12)));
            }
            y.add(has);
        }
        LinearLabelModel model = LinearLabelModel.train(examples, y, labels, 1.0);
        int compared = 0;
        for (int i = 0; i < 500; i++) {
            Map<String, Double> x = new HashMap<>();
            int size = random.nextInt(60);
            for (int k = 0; k < size; k++) {
                // Unknown features (f400 and up) and zero values are ignored by both.
                x.put("f" + random.nextInt(480), random.nextInt(10) == 0 ? 0.0 : random.nextGaussian());
            }
            Map<String, Double> ours = model.decisionValues(x);
            Map<String, Double> theirs = model.decisionValuesByLiblinear(x);
            assertEquals(theirs, ours, "features " + x);
            for (String label : labels) {
                assertEquals(Double.doubleToRawLongBits(theirs.get(label)), Double.doubleToRawLongBits(ours.get(label)), label);
            }
            compared += ours.size();
        }
        assertEquals(500 * labels.size(), compared);
        assertEquals(Double.NEGATIVE_INFINITY, model.decisionValues(Map.of()).get("never"));
        assertTrue(Double.isFinite(model.decisionValues(Map.of()).get("label0")), "the bias alone");
    }

    /**
     * The labels are trained at the same time, sharing the feature vectors: each must come out
     * as if it had been trained alone (nothing of one label's problem leaks into another's).
     */
    @Test
    void labelsTrainedTogetherEqualEachTrainedAlone() {
        Random random = new Random(7);
        List<String> labels = new ArrayList<>();
        for (int l = 0; l < 16; l++) {
            labels.add("label" + l);
        }
        List<Map<String, Double>> examples = new ArrayList<>();
        List<Set<String>> y = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Map<String, Double> x = new HashMap<>();
            for (int k = 0; k < 30; k++) {
                x.put("f" + random.nextInt(500), random.nextDouble());
            }
            examples.add(x);
            y.add(Set.of(labels.get(random.nextInt(labels.size()))));
        }
        LinearLabelModel together = LinearLabelModel.train(examples, y, labels, 300);
        for (String label : labels) {
            LinearLabelModel alone = LinearLabelModel.train(examples, y, List.of(label), 300);
            for (int i = 0; i < 50; i++) {
                Map<String, Double> x = examples.get(i * 8);
                assertEquals(Double.doubleToRawLongBits(alone.decisionValues(x).get(label)),
                        Double.doubleToRawLongBits(together.decisionValues(x).get(label)), label + " on example " + i * 8);
            }
        }
    }
}
