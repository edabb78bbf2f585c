package org.vindplaats.suggest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.vindplaats.model.Need;
import org.vindplaats.model.Phenomenon;
import org.vindplaats.model.TrendNote;

/**
 * The phenomena's signal for needs: each phenomenon the note is about brings the needs it usually
 * touches (the thesaurus' {@code needs}), in proportion to how much the note is about it.
 */
final class PhenomenonPrior {

    /**
     * Per need: how much of the note's phenomena, by share, usually touch it (0..1), and the names
     * of the suggested phenomena that do (for the explanation).
     */
    record NeedPrior(Map<String, Double> prior, Map<String, List<String>> because) {
    }

    private final PhenomenonSuggester phenomena;

    /** @param phenomena null: no phenomena, no prior */
    PhenomenonPrior(PhenomenonSuggester phenomena) {
        this.phenomena = phenomena;
    }

    /** The prior for the note's needs, or null without a thesaurus. */
    NeedPrior of(TrendNote n) {
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
            for (Need need : p.needs()) {
                prior.merge(need.id(), e.getValue(), Double::sum);
                // Named only when it is suggested too, so the explanation matches what the worker sees.
                if (reading.suggested().contains(e.getKey())) {
                    because.computeIfAbsent(need.id(), k -> new ArrayList<>()).add(p.label().get(Locale.getDefault()));
                }
            }
        }
        return new NeedPrior(prior, because);
    }

    /** A need's confidence with the prior's share mixed in. */
    static double mix(double confidence, NeedPrior prior, String need) {
        return (1 - Tuning.PHENOMENON_SHARE) * confidence + Tuning.PHENOMENON_SHARE * prior.prior().getOrDefault(need, 0.0);
    }
}
