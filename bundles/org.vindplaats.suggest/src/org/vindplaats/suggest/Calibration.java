package org.vindplaats.suggest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vindplaats.model.TrendNote.LabelFamily;

/**
 * Each need's own scale (see {@link Tuning#calibrated()}): every labelled note is scored as if it
 * were new, so the scale can be read off: 0 is a need's mean confidence on labelled notes without
 * it, 1 its mean on notes with it. A need with many lexicon words or many neighbours scores high
 * on every note and would otherwise be chosen too often, while a need that is mostly implied
 * scores low. Only needs are calibrated: for the other families 5-fold CV on three seeds showed no
 * gain (affordances lost 0.04).
 */
final class Calibration {

    private final TrainingNotes training;
    /** Per labelled note with needs (by ord) its confidences in {@link Labels#known} order; null for the others. */
    private final double[][] scores;

    Calibration(TrainingNotes training) {
        this.training = training;
        this.scores = new double[training.size()][];
    }

    /**
     * Per need ({@link Labels#known} order) the sums {@link #calibrated} needs for a note that is
     * none of the labelled ones (every note the inbox suggests): {pos, np, neg, nn}. Made once,
     * in the same order as the loop they replace, so the figures are the same to the last bit;
     * the loop went over every labelled note for every need of every suggested note.
     */
    private volatile double[][] totals;

    /** Records the confidences a labelled note got without seeing its own labels. */
    void put(int ord, double[] needScores) {
        scores[ord] = needScores;
        totals = null;
    }

    double[] scores(int ord) {
        return scores[ord];
    }

    /**
     * Each need's confidence on its own scale, or null when too few labelled notes (other than
     * {@code self}) show some need's scale.
     */
    Map<String, Double> calibrated(List<RankedLabel> ranked, Set<Integer> self) {
        List<String> known = Labels.known(LabelFamily.NEEDS);
        double[][] all = self.isEmpty() ? totals(known) : null;
        Map<String, Double> out = new HashMap<>();
        for (RankedLabel l : ranked) {
            int i = known.indexOf(l.label());
            double[] sums = all != null ? all[i] : sums(l.label(), i, self);
            double pos = sums[0], neg = sums[2];
            int np = (int) sums[1], nn = (int) sums[3];
            if (np < Tuning.MIN_CALIBRATION_NOTES || nn < Tuning.MIN_CALIBRATION_NOTES
                    || pos / np - neg / nn < Tuning.MIN_SCALE) {
                return null;
            }
            out.put(l.label(), (l.confidence() - neg / nn) / (pos / np - neg / nn));
        }
        return out;
    }

    /** {pos, np, neg, nn} of need {@code label} (index {@code i}) over the labelled notes other than {@code self}. */
    private double[] sums(String label, int i, Set<Integer> self) {
        double pos = 0, neg = 0;
        int np = 0, nn = 0;
        for (int ord = 0; ord < scores.length; ord++) {
            if (scores[ord] == null || self.contains(ord)) {
                continue;
            }
            if (training.get(ord).labels().ids(LabelFamily.NEEDS).contains(label)) {
                pos += scores[ord][i];
                np++;
            } else {
                neg += scores[ord][i];
                nn++;
            }
        }
        return new double[] { pos, np, neg, nn };
    }

    private double[][] totals(List<String> known) {
        double[][] t = totals;
        if (t == null) {
            t = new double[known.size()][];
            for (int i = 0; i < known.size(); i++) {
                t[i] = sums(known.get(i), i, Set.of());
            }
            totals = t; // made twice at worst, by two threads at once: the same figures
        }
        return t;
    }

    /** Confidences in {@link Labels#known} order on their scales when the scales are known, else as they are. */
    double[] signal(double[] needScores, Set<Integer> self) {
        List<String> known = Labels.known(LabelFamily.NEEDS);
        List<RankedLabel> r = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            r.add(new RankedLabel(known.get(i), needScores[i], List.of(), List.of()));
        }
        Map<String, Double> cal = calibrated(r, self);
        if (cal == null) {
            return needScores;
        }
        double[] out = new double[known.size()];
        for (int i = 0; i < known.size(); i++) {
            out[i] = cal.get(known.get(i));
        }
        return out;
    }
}
