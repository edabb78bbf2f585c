package org.vindplaats.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Feature;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.MethodStep;
import org.vindplaats.model.Need;
import org.vindplaats.model.Principle;
import org.vindplaats.model.Term;
import org.vindplaats.model.Vocabulary;

/** Every handbook term must have a Dutch and an English name and description. */
class VocabularyTest {

    static Stream<Term> allTerms() {
        List<Term> all = new ArrayList<>();
        all.addAll(List.of(Affordance.values()));
        all.addAll(List.of(Need.values()));
        all.addAll(List.of(MethodStep.values()));
        all.addAll(List.of(Principle.values()));
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("allTerms")
    void everyTermHasNameAndDescriptionInBothLanguages(Term term) {
        assertBoth(term.label(), term.vocabularyKey() + ".name");
        assertBoth(term.description(), term.vocabularyKey() + ".description");
        assertNotEquals(term.label().nl(), term.label().en().isEmpty() ? null : "",
                "name of " + term.id() + " must not be empty");
    }

    @ParameterizedTest
    @MethodSource("org.vindplaats.model.tests.VocabularyTest#affordances")
    void everyAffordanceHasOrientationQuestionsOnBothSides(Affordance affordance) {
        assertTrue(affordance.opportunityQuestions().size() >= 3, affordance.id() + ": opportunity questions");
        assertTrue(affordance.riskQuestions().size() >= 3, affordance.id() + ": risk questions");
        affordance.opportunityQuestions().forEach(q -> assertBoth(q, affordance.id() + " opportunity question"));
        affordance.riskQuestions().forEach(q -> assertBoth(q, affordance.id() + " risk question"));
        assertBoth(affordance.scale(), affordance.id() + ".scale");
    }

    static Stream<Affordance> affordances() {
        return Stream.of(Affordance.values());
    }

    @Test
    void handbookNamesAreTheDutchOnes() {
        assertEquals("Anonimiteit", Affordance.ANONYMITY.label().nl());
        assertEquals("Talentontwikkeling", Need.TALENT.label().nl());
        assertEquals("Signaleren", MethodStep.SIGNAL.label().nl());
        assertEquals(3, MethodStep.SIGNAL.number());
    }

    @Test
    void featuresAndLevelsAreLabelledInBothLanguages() {
        for (Feature f : Feature.values()) {
            assertBoth(f.label(), "feature." + f.id());
        }
        for (int level = 0; level <= 4; level++) {
            assertBoth(Affordance.levelName(level), "level." + level);
        }
    }

    @Test
    void bothLanguageFilesHaveTheSameKeys() {
        assertEquals(Vocabulary.keys("en"), Vocabulary.keys("nl"));
        assertFalse(Vocabulary.keys("nl").isEmpty());
    }

    @Test
    void unknownKeyIsEmptyNotAnException() {
        assertTrue(Vocabulary.text("no.such.key").isEmpty());
    }

    private static void assertBoth(LocalizedText text, String what) {
        assertTrue(text.nl() != null && !text.nl().isBlank(), "Dutch text missing for " + what);
        assertTrue(text.en() != null && !text.en().isBlank(), "English text missing for " + what);
    }
}
