package org.vindplaats.suggest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.model.Urgency;
import org.vindplaats.suggest.LabelSuggester;
import org.vindplaats.suggest.Lexicon;
import org.vindplaats.suggest.RankedLabel;
import org.vindplaats.suggest.Suggestion;

/** What a worker sees: suggestions, their reasons, and that a note never sees its own labels. */
class LabelSuggesterTest {

    static TrendNote note(String id, String title, String body, List<String> platforms) {
        return new TrendNote(id, title, body, platforms, null, "nl", TrendNote.TEAM_OBSERVATION, null, null, null,
                null, null, null, null, null, Set.of(), false);
    }

    static TrendNote confirmed(String id, String title, String body, Set<Need> needs, Set<Affordance> affordances) {
        return new TrendNote(id, title, body, List.of(), null, "nl", TrendNote.TEAM_OBSERVATION, null, Polarity.RISK,
                Urgency.CONCERN, needs, affordances, null, null, null,
                EnumSet.of(LabelFamily.NEEDS, LabelFamily.AFFORDANCES, LabelFamily.POLARITY, LabelFamily.URGENCY),
                false);
    }

    private static final String SLEEP_TITLE = "Slaapt nog maar vier uur";
    private static final String SLEEP_BODY = "Hij gamet elke nacht tot vier uur, is doodmoe op school, eet slecht en "
            + "zegt dat hij zich somber voelt. We maken ons zorgen over zijn gezondheid.";

    @Test
    void lexiconAloneSuggestsOnAnEmptyWorkspace() throws Exception {
        try (LabelSuggester s = LabelSuggester.builder().lexicon(TestData.kenniscentrumLexicon())
                .platforms(TestData.platforms()).build()) {
            assertEquals(0, s.trainingSize());
            Suggestion sg = s.suggest(note("x1", "Gepest in de klasgroep",
                    "Een meisje wordt al weken gepest in de klasgroep op WhatsApp; ze slaapt slecht en wil niet meer naar school.",
                    List.of()));
            assertTrue(sg.chosen(LabelFamily.NEEDS).contains("relationships"), sg.toJsonMap().toString());
            assertEquals(List.of("whatsapp"), sg.chosen(LabelFamily.PLATFORMS));
            assertFalse(sg.chosen(LabelFamily.AFFORDANCES).isEmpty(), "at least one affordance");
            RankedLabel rel = sg.candidate(LabelFamily.NEEDS, "relationships").orElseThrow();
            assertTrue(rel.words().stream().anyMatch(w -> w.toLowerCase().contains("gepest")), rel.words().toString());
            assertTrue(rel.similar().isEmpty(), "no labelled notes, so no similar notes");
            RankedLabel platform = sg.candidate(LabelFamily.PLATFORMS, "whatsapp").orElseThrow();
            assertTrue(platform.words().contains("WhatsApp"), platform.words().toString());
        }
    }

    @Test
    void nicknamesAndSlangFindPlatformsAndTheAuthorsTagsCount() throws Exception {
        try (LabelSuggester s = LabelSuggester.builder().lexicon(TestData.kenniscentrumLexicon())
                .platforms(TestData.platforms()).build()) {
            Suggestion sg = s.suggest(note("x2", "Filmpjes op insta", "Ze zetten hun filmpjes eerst op TT en daarna op insta.",
                    List.of("youtube")));
            assertEquals(Set.of("instagram", "tiktok", "youtube"), Set.copyOf(sg.chosen(LabelFamily.PLATFORMS)));
            assertTrue(sg.candidate(LabelFamily.PLATFORMS, "youtube").orElseThrow().words().get(0).contains("author"));
            Suggestion plain = s.suggest(note("x3", "Signaal", "We signal this to the team; the threads of the talk were long.",
                    List.of()));
            assertTrue(plain.chosen(LabelFamily.PLATFORMS).isEmpty(), "ordinary words are not platforms: "
                    + plain.chosen(LabelFamily.PLATFORMS));
        }
    }

