package org.vindplaats.suggest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.suggest.LabelSuggester;
import org.vindplaats.suggest.RankedLabel;
import org.vindplaats.suggest.StrongSignals;
import org.vindplaats.suggest.Suggestion;

/**
 * Urgency never rests on word counts alone for the signals that matter most: an adult asking a
 * child for pictures is "immediate" with the reason named; threats, self-harm and weapons are never
 * "for information".
 */
class StrongSignalsTest {

    private static final String ADULT_TITLE = "Man vraagt meisje (14) om foto's";
    private static final String ADULT_BODY = "Een volwassene stuurt een meisje van 14 's nachts berichten en vraagt "
            + "om foto's in haar pyjama. Ze weet niet wat ze moet doen.";

    @Test
    void anAdultAskingAChildForPicturesIsImmediateWithTheReasonNamed() throws Exception {
        try (LabelSuggester s = LabelSuggester.builder().lexicon(TestData.kenniscentrumLexicon())
                .platforms(TestData.platforms()).build()) {
            Suggestion sg = s.suggest(LabelSuggesterTest.note("a1", ADULT_TITLE, ADULT_BODY, List.of()));
            assertEquals(List.of("immediate"), sg.chosen(LabelFamily.URGENCY));
            RankedLabel now = sg.candidate(LabelFamily.URGENCY, "immediate").orElseThrow();
            assertTrue(now.confidence() >= 0.9, String.valueOf(now.confidence()));
            assertTrue(now.words().contains("volwassene") && now.words().contains("pyjama"), now.words().toString());
        }
    }

    @Test
    void threatsSelfHarmAndWeaponsAreNeverForInformation() throws Exception {
        try (LabelSuggester s = LabelSuggester.builder().lexicon(TestData.kenniscentrumLexicon())
                .platforms(TestData.platforms()).build()) {
            for (String[] note : new String[][] {
                    { "Bericht in de groepschat", "Iemand schreef in de klasgroep dat hij een jongen gaat opwachten met een mes." },
                    { "Story van gisteravond", "Een leerling postte een story over zelfbeschadiging en schreef dat ze niet meer wil leven." },
                    { "Chat after the match", "A boy received a message that they would kill him after school." } }) {
                Suggestion sg = s.suggest(LabelSuggesterTest.note("n", note[0], note[1], List.of()));
                assertNotEquals(List.of("info"), sg.chosen(LabelFamily.URGENCY), note[1]);
                String chosen = sg.chosen(LabelFamily.URGENCY).get(0);
                assertFalse(sg.candidate(LabelFamily.URGENCY, chosen).orElseThrow().words().isEmpty(), "a reason is named");
            }
        }
    }

    /** A word in the title and again in the text (or in other case) is one reason, named once. */
    @Test
    void aReasonIsNamedOnceHoweverOftenTheNoteSaysIt() throws Exception {
        try (LabelSuggester s = LabelSuggester.builder().lexicon(TestData.kenniscentrumLexicon())
                .platforms(TestData.platforms()).build()) {
            Suggestion sg = s.suggest(LabelSuggesterTest.note("s1", "Sextortion bij een jongen (15)",
                    "Na een naaktfoto eist iemand geld. Het is sextortion: de jongen is in paniek. Sextortion komt vaker voor.",
                    List.of()));
            for (LabelFamily f : List.of(LabelFamily.URGENCY, LabelFamily.NEEDS)) {
                for (String label : sg.chosen(f)) {
                    List<String> words = sg.candidate(f, label).orElseThrow().words().stream()
                            .map(w -> w.toLowerCase(java.util.Locale.ROOT)).toList();
                    assertEquals(words.stream().distinct().toList(), words, f + " " + label);
                    if (f == LabelFamily.URGENCY) {
                        assertTrue(words.contains("sextortion"), words.toString());
                    }
                }
            }
        }
    }

    @Test
    void narrowWordsOnly() {
        assertTrue(StrongSignals.find("Sexist comments under a 17-year-old girl's stream").isEmpty(), "sexist is not sexual");
        assertTrue(StrongSignals.find("Ze chatten via Facebook Messenger over het menu van de kookles.").isEmpty());
        var peers = StrongSignals.find("Twee jongens van 15 sturen elkaar naaktfoto's (sexting).");
        assertEquals(1, peers.size());
        assertFalse(peers.get(0).immediate(), "between peers: a concern, not a crime against a child by itself");
    }
}
