package org.vindplaats.suggest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.suggest.internal.LinearLabelModel;

/**
 * The needs model: one-vs-rest logistic regression (liblinear) over a note's tf-idf stems and the
 * calibrated scores of the other signals, learned from the labelled notes with needs. It corrects
 * the calibrated choice (see {@link Tuning#MODEL_WEIGHT}). A labelled note is always scored by a
 * model trained without it (see {@link Tuning#PER_NOTE_MODELS_UP_TO}).
 */
final class NeedsModel {

    private final TrainingNotes training;
    private final Calibration calibration;
    /** Per labelled note with needs (by ord): its stems. */
    private final Map<Integer, Set<String>> stems;
    private final Map<String, Integer> df = new HashMap<>();
    private final Map<Integer, Map<String, Double>> features = new HashMap<>();
    private final int noteCount;
    private final LinearLabelModel model;
    private final Map<Integer, LinearLabelModel> foldModels = new ConcurrentHashMap<>();

    /**
     * The model, or null with fewer than {@link Tuning#MIN_MODEL_NOTES} labelled notes with needs.
     *
     * @param stems per labelled note with needs (by ord) its stems; its calibration scores are set
     */
    static NeedsModel train(TrainingNotes training, Calibration calibration, Map<Integer, Set<String>> stems) {
        return stems.size() < Tuning.MIN_MODEL_NOTES ? null : new NeedsModel(training, calibration, stems);
    }

    private NeedsModel(TrainingNotes training, Calibration calibration, Map<Integer, Set<String>> stems) {
        this.training = training;
        this.calibration = calibration;
        this.stems = stems;
        this.noteCount = stems.size();
        stems.values().forEach(st -> st.forEach(x -> df.merge(x, 1, Integer::sum)));
        // Computed once: the model for a labelled note (trained without it) reuses the others' features.
        stems.forEach((ord, st) -> features.put(ord,
                features(st, calibration.signal(calibration.scores(ord), Set.of(ord)))));
        this.model = train(Set.of());
    }

    private static int fold(String id) {
        return Math.floorMod(id.hashCode(), Tuning.MODEL_FOLDS);
    }

    /** The model trained on the labelled notes other than {@code without}. */
    private LinearLabelModel train(Set<Integer> without) {
        List<Map<String, Double>> x = new ArrayList<>();
        List<Set<String>> y = new ArrayList<>();
        stems.forEach((ord, st) -> {
            if (!without.contains(ord)) {
                x.add(features.get(ord));
                y.add(new HashSet<>(training.get(ord).labels().ids(LabelFamily.NEEDS)));
            }
        });
        return LinearLabelModel.train(x, y, Labels.known(LabelFamily.NEEDS), Tuning.MODEL_C);
    }

    /** Features of a note: its stems' tf-idf (L2-normalised) and the per-need signal scores. */
    private Map<String, Double> features(Set<String> noteStems, double[] scores) {
        Map<String, Double> f = new HashMap<>();
        double norm = 0;
        for (String st : noteStems) {
            Integer d = df.get(st);
            if (d == null || d < Tuning.MODEL_MIN_DF) {
                continue;
            }
            double w = Math.log((noteCount + 1.0) / d);
            f.put("w|" + st, w);
            norm += w * w;
        }
        double n = Math.sqrt(norm);
        if (n > 0) {
            f.replaceAll((k, v) -> v / n);
        }
        List<String> known = Labels.known(LabelFamily.NEEDS);
        for (int i = 0; i < known.size(); i++) {
            f.put("s|" + known.get(i), scores[i]);
        }
        return f;
    }

    /** The model's probability per need for a note with these ranked needs and stems. */
    Map<String, Double> probabilities(List<RankedLabel> ranked, Map<String, String> noteStems, Set<Integer> self) {
        Set<Integer> without = new HashSet<>(self);
        without.retainAll(stems.keySet());
        LinearLabelModel m;
        if (without.isEmpty()) {
            m = model;
        } else if (stems.size() <= Tuning.PER_NOTE_MODELS_UP_TO) {
            // Not cached: one model per labelled note would hold a weight per stem and need each.
            m = train(without);
        } else {
            // Copies of a note share its id and so its fold: all of them are left out together.
            int f = fold(training.get(without.iterator().next()).note().id());
            m = foldModels.computeIfAbsent(f, x -> {
                Set<Integer> inFold = new HashSet<>();
                stems.keySet().forEach(ord -> {
                    if (fold(training.get(ord).note().id()) == x) {
                        inFold.add(ord);
                    }
                });
                return train(inFold);
            });
        }
        List<String> known = Labels.known(LabelFamily.NEEDS);
        double[] scores = new double[known.size()];
        for (RankedLabel l : ranked) {
            scores[known.indexOf(l.label())] = l.confidence();
        }
        return m.probabilities(features(noteStems.keySet(), calibration.signal(scores, self)));
    }
}
