package org.vindplaats.suggest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.suggest.Evaluation;
import org.vindplaats.suggest.Labels;

/**
 * Suggestion quality on the dev evaluation set (5-fold cross-validation, seed 42). The floors sit
 * a little below the measured figures (see docs/need-mapping.md) so that a regression fails.
 */
class EvaluationTest {

    @Test
    void crossValidationOnTheDevSetWithThePluginsTraining() throws Exception {
        List<TrendNote> notes = TestData.devNotes();
        Map<String, Labels> gold = TestData.devGold();
        Evaluation.Report report = new Evaluation().folds(5).seed(42).platforms(TestData.platforms())
                .extraTraining(TestData.kenniscentrumLexicon(), TestData.kenniscentrumExamples(), "kenniscentrum-voorbeeld")
                .run(notes, gold, null);
        System.out.println(report.toText());
        assertEquals(90, report.notes());
        assertTrue(report.macroF1(LabelFamily.NEEDS) >= NEEDS_FLOOR, report.toText());
        assertTrue(report.macroF1(LabelFamily.AFFORDANCES) >= AFFORDANCES_FLOOR, report.toText());
        assertTrue(report.macroF1(LabelFamily.PLATFORMS) >= PLATFORMS_FLOOR, report.toText());
        assertTrue(report.macroF1(LabelFamily.POLARITY) >= POLARITY_FLOOR, report.toText());
        assertTrue(report.macroF1(LabelFamily.URGENCY) >= URGENCY_FLOOR, report.toText());
        assertEquals(6, report.labels(LabelFamily.NEEDS).size());
        assertEquals(31, report.labels(LabelFamily.NEEDS).stream().filter(l -> l.label().equals("health"))
                .findFirst().orElseThrow().support(), "support is the gold count");

        Evaluation.Report again = new Evaluation().folds(5).seed(42).platforms(TestData.platforms())
                .extraTraining(TestData.kenniscentrumLexicon(), TestData.kenniscentrumExamples(), "kenniscentrum-voorbeeld")
                .run(notes, gold, null);
        assertEquals(report.toText(), again.toText(), "the same seed gives the same figures");
    }

    @Test
    void tooFewNotesForTheFoldsIsExplained() throws Exception {
        List<TrendNote> notes = TestData.devNotes().subList(0, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Evaluation().folds(5).run(notes, TestData.devGold(), null));
        assertTrue(e.getMessage().contains("5") && e.getMessage().contains("3"), e.getMessage());
    }

    static final double NEEDS_FLOOR = 0.70;
    static final double AFFORDANCES_FLOOR = 0.61;
    static final double PLATFORMS_FLOOR = 0.90;
    static final double POLARITY_FLOOR = 0.48;
    static final double URGENCY_FLOOR = 0.60;
}
