package org.vindplaats.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.vindplaats.model.Phenomenon;
import org.vindplaats.model.Thesaurus;
import org.vindplaats.model.TrendNote;
import org.vindplaats.suggest.internal.LinearLabelModel;
import org.vindplaats.suggest.internal.TextAnalysis;

/**
 * Suggests the phenomena a note is about, also when it never names them: a one-vs-rest linear
 * model learns from the thesaurus' example notes and labels (a phenomenon's example also counts
 * for its broader phenomena), with the words of the note stemmed in Dutch and in English, single
 * and in pairs. Each suggestion says which example note it most resembles, so a worker sees why.
 * A suggestion is a proposal: the worker confirms it. Immutable and thread-safe once built.
 */
public final class PhenomenonSuggester {

    /**
     * A suggested phenomenon.
     *
     * @param confidence the model's probability (0..1)
     * @param because    the example note (or label) of the phenomenon most like the note
     */
    public record Ranked(String id, double confidence, String because) {
    }

    /** Suggestions below this probability are left out. */
    public static final double THRESHOLD = 0.3;
    /** At most this many suggestions per note. */
    public static final int MAX = 3;
    /** Inverse regularisation: weak, because each phenomenon has only a handful of examples. */
    private static final double C = 4.0;

    public static final PhenomenonSuggester NONE = new PhenomenonSuggester(Thesaurus.EMPTY, null);

    private final Thesaurus thesaurus;
    private final LinearLabelModel model;
    /** Per phenomenon: its example texts and labels with their features, to explain a suggestion. */
    private final Map<String, List<Example>> examples;

    private record Example(String text, Set<String> features) {
    }

    private static final Analyzer DUTCH = TextAnalysis.analyzer(TextAnalysis.NL, true);
    private static final Analyzer ENGLISH = TextAnalysis.analyzer(TextAnalysis.EN, true);

    private PhenomenonSuggester(Thesaurus thesaurus, LinearLabelModel model) {
        this.thesaurus = thesaurus;
        this.model = model;
        this.examples = new HashMap<>();
    }

    /** Learns from the examples and labels of {@code thesaurus}. */
    public static PhenomenonSuggester train(Thesaurus thesaurus) {
        if (thesaurus.isEmpty()) {
            return NONE;
        }
        List<Map<String, Double>> x = new ArrayList<>();
        List<Set<String>> y = new ArrayList<>();
        Map<String, List<Example>> byId = new HashMap<>();
        for (Phenomenon p : thesaurus.all()) {
            Set<String> labels = new LinkedHashSet<>();
            labels.add(p.id());
            labels.addAll(thesaurus.ancestors(p.id()));
            List<String> texts = new ArrayList<>();
            p.examples().forEach(e -> texts.add(e.text()));
            // Each label is a tiny example too: a note that uses it is likely about the phenomenon.
            texts.addAll(p.allLabels());
            if (p.description().nl() != null) {
                texts.add(p.description().nl());
            }
            if (p.description().en() != null) {
                texts.add(p.description().en());
            }
            for (String t : texts) {
                Map<String, Double> f = features(t);
                if (f.isEmpty()) {
                    continue;
                }
                x.add(f);
                y.add(labels);
                byId.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(new Example(t, f.keySet()));
            }
        }
        List<String> known = thesaurus.all().stream().map(Phenomenon::id).toList();
        PhenomenonSuggester s = new PhenomenonSuggester(thesaurus, LinearLabelModel.train(x, y, known, C));
        s.examples.putAll(byId);
        return s;
    }

    public Thesaurus thesaurus() {
        return thesaurus;
    }

    /** The phenomena {@code note} is likely about, most likely first. */
    public List<Ranked> suggest(TrendNote note) {
        return suggest(note.title() + "\n" + note.body());
    }

    /** The phenomena a text is likely about, most likely first; the most specific ones win ties with their group. */
    public List<Ranked> suggest(String text) {
        return rank(text, THRESHOLD);
    }

    /**
     * The phenomena to index a note with: like {@link #suggest} but with a lower bar
     * ({@value #TAG_THRESHOLD}). A tag only makes a note findable under the phenomenon (it ranks
     * among the word matches, see the index); a suggestion is shown to the worker, so it must be surer.
     */
    public List<String> tags(TrendNote note) {
        return rank(note.title() + "\n" + note.body(), TAG_THRESHOLD).stream().map(Ranked::id).toList();
    }

    /** Lower bar for {@link #tags}. */
    public static final double TAG_THRESHOLD = 0.15;

    private List<Ranked> rank(String text, double threshold) {
        if (model == null || text == null || text.isBlank()) {
            return List.of();
        }
        Map<String, Double> f = features(text);
        Map<String, Double> p = model.probabilities(f);
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(p.entrySet());
        ranked.removeIf(e -> e.getValue() < threshold);
        ranked.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry::getKey));
        List<Ranked> out = new ArrayList<>();
        Set<String> likely = new HashSet<>();
        ranked.forEach(e -> likely.add(e.getKey()));
        for (Map.Entry<String, Double> e : ranked) {
            String id = e.getKey();
            // A group (online_sexual_abuse) adds nothing when one of its members is likely too.
            if (thesaurus.descendants(id).stream().anyMatch(likely::contains)) {
                continue;
            }
            out.add(new Ranked(id, e.getValue(), closestExample(id, f.keySet())));
            if (out.size() == MAX) {
                break;
            }
        }
        return out;
    }

    private String closestExample(String id, Set<String> features) {
        String best = "";
        double bestScore = -1;
        for (Example e : examples.getOrDefault(id, List.of())) {
            int common = 0;
            for (String k : e.features()) {
                if (features.contains(k)) {
                    common++;
                }
            }
            double score = common / Math.sqrt(Math.max(1, e.features().size()));
            if (score > bestScore) {
                bestScore = score;
                best = e.text();
            }
        }
        return best;
    }

    /** Dutch and English stems, single and in pairs, present or not (1.0). */
    static Map<String, Double> features(String text) {
        Map<String, Double> f = new HashMap<>();
        for (Analyzer a : new Analyzer[] { DUTCH, ENGLISH }) {
            String prefix = a == DUTCH ? "n:" : "e:";
            List<String> stems = TextAnalysis.stems(a, text);
            for (int i = 0; i < stems.size(); i++) {
                f.put(prefix + stems.get(i), 1.0);
                if (i + 1 < stems.size()) {
                    f.put(prefix + stems.get(i) + "_" + stems.get(i + 1), 1.0);
                }
            }
        }
        return f;
    }
}
