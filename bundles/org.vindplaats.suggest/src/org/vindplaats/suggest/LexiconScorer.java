package org.vindplaats.suggest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.suggest.internal.LexiconMatcher.Hit;

/**
 * The lexicon's signal: the signal words of a note per label, each weighted by how specific it is
 * (a word listed for several labels says less about each) and by how telling it proved in the
 * labelled notes (see {@link #reliability}).
 */
final class LexiconScorer {

    /** Per label a confidence (0..1) and the words of the note that point to it. */
    record Scores(Map<String, Double> confidence, Map<String, List<String>> words) {
    }

    private final Lexicon lexicon;
    private final TrainingNotes training;
    private final double scale;

    LexiconScorer(Lexicon lexicon, TrainingNotes training, double scale) {
        this.lexicon = lexicon;
        this.training = training;
        this.scale = scale;
    }

    Scores score(LabelFamily family, List<Hit> hits, Set<Integer> self) {
        Map<String, Double> raw = new HashMap<>();
        Map<String, List<String>> words = new HashMap<>();
        Map<String, Set<String>> phraseLabels = new HashMap<>();
        for (Hit h : hits) {
            if (h.entry().family() == family) {
                phraseLabels.computeIfAbsent(h.entry().language() + "|" + h.entry().phrase(), k -> new HashSet<>())
                        .add(h.entry().label());
            }
        }
        for (Hit h : hits) {
            if (h.entry().family() != family) {
                continue;
            }
            String label = h.entry().label();
            double specificity = 1.0 / phraseLabels.get(h.entry().language() + "|" + h.entry().phrase()).size();
            double reliability = reliability(family, h.entry().key(), label, self);
            double phrase = h.entry().stems().length > 1 ? Tuning.PHRASE_FACTOR : 1.0;
            raw.merge(label, specificity * reliability * phrase, Double::sum);
            List<String> w = words.computeIfAbsent(label, k -> new ArrayList<>());
            if (!w.contains(h.surface())) {
                w.add(h.surface());
            }
        }
        Map<String, Double> lex = new HashMap<>();
        for (String l : Labels.known(family)) {
            lex.put(l, 1 - Math.exp(-raw.getOrDefault(l, 0.0) / scale));
        }
        // Lexicons name signals of risk and opportunity, of immediate danger and concern; "mixed"
        // is both at once and "info" is the absence of alarm.
        if (family == LabelFamily.POLARITY && unlisted(family, "mixed")) {
            lex.put("mixed", Math.min(1, Tuning.MIXED_BOOST * Math.sqrt(lex.get("risk") * lex.get("opportunity"))));
        }
        if (family == LabelFamily.URGENCY && unlisted(family, "info")) {
            lex.put("info", 0.5 * (1 - lex.get("immediate")) * (1 - lex.get("concern")));
        }
        return new Scores(lex, words);
    }

    private boolean unlisted(LabelFamily family, String label) {
        return lexicon.words(family, label, "nl").isEmpty() && lexicon.words(family, label, "en").isEmpty();
    }

    /**
     * How telling this lexicon word is for this label in the labelled notes (without the note
     * itself): 1.0 means "as listed" (also when the word was rarely seen), 0 means the label is no
     * more frequent with the word than without it, above 1 means more telling than assumed.
     */
    private double reliability(LabelFamily family, String key, String label, Set<Integer> self) {
        int known = training.known(family, self);
        if (known <= 0) {
            return 1.0;
        }
        TrainingNotes.Counts s = training.entryCounts(family).get(key);
        double matched = s == null ? 0 : s.matched;
        double with = s == null ? 0 : s.withLabel.getOrDefault(label, 0);
        for (int o : self) {
            TrainingNotes.Trained t = training.get(o);
            List<String> ids = t.labels().ids(family);
            if (!ids.isEmpty() && t.hitKeys().contains(key)) {
                matched--;
                if (ids.contains(label)) {
                    with--;
                }
            }
        }
        double base = training.labelCount(family, label, self) / (double) known;
        double p = (with + Tuning.PRIOR_WEIGHT * Tuning.PRIOR_RELIABILITY) / (matched + Tuning.PRIOR_WEIGHT);
        if (base >= Tuning.PRIOR_RELIABILITY) {
            // A label most notes carry: lift says little, fall back to the plain rate.
            return p / Tuning.PRIOR_RELIABILITY;
        }
        return Math.max(0, Math.min(Tuning.MAX_RELIABILITY, (p - base) / (Tuning.PRIOR_RELIABILITY - base)));
    }
}
