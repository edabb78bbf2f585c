package org.vindplaats.suggest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.Need;
import org.vindplaats.model.Phenomenon;
import org.vindplaats.model.Thesaurus;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.suggest.LabelSuggester;
import org.vindplaats.suggest.PhenomenonSuggester;
import org.vindplaats.suggest.RankedLabel;
import org.vindplaats.suggest.Suggestion;

/**
 * A thesaurus' example notes teach needs: each the needs its phenomenon usually touches. They are
 * the neighbours that vote for needs (named by their first words, having no title), and no other
 * family changes because of them.
 */
class ThesaurusExamplesTeachNeedsTest {

    private static final String MULES_EXAMPLE = "Op school bieden onbekenden via Snapchat honderd euro als je je bankpas en pincode"
            + " een weekend uitleent.";

    private static final Thesaurus THESAURUS = Thesaurus.of(List.of(
            new Phenomenon("money_mules", LocalizedText.of("Geldezels", "Money mules"), List.of(), List.of(), List.of(),
                    LocalizedText.EMPTY, List.of(), List.of(), Set.of(Need.INFORMATION, Need.PRIVACY_SAFETY), Set.of(), List.of(),
                    List.of(new Phenomenon.Example("nl", MULES_EXAMPLE),
                            new Phenomenon.Example("nl", "Een leerling kreeg geld op zijn rekening van een onbekende en moest het"
                                    + " meteen doorstorten naar een andere rekening.")),
                    "test"),
            new Phenomenon("gym_culture", LocalizedText.of("Sportschoolcultuur", "Gym culture"), List.of(), List.of(), List.of(),
                    LocalizedText.EMPTY, List.of(), List.of(), Set.of(Need.HEALTH, Need.IDENTITY), Set.of(), List.of(),
                    List.of(new Phenomenon.Example("nl", "Jongens volgen fitnessinfluencers die poeders en pillen aanraden om"
                            + " sneller spieren te kweken."),
                            new Phenomenon.Example("nl", "Na de training vergelijken ze hun buikspieren op foto's en slaan ze"
                                    + " maaltijden over.")),
                    "test")));

    private static TrendNote note(String id, String body) {
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        return new TrendNote(id, "", body, List.of(), null, "nl", TrendNote.TEAM_OBSERVATION, "team", null, null, Set.of(), Set.of(),
                t, t, null, Set.of(), false);
    }

    @Test
    void anExampleVotesForItsPhenomenonsNeedsAndIsNamedByItsFirstWords() {
        TrendNote n = note("n1", "Twee jongens vertellen dat iemand op Snapchat geld bood voor hun bankpas en pincode.");
        // No lexicon and no labelled examples: what the suggester knows of needs comes from the thesaurus.
        try (LabelSuggester s = LabelSuggester.builder().baseLexicon(false).phenomena(PhenomenonSuggester.train(THESAURUS))
                .build()) {
            assertEquals(4, s.trainingSize(), "every example of a phenomenon with needs is a labelled note");
            Suggestion sg = s.suggest(n);
            List<RankedLabel> needs = sg.ranked(LabelFamily.NEEDS);
            assertEquals(Set.of("information", "privacy_safety"), Set.of(needs.get(0).label(), needs.get(1).label()), sg.toString());
            assertTrue(needs.get(1).confidence() > 2 * needs.get(2).confidence(), sg.toString());
            RankedLabel privacy = sg.candidate(LabelFamily.NEEDS, "privacy_safety").orElseThrow();
            assertTrue(!privacy.similar().isEmpty(), privacy.toString());
            RankedLabel.Neighbour nearest = privacy.similar().get(0);
            assertTrue(nearest.id().startsWith("thesaurus-money_mules-"), nearest.toString());
            assertEquals("Op school bieden onbekenden via Snapchat honderd euro als\u2026", nearest.title(),
                    "an example without a title is named by its first whole words");
        }
    }

    /**
     * Polarity and urgency have nothing to learn from a phenomenon's examples and must not change
     * because of them: as neighbours they would crowd out the labelled notes that carry those
     * labels (and change which words tell). Measured on the shipped thesaurus and knowledge centre:
     * polarity and urgency are ranked the same with and without the phenomena.
     */
    @Test
    void otherFamiliesAreRankedAsWithoutTheExamples() throws Exception {
        PhenomenonSuggester phenomena = PhenomenonSuggester.train(PhenomenaEvaluationTest.thesaurus());
        List<TrendNote> notes = TestData.devNotes().subList(0, 30);
        try (LabelSuggester without = LabelSuggester.builder().lexicon(TestData.kenniscentrumLexicon())
                .examples(TestData.kenniscentrumExamples()).build();
                LabelSuggester with = LabelSuggester.builder().lexicon(TestData.kenniscentrumLexicon())
                        .examples(TestData.kenniscentrumExamples()).phenomena(phenomena).build()) {
            assertTrue(with.trainingSize() > without.trainingSize() + 1000, with.trainingSize() + " vs " + without.trainingSize());
            int needsDiffer = 0;
            for (TrendNote n : notes) {
                Suggestion a = without.suggest(n);
                Suggestion b = with.suggest(n);
                for (LabelFamily f : List.of(LabelFamily.POLARITY, LabelFamily.URGENCY)) {
                    assertEquals(a.ranked(f), b.ranked(f), n.id() + " " + f);
                }
                if (!a.ranked(LabelFamily.NEEDS).equals(b.ranked(LabelFamily.NEEDS))) {
                    needsDiffer++;
                }
            }
            assertEquals(notes.size(), needsDiffer, "needs learn from them");
        }
    }
}
