package org.vindplaats.suggest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.vindplaats.model.Phenomenon;
import org.vindplaats.model.Thesaurus;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;

/**
 * The phenomena's signal for needs and affordances: each phenomenon the note is about brings the
 * needs it usually touches and the affordances it usually leans on (the thesaurus' {@code needs}
 * and {@code affordances}), in proportion to how much the note is about it.
 */
final class PhenomenonPrior {

    /**
     * Per need or affordance (by id): how much of the note's phenomena, by share, usually touch it
     * (0..1), and the names of the suggested phenomena that do (for the explanation).
     */
    record Prior(Map<String, Double> prior, Map<String, List<String>> because) {
    }

    private final PhenomenonSuggester phenomena;

    /** @param phenomena null: no phenomena, no prior */
    PhenomenonPrior(PhenomenonSuggester phenomena) {
        this.phenomena = phenomena;
    }

    /** The prior for the note's needs and affordances, or null without a thesaurus. */
    Prior of(TrendNote n) {
        if (phenomena == null || phenomena.thesaurus().isEmpty()) {
            return null;
        }
        PhenomenonSuggester.Reading reading = phenomena.read(LabelSuggester.text(n));
        Map<String, Double> shares = reading.shares();
        Map<String, Double> prior = new HashMap<>();
        Map<String, List<String>> because = new HashMap<>();
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            Phenomenon p = phenomena.thesaurus().get(e.getKey()).orElse(null);
            if (p == null) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            p.needs().forEach(need -> ids.add(need.id()));
            p.affordances().forEach(a -> ids.add(a.id()));
            for (String id : ids) {
                prior.merge(id, e.getValue(), Double::sum);
                // Named only when it is suggested too, so the explanation matches what the worker sees.
                if (reading.suggested().contains(e.getKey())) {
                    because.computeIfAbsent(id, k -> new ArrayList<>()).add(p.label().get(Locale.getDefault()));
                }
            }
        }
        return new Prior(prior, because);
    }

    /**
     * The thesaurus' example notes as labelled notes for needs: each teaches the needs its
     * phenomenon usually touches (and no other family: those are a knowledge centre's word for
     * the phenomenon, not a worker's reading of the note). A thesaurus has five times as many
     * examples as the labelled examples of a knowledge centre, in many more wordings: with them
     * needs rose on every development set (dev set 5-fold CV 0.789 to 0.794, knowledge centre
     * alone 0.793 to 0.804, concept set 0.807 to 0.818, multi-label set 0.752 to 0.773, 7 Dec 2026).
     * Their affordances were tried too and left out: they lowered the dev set's affordances from
     * 0.690 to 0.612. Ids: "thesaurus-", the phenomenon's id and the example's number.
     */
    static List<TrendNote> needsExamples(Thesaurus thesaurus) {
        List<TrendNote> out = new ArrayList<>();
        for (Phenomenon p : thesaurus.all()) {
            if (p.needs().isEmpty()) {
                continue;
            }
            int i = 0;
            for (Phenomenon.Example e : p.examples()) {
                out.add(new TrendNote("thesaurus-" + p.id() + "-" + ++i, "", e.text(), List.of(), null, e.lang(), null, null,
                        null, null, p.needs(), Set.of(), null, null, null, EnumSet.of(LabelFamily.NEEDS), false));
            }
        }
        return out;
    }

    /** A need's or affordance's confidence with the prior's share for its family mixed in. */
    static double mix(double confidence, Prior prior, String label, double share) {
        return (1 - share) * confidence + share * prior.prior().getOrDefault(label, 0.0);
    }
}
