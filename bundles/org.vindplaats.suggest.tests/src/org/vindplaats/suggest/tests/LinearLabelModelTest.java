package org.vindplaats.suggest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vindplaats.model.Need;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.suggest.Evaluation;
import org.vindplaats.suggest.LabelSuggester;
import org.vindplaats.suggest.LabelledNotes;
import org.vindplaats.suggest.Tuning;
import org.vindplaats.suggest.internal.LinearLabelModel;

/** The needs model learns from labelled notes what no lexicon lists. */
class LinearLabelModelTest {

    @Test
    void learnsWhichWordGoesWithWhichLabel() {
        // Words no lexicon lists: "kookclub" goes with talent, "wachtlijst" with health, "klas" with neither.
        List<Map<String, Double>> x = new ArrayList<>();
        List<Set<String>> y = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            x.add(Map.of("w|kookclub", 1.0, "w|klas", i % 2 == 0 ? 1.0 : 0.0));
            y.add(Set.of("talent"));
            x.add(Map.of("w|wachtlijst", 1.0, "w|klas", i % 2 == 0 ? 1.0 : 0.0));
            y.add(Set.of("health"));
        }
        LinearLabelModel m = LinearLabelModel.train(x, y, List.of("talent", "health", "privacy_safety"), 1.0);

        Map<String, Double> cooking = m.probabilities(Map.of("w|kookclub", 1.0));
        assertTrue(cooking.get("talent") > 0.7 && cooking.get("health") < 0.3, cooking.toString());
        Map<String, Double> waiting = m.probabilities(Map.of("w|wachtlijst", 1.0, "w|klas", 1.0));
        assertTrue(waiting.get("health") > 0.7 && waiting.get("talent") < 0.3, waiting.toString());
        // A word never seen in training carries no weight: the label's base rate (here one half).
        Map<String, Double> unknown = m.probabilities(Map.of("w|onbekend", 1.0));
        assertEquals(0.5, unknown.get("talent"), 0.1, unknown.toString());
        // A label no training note has is never likely.
        assertEquals(0.0, cooking.get("privacy_safety"), 1e-9);
    }

    @Test
    void theNeedsModelImprovesCrossValidatedNeeds() throws Exception {
        // The same 5-fold split with and without the model: the model must earn its place.
        double with = needs(true);
        double without = needs(false);
        System.out.printf("needs macro-F1 with the model %.3f, without %.3f%n", with, without);
        assertTrue(with >= without + 0.005, "with " + with + ", without " + without);
    }

    /**
     * A large workspace (more labelled notes than get a model each): a labelled note is scored by
     * the model of the folds without it. Changing only that note's own needs must not change its
     * suggestion in any way.
     */
    @Test
    void inALargeWorkspaceANotesOwnNeedsDoNotChangeItsSuggestion() throws Exception {
        List<TrendNote> dev = LabelledNotes.mergeGold(TestData.devNotes(), TestData.devGold());
        List<TrendNote> many = new ArrayList<>();
        for (int copy = 0; copy < 4; copy++) {
            for (TrendNote n : dev) {
                many.add(copy == 0 ? n : renamed(n, n.id() + "-c" + copy));
            }
        }
        assertTrue(many.size() > 300, "beyond the per-note models");
        List<String> probes = List.of("dev-003", "dev-047", "dev-088");
        try (LabelSuggester a = LabelSuggester.builder().platforms(TestData.platforms()).training(many).build()) {
            for (String id : probes) {
                // Only this note changes: its needs become the needs it does not have.
                List<TrendNote> flipped = new ArrayList<>();
                for (TrendNote n : many) {
                    flipped.add(n.id().equals(id) ? withNeeds(n, EnumSet.complementOf(needsOf(n))) : n);
                }
                TrendNote n = many.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
                try (LabelSuggester b = LabelSuggester.builder().platforms(TestData.platforms()).training(flipped).build()) {
                    assertEquals(a.suggest(n).toJsonMap(), b.suggest(n).toJsonMap(), id);
                }
            }
        }
    }

    private static EnumSet<Need> needsOf(TrendNote n) {
        EnumSet<Need> out = EnumSet.noneOf(Need.class);
        out.addAll(n.needs());
        return out;
    }

    private static TrendNote renamed(TrendNote n, String id) {
        return new TrendNote(id, n.title(), n.body(), n.platforms(), n.observed(), n.language(), n.source(), n.author(),
                n.polarity(), n.urgency(), n.needs(), n.affordances(), n.created(), n.updated(), n.expires(),
                n.confirmed(), n.piiKept());
    }

    private static TrendNote withNeeds(TrendNote n, Set<Need> needs) {
        return new TrendNote(n.id(), n.title(), n.body(), n.platforms(), n.observed(), n.language(), n.source(),
                n.author(), n.polarity(), n.urgency(), needs, n.affordances(), n.created(), n.updated(), n.expires(),
                n.confirmed(), n.piiKept());
    }

    private static double needs(boolean model) throws Exception {
        Tuning t = Tuning.DEFAULT;
        return new Evaluation().folds(5).seed(42).needModel(model).platforms(TestData.platforms())
                .extraTraining(TestData.kenniscentrumLexicon(), TestData.kenniscentrumExamples(), "kenniscentrum-voorbeeld")
                .tuning(t).run(TestData.devNotes(), TestData.devGold(), null).macroF1(LabelFamily.NEEDS);
    }
}
