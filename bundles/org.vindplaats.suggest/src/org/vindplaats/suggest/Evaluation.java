package org.vindplaats.suggest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.suggest.internal.Messages;

/**
 * Measures suggestion quality on a labelled set with k-fold cross-validation: the notes are
 * shuffled with a fixed seed and split in k parts; each part is suggested by a suggester trained
 * on the other parts (plus, optionally, plugin lexicons and examples), and the suggestions are
 * compared with the gold labels. Reports macro-F1 per label family and precision/recall per label.
 */
public final class Evaluation {

    /** The families reported, in order. */
    public static final List<LabelFamily> FAMILIES = List.of(LabelFamily.NEEDS, LabelFamily.AFFORDANCES,
            LabelFamily.PLATFORMS, LabelFamily.POLARITY, LabelFamily.URGENCY);

    private int folds = 5;
    private long seed = 42;
    private Lexicon lexicon = Lexicon.empty();
    private final List<TrendNote> examples = new ArrayList<>();
    private Map<String, List<String>> platforms = Map.of();
    private Tuning tuning = Tuning.DEFAULT;
    private String extraDescription = "";
    private boolean baseLexicon = true;
    private boolean needModel = true;

    /** Whether needs are corrected by the model learned from the training folds (default on). */
    /** The gold labels' name for a platform outside their list. */
    public static final String OTHER = "other";
    private Set<String> goldPlatforms;

    private PhenomenonSuggester phenomena;

    /** The thesaurus' phenomena as evidence for needs, in every fold (null: none). */
    public Evaluation phenomena(PhenomenonSuggester phenomena) {
        this.phenomena = phenomena;
        return this;
    }

    public Evaluation needModel(boolean use) {
        this.needModel = use;
        return this;
    }

    /** Whether Vindplaats' base word list is used (default); off measures the plugins and notes alone. */
    public Evaluation baseLexicon(boolean use) {
        this.baseLexicon = use;
        return this;
    }

