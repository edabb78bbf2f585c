package org.vindplaats.suggest.internal;

import java.util.ArrayList;
import java.util.Arrays;
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
    /** See {@link #weights()}. */
    private volatile Map<String, double[]> weights;

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
        Feature[][] x = new Feature[examples.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = m.vector(examples.get(i));
        }
        // Per label with both kinds of note: which notes have it (1) and which do not (0).
        Map<String, double[]> targets = new HashMap<>();
        for (String label : known) {
            double[] y = new double[x.length];
            int positives = 0;
            for (int i = 0; i < x.length; i++) {
                if (labels.get(i).contains(label)) {
                    y[i] = 1;
                    positives++;
                }
            }
            if (positives == 0 || positives == x.length) {
                // Nothing to separate: the label is always (or never) there.
                m.constant.put(label, positives == 0 ? 0.0 : 1.0);
            } else {
                targets.put(label, y);
            }
        }
        // The labels' problems are independent (liblinear only reads the shared feature vectors,
        // and each Parameter has its own random generator), so they are solved on all cores: the
        // same models as one after the other. The dual solver (liblinear's choice for many more
        // features than notes) with its usual tolerance reaches the same quality as the primal
        // Newton one (eps 0.01) in about 2.5 times less time (7 Dec 2026, see the README).
        m.models.putAll(targets.entrySet().parallelStream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
            Problem one = new Problem();
            one.l = x.length;
            one.n = index.size() + 1; // the bias is the last feature
            one.bias = 1;
            one.x = x;
            one.y = e.getValue();
            return Linear.train(one, new Parameter(SolverType.L2R_LR_DUAL, c, 0.1));
        })));
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
        // liblinear's predictValues computed per label, without its per-call overhead: the phenomenon
        // tagger asks this of every note indexed or pushed, for some 80 labels at once. Same sums in
        // the same order (features by index, the bias last), so the same values to the last bit.
        SparseVector x = sparse(features);
        Map<String, Double> out = new HashMap<>();
        constant.forEach((label, p) -> out.put(label, p > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY));
        weights().forEach((label, w) -> {
            double v = 0;
            for (int i = 0; i < x.size; i++) {
                v += w[x.index[i] - 1] * x.value[i];
            }
            out.put(label, v);
        });
        return out;
    }

    /**
     * Each label's weights, signed so that w·x is the value for "has the label" (liblinear's value
     * is for its first label). Copied once, on first use: liblinear hands out a copy per call.
     */
    private Map<String, double[]> weights() {
        Map<String, double[]> w = weights;
        if (w == null) {
            Map<String, double[]> made = new HashMap<>();
            models.forEach((label, model) -> {
                double[] copy = model.getFeatureWeights();
                if (model.getLabels()[0] != 1) {
                    for (int i = 0; i < copy.length; i++) {
                        copy[i] = -copy[i];
                    }
                }
                made.put(label, copy);
            });
            weights = w = made;
        }
        return w;
    }

    /** {@link #decisionValues} as liblinear computes them itself (the reference in tests). */
    Map<String, Double> decisionValuesByLiblinear(Map<String, Double> features) {
        Feature[] x = vector(features);
        Map<String, Double> out = new HashMap<>();
        constant.forEach((label, p) -> out.put(label, p > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY));
        models.forEach((label, model) -> {
            double[] v = new double[1];
            Linear.predictValues(model, x, v);
            out.put(label, model.getLabels()[0] == 1 ? v[0] : -v[0]);
        });
        return out;
    }

    /** Known features by their index (1-based, ascending, the bias last) and their values. */
    private record SparseVector(int[] index, double[] value, int size) {
    }

    private SparseVector sparse(Map<String, Double> features) {
        long[] packed = new long[features.size()];
        double[] values = new double[features.size()];
        int n = 0;
        for (Map.Entry<String, Double> e : features.entrySet()) {
            Integer i = index.get(e.getKey());
            double v = e.getValue();
            if (i != null && v != 0) {
                values[n] = v;
                packed[n] = ((long) i << 32) | n;
                n++;
            }
        }
        Arrays.sort(packed, 0, n);
        int[] idx = new int[n + 1];
        double[] val = new double[n + 1];
        for (int k = 0; k < n; k++) {
            idx[k] = (int) (packed[k] >>> 32);
            val[k] = values[(int) packed[k]];
        }
        idx[n] = index.size() + 1; // the bias feature, as in vector()
        val[n] = 1.0;
        return new SparseVector(idx, val, n + 1);
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
