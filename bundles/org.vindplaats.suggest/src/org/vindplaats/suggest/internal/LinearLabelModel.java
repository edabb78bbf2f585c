package org.vindplaats.suggest.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * One-vs-rest L2-regularised logistic regression (liblinear) over named, sparse features: learns
 * from labelled notes how much each word and each signal counts for each label. Features not seen
 * in training are ignored. Immutable once trained.
 */
public final class LinearLabelModel {

    static {
        // liblinear prints its solver iterations to stdout by default.
        Linear.disableDebugOutput();
    }

    private final Map<String, Integer> index;
    private final Map<String, Model> models = new HashMap<>();
    private final Map<String, Double> constant = new HashMap<>();

    private LinearLabelModel(Map<String, Integer> index) {
        this.index = index;
    }

    /**
     * Trains one binary model per label.
     *
     * @param examples feature name → value per labelled note
     * @param labels   the labels of each note, in the same order
     * @param known    every label of the family
     * @param c        inverse regularisation strength (smaller = simpler model)
     */
    public static LinearLabelModel train(List<Map<String, Double>> examples, List<? extends Set<String>> labels,
            List<String> known, double c) {
        Map<String, Integer> index = new HashMap<>();
        // Sorted names give the same feature numbers (and the same model) for the same input.
        examples.stream().flatMap(m -> m.keySet().stream()).collect(Collectors.toCollection(TreeSet::new))
                .forEach(k -> index.put(k, index.size() + 1));
        LinearLabelModel m = new LinearLabelModel(index);
        Problem p = new Problem();
        p.l = examples.size();
        p.n = index.size() + 1;
        p.bias = 1;
        p.x = new Feature[p.l][];
        for (int i = 0; i < p.l; i++) {
            p.x[i] = m.vector(examples.get(i));
        }
        for (String label : known) {
            p.y = new double[p.l];
            int positives = 0;
            for (int i = 0; i < p.l; i++) {
                boolean has = labels.get(i).contains(label);
                p.y[i] = has ? 1 : 0;
                positives += has ? 1 : 0;
            }
            if (positives == 0 || positives == p.l) {
                // Nothing to separate: the label is always (or never) there.
                m.constant.put(label, positives == 0 ? 0.0 : 1.0);
                continue;
            }
            m.models.put(label, Linear.train(p, new Parameter(SolverType.L2R_LR, c, 0.01)));
        }
        return m;
    }

    /** Probability of each label for a note's features. */
    public Map<String, Double> probabilities(Map<String, Double> features) {
        Feature[] x = vector(features);
        Map<String, Double> out = new HashMap<>(constant);
        models.forEach((label, model) -> {
            double[] p = new double[2];
            Linear.predictProbability(model, x, p);
            int[] order = model.getLabels();
            out.put(label, order[0] == 1 ? p[0] : p[1]);
        });
        return out;
    }

    /**
     * Each label's decision value (w·x + b, the log-odds before the logistic function); a label
     * that was always or never there gets +/- infinity. Comparable across labels of one model
     * when their probabilities are all tiny (few positives each).
     */
    public Map<String, Double> decisionValues(Map<String, Double> features) {
        Feature[] x = vector(features);
        Map<String, Double> out = new HashMap<>();
        constant.forEach((label, p) -> out.put(label, p > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY));
        models.forEach((label, model) -> {
            double[] v = new double[1];
            Linear.predictValues(model, x, v);
            // liblinear's value is for its first label; ours is "has the label" (1).
            out.put(label, model.getLabels()[0] == 1 ? v[0] : -v[0]);
        });
        return out;
    }

    private Feature[] vector(Map<String, Double> features) {
        TreeMap<Integer, Double> sorted = new TreeMap<>();
        features.forEach((name, value) -> {
            Integer i = index.get(name);
            if (i != null && value != 0) {
                sorted.put(i, value);
            }
        });
        List<Feature> out = new ArrayList<>(sorted.size() + 1);
        sorted.forEach((i, v) -> out.add(new FeatureNode(i, v)));
        out.add(new FeatureNode(index.size() + 1, 1.0));
        return out.toArray(Feature[]::new);
    }
}