    @Test
    void aNoteNeverSeesItsOwnConfirmedLabels() throws Exception {
        // The worker confirmed "talent" and "visibility" for a text that is plainly about health.
        TrendNote self = confirmed("n1", SLEEP_TITLE, SLEEP_BODY, Set.of(Need.TALENT), Set.of(Affordance.VISIBILITY));
        // A copy under the same id (e.g. an older revision) carries other labels again.
        TrendNote copy = confirmed("n1", SLEEP_TITLE, SLEEP_BODY, Set.of(Need.IDENTITY), Set.of(Affordance.ANONYMITY));
        List<TrendNote> others = List.of(
                confirmed("o1", "Samen muziek maken", "Jongeren maken samen beats en delen hun muziek, een talent.",
                        Set.of(Need.TALENT), Set.of(Affordance.SPREADABILITY)),
                confirmed("o2", "Eetstoornis en filters", "Pro-ana filmpjes en afvallen: zorgen over gezondheid en eten.",
                        Set.of(Need.HEALTH), Set.of(Affordance.ACCESSIBILITY)));
        Suggestion blind;
        try (LabelSuggester s = LabelSuggester.builder().lexicon(TestData.kenniscentrumLexicon()).training(others)
                .build()) {
            blind = s.suggest(self);
        }
        try (LabelSuggester s = LabelSuggester.builder().lexicon(TestData.kenniscentrumLexicon()).examples(List.of(copy))
                .training(List.of(self, others.get(0), others.get(1))).build()) {
            Suggestion sg = s.suggest(self);
            // The text speaks: health, not the confirmed "talent" nor the copy's "identity".
            assertTrue(sg.chosen(LabelFamily.NEEDS).contains("health"), sg.toJsonMap().toString());
            assertFalse(sg.chosen(LabelFamily.NEEDS).contains("identity"), sg.toJsonMap().toString());
            assertFalse(sg.chosen(LabelFamily.AFFORDANCES).contains("anonymity"), sg.toJsonMap().toString());
            // Exactly what the note gets when neither it nor its copy were ever labelled.
            for (LabelFamily f : List.of(LabelFamily.NEEDS, LabelFamily.AFFORDANCES, LabelFamily.POLARITY,
                    LabelFamily.URGENCY)) {
                assertEquals(blind.chosen(f), sg.chosen(f), f + ": " + sg.toJsonMap() + " vs " + blind.toJsonMap());
                for (RankedLabel l : sg.ranked(f)) {
                    double without = blind.candidate(f, l.label()).orElseThrow().confidence();
                    assertEquals(without, l.confidence(), 0.05, f + "/" + l.label());
                    assertTrue(l.similar().stream().noneMatch(n -> n.id().equals("n1")),
                            "the note itself is never its own neighbour: " + l);
                }
            }
            // The same text under another id is a different note and may be a neighbour.
            Suggestion other = s.suggest(confirmed("n2", SLEEP_TITLE, SLEEP_BODY, Set.of(), Set.of()));
            assertTrue(other.ranked(LabelFamily.NEEDS).stream().anyMatch(
                    l -> l.similar().stream().anyMatch(n -> n.id().equals("n1"))), other.toJsonMap().toString());
        }
    }

