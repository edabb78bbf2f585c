package org.vindplaats.suggest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.Phenomenon;
import org.vindplaats.model.Thesaurus;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.suggest.PhenomenonSuggester;

/**
 * Confirmed phenomena train later suggestions: a team that confirms a phenomenon on notes the
 * thesaurus' examples do not resemble gets it suggested for the next such note, and the
 * suggestion names the confirmed note as the reason. Unconfirmed notes teach nothing.
 */
class PhenomenonTrainingTest {

    private static Phenomenon phenomenon(String id, String nl, List<String> examples) {
        return new Phenomenon(id, LocalizedText.of(nl, nl), List.of(), List.of(), List.of(), LocalizedText.EMPTY, List.of(),
                List.of(), Set.of(), Set.of(), List.of(), examples.stream().map(e -> new Phenomenon.Example("nl", e)).toList(),
                "test");
    }

    private static final Thesaurus THESAURUS = Thesaurus.of(List.of(
            phenomenon("money_mules", "Geldezels", List.of("Jongeren lenen hun bankpas uit aan onbekenden voor snel geld.",
                    "Een leerling kreeg geld op zijn rekening en moest het meteen doorstorten.")),
            phenomenon("gambling", "Gokken", List.of("Jongeren gokken op voetbalwedstrijden met een app van een vriend.",
                    "Lootboxen openen voelt als een gokkast voor de leerlingen.")),
            phenomenon("challenges", "Challenges", List.of("Een gevaarlijke challenge gaat rond waarbij jongeren hun adem inhouden.",
                    "Leerlingen filmen elkaar bij een challenge met brandende deodorant."))));

    private static TrendNote note(String id, String title, String body, Set<LabelFamily> confirmed, List<String> phenomena) {
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        return new TrendNote(id, title, body, List.of(), null, "nl", TrendNote.TEAM_OBSERVATION, "team", null, null, Set.of(),
                Set.of(), t, t, null, confirmed, false, phenomena);
    }

    private static final String NEW_NOTE = "Weer iemand die zijn Fortnite-account met skins verkoopt via een Telegramgroep,"
            + " betaling met cadeaukaarten.";

    @Test
    void aPhenomenonConfirmedOnUnlikeNotesIsSuggestedForTheNextOneWithTheNoteAsReason() {
        String confirmedText = "Leerlingen verkopen hun Fortnite-account met zeldzame skins in een Telegramgroep voor cadeaukaarten.";
        TrendNote confirmed = note("c1", "Accounts verkocht", confirmedText, Set.of(LabelFamily.PHENOMENA), List.of("money_mules"));
        TrendNote unconfirmed = note("u1", "Accounts verkocht", confirmedText, Set.of(), List.of("challenges"));

        PhenomenonSuggester before = PhenomenonSuggester.train(THESAURUS);
        PhenomenonSuggester ignoringUnconfirmed = PhenomenonSuggester.train(THESAURUS, List.of(unconfirmed));
        PhenomenonSuggester after = PhenomenonSuggester.train(THESAURUS, List.of(confirmed, unconfirmed));

        double shareBefore = before.shares(NEW_NOTE).getOrDefault("money_mules", 0.0);
        double shareAfter = after.shares(NEW_NOTE).getOrDefault("money_mules", 0.0);
        assertTrue(shareAfter > shareBefore + 0.2, "confirming must teach: " + shareBefore + " -> " + shareAfter);
        assertEquals(before.shares(NEW_NOTE), ignoringUnconfirmed.shares(NEW_NOTE), "an unconfirmed note teaches nothing");

        List<PhenomenonSuggester.Ranked> suggested = after.suggest(NEW_NOTE);
        assertFalse(suggested.isEmpty());
        assertEquals("money_mules", suggested.get(0).id());
        assertTrue(suggested.get(0).because().contains(confirmedText), suggested.get(0).because());
    }
}
