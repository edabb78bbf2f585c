package org.vindplaats.suggest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.osgi.util.NLS;
import org.junit.jupiter.api.Test;
import org.vindplaats.model.Need;
import org.vindplaats.model.Phenomenon;
import org.vindplaats.model.Thesaurus;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.suggest.LabelSuggester;
import org.vindplaats.suggest.PhenomenonSuggester;
import org.vindplaats.suggest.RankedLabel;
import org.vindplaats.suggest.internal.Messages;

/**
 * A suggested need says which of the note's phenomena usually touch it ("phenomenon Grooming"),
 * and an affordance which of them usually lean on it: exactly the phenomena the worker sees
 * suggested for the note, no others, also now that suggestions are chosen with other bars than
 * the shares the needs use.
 */
class NeedExplanationTest {

    @Test
    void aNeedNamesExactlyTheSuggestedPhenomenaThatTouchIt() throws Exception {
        Thesaurus t = PhenomenaEvaluationTest.thesaurus();
        PhenomenonSuggester phenomena = PhenomenonSuggester.train(t);
        List<TrendNote> notes = TestData.jsonl("org.vindplaats.suggest.tests", "testdata/eval-phenomena-multi/notes.jsonl");
        int named = 0;
        try (LabelSuggester s = LabelSuggester.builder().lexicon(TestData.kenniscentrumLexicon())
                .examples(TestData.kenniscentrumExamples()).phenomena(phenomena).build()) {
            for (TrendNote n : notes) {
                List<String> suggested = phenomena.suggest(n).stream().map(PhenomenonSuggester.Ranked::id).toList();
                var suggestion = s.suggest(n);
                List<RankedLabel> labels = new java.util.ArrayList<>(suggestion.ranked().get(LabelFamily.NEEDS));
                labels.addAll(suggestion.ranked().get(LabelFamily.AFFORDANCES));
                for (RankedLabel need : labels) {
                    Set<String> expected = new TreeSet<>();
                    for (String id : suggested) {
                        Phenomenon p = t.get(id).orElseThrow();
                        if (p.needs().stream().map(Need::id).anyMatch(need.label()::equals)
                                || p.affordances().stream().map(a -> a.id()).anyMatch(need.label()::equals)) {
                            expected.add(NLS.bind(Messages.Suggest_phenomenon, p.label().get(Locale.getDefault())));
                        }
                    }
                    Set<String> actual = new TreeSet<>();
                    Set<String> anyPhenomenon = new HashSet<>();
                    t.all().forEach(p -> anyPhenomenon.add(NLS.bind(Messages.Suggest_phenomenon, p.label().get(Locale.getDefault()))));
                    need.words().stream().filter(anyPhenomenon::contains).forEach(actual::add);
                    assertEquals(expected, actual, n.id() + " need " + need.label() + ", suggested " + suggested);
                    named += actual.size();
                }
            }
        }
        assertTrue(named > 100, "needs and affordances name the note's phenomena: " + named);
    }
}
