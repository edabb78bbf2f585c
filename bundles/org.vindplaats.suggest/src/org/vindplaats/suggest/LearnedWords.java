package org.vindplaats.suggest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.suggest.internal.Messages;

/**
 * The term statistics' signal: words of the note that went with a label clearly more often than
 * the label's base rate in the labelled notes (without the note itself), seen in at least
 * {@link Tuning#MIN_WORD_NOTES} of them. The strongest such words join the label's explanation.
 */
final class LearnedWords {

    private final TrainingNotes training;
    private final double scale;

    LearnedWords(TrainingNotes training, double scale) {
        this.training = training;
        this.scale = scale;
    }

    /**
     * @param noteStems         the note's stems, each with the word it came from
     * @param known             how many labelled notes (without {@code self}) carry the family
     * @param explanationWords  per label the words already named; the learned words are added
     */
    Map<String, Double> score(LabelFamily family, Map<String, String> noteStems, Set<Integer> self, int known,
            Map<String, List<String>> explanationWords) {
        Map<String, Double> out = new HashMap<>();
        if (known <= 0) {
            return out;
        }
        Map<String, TrainingNotes.Counts> stats = training.stemCounts(family);
        Map<String, Map<String, Double>> contributions = new HashMap<>();
        for (String stem : noteStems.keySet()) {
            TrainingNotes.Counts s = stats.get(stem);
            if (s == null) {
                continue;
            }
            int matched = s.matched;
            Map<String, Integer> with = new HashMap<>(s.withLabel);
            for (int o : self) {
                TrainingNotes.Trained t = training.get(o);
                if (!t.labels().ids(family).isEmpty() && t.stems().contains(stem)) {
                    matched--;
                    t.labels().ids(family).forEach(l -> with.merge(l, -1, Integer::sum));
                }
            }
            if (matched < Tuning.MIN_WORD_NOTES) {
                continue;
            }
            for (Map.Entry<String, Integer> e : with.entrySet()) {
                double base = training.labelCount(family, e.getKey(), self) / (double) known;
                double p = (e.getValue() + Tuning.PRIOR_WEIGHT * base) / (matched + Tuning.PRIOR_WEIGHT);
                double lift = p - base;
                if (lift > Tuning.MIN_LIFT) {
                    out.merge(e.getKey(), lift, Double::sum);
                    contributions.computeIfAbsent(e.getKey(), k -> new HashMap<>()).put(stem, lift);
                }
            }
        }
        out.replaceAll((l, v) -> 1 - Math.exp(-v / scale));
        contributions.forEach((label, byStem) -> {
            List<String> words = explanationWords.computeIfAbsent(label, k -> new ArrayList<>());
            byStem.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(Tuning.EXPLAINED_LEARNED_WORDS).forEach(e -> {
                        String surface = noteStems.get(e.getKey());
                        String w = NLS.bind(Messages.Suggest_learnedWord, surface);
                        // A word the lexicon already named is not repeated.
                        if (!words.contains(w) && words.stream().noneMatch(x -> x.equalsIgnoreCase(surface))) {
                            words.add(w);
                        }
                    });
        });
        return out;
    }
}