    public Evaluation folds(int folds) {
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be at least 2, was " + folds);
        }
        this.folds = folds;
        return this;
    }

    public Evaluation seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Extra training from plugins: their lexicon and labelled examples, in every fold. */
    public Evaluation extraTraining(Lexicon lexicon, Collection<TrendNote> examples, String description) {
        this.lexicon = lexicon == null ? Lexicon.empty() : lexicon;
        this.examples.addAll(examples);
        this.extraDescription = description == null ? "" : description;
        return this;
    }

    public Evaluation platforms(Map<String, List<String>> idToAliases) {
        this.platforms = Map.copyOf(idToAliases);
        return this;
    }

    /**
     * The platforms the gold labels name; any other platform a labeller put under "other". A
     * suggested platform outside this set then counts as "other": a catalog that grew since the
     * set was labelled (Vinted, ChatGPT ...) is not punished for naming what the gold calls
     * "other". Null (the default): platforms are compared as they are.
     */
    public Evaluation goldPlatforms(Set<String> named) {
        this.goldPlatforms = named == null ? null : Set.copyOf(named);
        return this;
    }

    /**
     * The platforms a gold set names, when it puts the rest under "other" (null when it never uses
     * "other": then every platform id is a label of its own).
     */
    public static Set<String> goldPlatformsOf(Map<String, Labels> gold) {
        Set<String> named = new TreeSet<>();
        boolean other = false;
        for (Labels l : gold.values()) {
            for (String p : l.ids(LabelFamily.PLATFORMS)) {
                if (OTHER.equals(p)) {
                    other = true;
                } else {
                    named.add(p);
                }
            }
        }
        return other ? named : null;
    }

    public Evaluation tuning(Tuning tuning) {
        this.tuning = tuning;
        return this;
    }

    /**
     * Runs the cross-validation.
     *
     * @param notes the notes as a worker wrote them (their {@code platforms} are the author's tags)
     * @param gold  the true labels per note id; notes without gold are not evaluated
     */
    public Report run(List<TrendNote> notes, Map<String, Labels> gold, IProgressMonitor monitor) {
        List<TrendNote> labelled = new ArrayList<>(notes.stream().filter(n -> gold.containsKey(n.id())).toList());
        if (labelled.isEmpty()) {
            throw new IllegalArgumentException(NLS.bind(Messages.Evaluation_noGold, notes.size()));
        }
        if (labelled.size() < folds) {
            throw new IllegalArgumentException(NLS.bind(Messages.Evaluation_tooFew,
                    new Object[] { folds, folds, labelled.size() }));
        }
        // Sorting first makes the split depend on the seed only, not on the file order.
        labelled.sort((a, b) -> a.id().compareTo(b.id()));
        Collections.shuffle(labelled, new Random(seed));
        SubMonitor progress = SubMonitor.convert(monitor, folds);
        Map<LabelFamily, Counts> counts = new EnumMap<>(LabelFamily.class);
        FAMILIES.forEach(f -> counts.put(f, new Counts()));
        for (int fold = 0; fold < folds; fold++) {
            if (progress.isCanceled()) {
                throw new OperationCanceledException();
            }
            List<TrendNote> test = new ArrayList<>();
            List<TrendNote> train = new ArrayList<>();
            for (int i = 0; i < labelled.size(); i++) {
                TrendNote n = labelled.get(i);
                if (i % folds == fold) {
                    test.add(n);
                } else {
                    train.add(LabelledNotes.withLabels(n, gold.get(n.id())));
                }
            }
            SubMonitor foldProgress = progress.split(1).setWorkRemaining(2);
            foldProgress.subTask(NLS.bind(Messages.Evaluation_folds, fold + 1, folds));
            try (LabelSuggester s = LabelSuggester.builder().lexicon(lexicon).examples(examples).training(train)
                    .platforms(platforms).tuning(tuning).baseLexicon(baseLexicon).needModel(needModel).phenomena(phenomena).build(foldProgress.split(1))) {
                for (Suggestion sg : s.suggestAll(test, foldProgress.split(1))) {
                    Labels g = gold.get(sg.noteId());
                    for (LabelFamily f : FAMILIES) {
                        List<String> chosen = sg.chosen(f);
                        if (f == LabelFamily.PLATFORMS && goldPlatforms != null) {
                            chosen = chosen.stream().map(p -> goldPlatforms.contains(p) ? p : OTHER).distinct().toList();
                        }
                        counts.get(f).add(g.ids(f), chosen);
                    }
                }
            }
        }
        return new Report(folds, seed, labelled.size(), extraDescription, counts);
    }

    /** Per label true positives, false positives and false negatives. */
    static final class Counts {
        final Map<String, int[]> perLabel = new LinkedHashMap<>();

        void add(List<String> gold, List<String> predicted) {
            for (String g : gold) {
                int[] c = perLabel.computeIfAbsent(g, k -> new int[3]);
                if (predicted.contains(g)) {
                    c[0]++;
                } else {
                    c[2]++;
                }
            }
            for (String p : predicted) {
                if (!gold.contains(p)) {
                    perLabel.computeIfAbsent(p, k -> new int[3])[1]++;
                }
            }
        }
    }

    /** Precision, recall and F1 of one label; support is how often the gold has it. */
    public record LabelScore(String label, int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 0 : truePositives / (double) (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 0 : truePositives / (double) (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public int support() {
            return truePositives + falseNegatives;
        }
    }

    /** The outcome: macro-F1 per family (the mean F1 over the labels seen in gold or suggestions). */
    public static final class Report {
        private final int folds;
        private final long seed;
        private final int notes;
        private final String extra;
        private final Map<LabelFamily, List<LabelScore>> scores = new EnumMap<>(LabelFamily.class);

        Report(int folds, long seed, int notes, String extra, Map<LabelFamily, Counts> counts) {
            this.folds = folds;
            this.seed = seed;
            this.notes = notes;
            this.extra = extra;
            counts.forEach((f, c) -> {
                List<LabelScore> list = new ArrayList<>();
                for (String label : new TreeSet<>(c.perLabel.keySet())) {
                    int[] x = c.perLabel.get(label);
                    list.add(new LabelScore(label, x[0], x[1], x[2]));
                }
                scores.put(f, List.copyOf(list));
            });
        }

        public int notes() {
            return notes;
        }

        public double macroF1(LabelFamily family) {
            List<LabelScore> s = scores.getOrDefault(family, List.of());
            return s.isEmpty() ? 0 : s.stream().mapToDouble(LabelScore::f1).average().orElse(0);
        }

        public List<LabelScore> labels(LabelFamily family) {
            return scores.getOrDefault(family, List.of());
        }

        public String toText() {
            StringBuilder b = new StringBuilder();
            b.append(NLS.bind(Messages.Evaluation_header, new Object[] { folds, notes, seed,
                    extra.isEmpty() ? "" : ", " + extra })).append('\n');
            b.append(String.format(Locale.ROOT, "%-14s %s%n", Messages.Evaluation_family, "macro-F1"));
            for (LabelFamily f : FAMILIES) {
                b.append(String.format(Locale.ROOT, "%-14s %.3f%n", f.id(), macroF1(f)));
            }
            b.append('\n');
            b.append(String.format(Locale.ROOT, "%-30s %9s %6s %6s %5s%n", Messages.Evaluation_label, "precision",
                    "recall", "F1", "n"));
            for (LabelFamily f : FAMILIES) {
                for (LabelScore s : labels(f)) {
                    b.append(String.format(Locale.ROOT, "%-30s %9.2f %6.2f %6.2f %5d%n", f.id() + "/" + s.label(),
                            s.precision(), s.recall(), s.f1(), s.support()));
                }
            }
            return b.toString();
        }

        public Map<String, Object> toJsonMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("folds", folds);
            m.put("seed", seed);
            m.put("notes", notes);
            m.put("extraTraining", extra);
            Map<String, Object> macro = new LinkedHashMap<>();
            Map<String, Object> perLabel = new LinkedHashMap<>();
            for (LabelFamily f : FAMILIES) {
                macro.put(f.id(), round(macroF1(f)));
                Map<String, Object> labels = new LinkedHashMap<>();
                for (LabelScore s : labels(f)) {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("precision", round(s.precision()));
                    x.put("recall", round(s.recall()));
                    x.put("f1", round(s.f1()));
                    x.put("support", s.support());
                    labels.put(s.label(), x);
                }
                perLabel.put(f.id(), labels);
            }
            m.put("macroF1", macro);
            m.put("labels", perLabel);
            return m;
        }

        private static double round(double d) {
            return Math.round(d * 1000) / 1000.0;
        }
    }
}