    @Test
    void confirmedLabelsImproveALaterSuggestion() throws Exception {
        // Without any word list, "streaks" says nothing about relationships...
        Lexicon none = Lexicon.empty();
        TrendNote later = note("new", "Streaks", "Ze houden hun streaks vol met de hele klas, elke dag een snap.", List.of());
        double before;
        try (LabelSuggester s = LabelSuggester.builder().lexicon(none).baseLexicon(false).build()) {
            before = s.suggest(later).candidate(LabelFamily.NEEDS, "relationships").orElseThrow().confidence();
        }
        // ...until workers confirmed it on earlier notes.
        List<TrendNote> training = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            training.add(confirmed("c" + i, "Streaks " + i, "Streaks met vrienden uit de klas bijhouden, dag " + i + ".",
                    Set.of(Need.RELATIONSHIPS), Set.of(Affordance.REACHABILITY)));
            training.add(confirmed("d" + i, "Filmpjes maken " + i, "Een eigen kanaal met filmpjes over koken, deel " + i + ".",
                    Set.of(Need.TALENT), Set.of(Affordance.VISIBILITY)));
        }
        try (LabelSuggester s = LabelSuggester.builder().lexicon(none).baseLexicon(false).training(training).build()) {
            Suggestion sg = s.suggest(later);
            RankedLabel rel = sg.candidate(LabelFamily.NEEDS, "relationships").orElseThrow();
            assertTrue(rel.confidence() > before + 0.3, before + " -> " + rel.confidence());
            assertEquals("relationships", sg.chosen(LabelFamily.NEEDS).get(0));
            assertEquals("reachability", sg.chosen(LabelFamily.AFFORDANCES).get(0));
            assertFalse(rel.similar().isEmpty());
            assertTrue(rel.similar().get(0).id().startsWith("c"), rel.similar().toString());
            assertTrue(rel.similar().get(0).title().startsWith("Streaks"), rel.similar().toString());
            // The explanation names the word it learned, as written in the note.
            assertTrue(rel.words().stream().anyMatch(w -> w.toLowerCase().startsWith("streaks") && w.contains("learned")),
                    rel.words().toString());
        }
    }

    /**
     * Many notes are suggested on every core: the same suggestions, in the same order, as one by
     * one. The dev notes, labelled, are training notes too (367 with the examples), so each is
     * suggested by a needs model trained without its fold: the models other threads share.
     */
    @Test
    void suggestingManyAtOnceGivesWhatOneByOneGives() throws Exception {
        List<TrendNote> dev = org.vindplaats.suggest.LabelledNotes.mergeGold(TestData.devNotes(), TestData.devGold());
        try (LabelSuggester together = LabelSuggester.builder().lexicon(TestData.kenniscentrumLexicon())
                .examples(TestData.kenniscentrumExamples()).training(dev).platforms(TestData.platforms()).build();
                LabelSuggester alone = LabelSuggester.builder().lexicon(TestData.kenniscentrumLexicon())
                        .examples(TestData.kenniscentrumExamples()).training(dev).platforms(TestData.platforms()).build()) {
            List<TrendNote> notes = new java.util.ArrayList<>(dev);
            notes.addAll(dev); // twice: more notes than one batch, and the same fold asked for at once
            List<Map<String, Object>> oneByOne = notes.stream().map(n -> alone.suggest(n).toJsonMap()).toList();
            List<Map<String, Object>> atOnce = together.suggestAll(notes, null).stream().map(sg -> sg.toJsonMap()).toList();
            assertEquals(oneByOne, atOnce);
        }
    }

    @Test
    void jsonShapeIsTheCliContract() throws Exception {
        try (LabelSuggester s = LabelSuggester.builder().lexicon(TestData.kenniscentrumLexicon())
                .examples(TestData.kenniscentrumExamples()).platforms(TestData.platforms()).build()) {
            TrendNote n = note("j1", "Sextortion via Snapchat",
                    "Een jongen werd afgeperst met een naaktfoto die hij op Snap had gestuurd; hij moet betalen of de foto gaat rond.",
                    List.of());
            Map<String, Object> json = s.suggest(n).toJsonMap();
            assertEquals(List.of("id", "needs", "affordances", "platforms", "polarity", "urgency", "explain"),
                    List.copyOf(json.keySet()));
            assertEquals("j1", json.get("id"));
            assertTrue(((List<?>) json.get("platforms")).contains("snapchat"), json.toString());
            assertEquals("risk", json.get("polarity"), json.toString());
            assertEquals("immediate", json.get("urgency"), json.toString());
            assertTrue(((List<?>) json.get("needs")).contains("privacy_safety"), json.toString());
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Map<String, Object>>> explain = (Map<String, Map<String, Map<String, Object>>>) json
                    .get("explain");
            Map<String, Object> urgent = explain.get("urgency").get("immediate");
            assertTrue(((List<?>) urgent.get("words")).stream().anyMatch(w -> w.toString().contains("afgeperst")
                    || w.toString().toLowerCase().contains("sextortion")), urgent.toString());
            assertTrue(((Number) urgent.get("confidence")).doubleValue() > 0);
            List<?> similar = (List<?>) explain.get("needs").get("privacy_safety").get("similar");
            assertFalse(similar.isEmpty(), "similar labelled examples are named");
            assertTrue(((Map<?, ?>) similar.get(0)).get("id").toString().startsWith("kcv-"), similar.toString());
        }
    }
}
