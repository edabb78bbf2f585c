package org.vindplaats.suggest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.vindplaats.model.Phenomenon;
import org.vindplaats.model.TrendNote;

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

    /** A need's or affordance's confidence with the prior's share for its family mixed in. */
    static double mix(double confidence, Prior prior, String label, double share) {
        return (1 - share) * confidence + share * prior.prior().getOrDefault(label, 0.0);
    }
}
