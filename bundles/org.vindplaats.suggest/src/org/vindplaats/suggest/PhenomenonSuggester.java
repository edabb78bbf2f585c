package org.vindplaats.suggest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.vindplaats.analysis.TextChain;
import org.vindplaats.model.Phenomenon;
import org.vindplaats.model.Thesaurus;
import org.vindplaats.model.TrendNote;
import org.vindplaats.suggest.internal.LinearLabelModel;

/**
 * Suggests the phenomena a note is about, also when it never names them: a one-vs-rest linear
 * model per phenomenon learns from its own example notes in the thesaurus, its labels (each one a
 * tiny example, so a note that names a phenomenon, also inflected or in slang, leans towards it)
 * and its description. A note is read as Dutch and English stems, single and in pairs, and as
 * four-letter pieces of its words (Dutch glues words together: "leeftijdscheck", "nepaccount"),
 * weighted by how rare they are among the examples. The phenomena compete: their scores are
 * shared out over all of them, so the confidence says how much one stands out from the rest.
 * Each suggestion says which example note it most resembles, so a worker sees why. A suggestion
 * is a proposal: the worker confirms it, and confirmed notes are examples for the next training
 * ({@link #train(Thesaurus, Collection)}). Immutable and thread-safe once built.
 * <p>
 * A group (online_sexual_abuse) learns from its own overview examples only, not from its
 * members': with them it won every note its members were about. It is suggested for a note about
 * the group as a whole, and left out next to one of its members, which it includes. The knobs
 * were chosen on the tuned two thirds of testdata/eval-phenomena and by cross-validation over the
 * thesaurus' own examples (see docs/need-mapping.md).
 */
public final class PhenomenonSuggester {

    /**
     * A suggested phenomenon.
     *
     * @param confidence its share of the evidence over all phenomena (0..1)
     * @param because    the example note (or label) of the phenomenon most like the note
     */
    public record Ranked(String id, double confidence, String because) {
    }

    /**
     * Names how suggestions are made: an index tagged by another version is rebuilt (see the
     * index's tagger id). Change it with the model or its knobs.
     */
    public static final String VERSION = "linear-v4";

    /**
     * Suggestions with a smaller share than this are left out. With {@link #RELATIVE} and
     * {@link #SUGGEST_TEMPERATURE} chosen on the concept set and the multi-label dev set
     * (testdata/eval-phenomena-multi, most notes about two or three phenomena): a grid of 0.03 to
     * 0.12, 0.1 to 0.5 and 0.7 to 3, for C of 10 to 10 000; the middle of the best plateau; see the README.
     */
    public static final double THRESHOLD = 0.06;
    /** A further suggestion needs at least this share of the best one's. */
    public static final double RELATIVE = 0.15;
    /**
     * How sharply the scores are shared out when choosing suggestions: milder than for tagging
     * ({@link #TEMPERATURE}), so a note about two phenomena gets both suggested (a second one
     * within about 2.7 in log-odds of the best).
     */
    private static final double SUGGEST_TEMPERATURE = 1.4;
    /** At most this many suggestions per note. */
    public static final int MAX = 3;
    /** Lower bars for {@link #tags}. */
    public static final double TAG_THRESHOLD = 0.1;
    public static final double TAG_RELATIVE = 0.2;
    /**
     * Inverse regularisation: weak, because each phenomenon has only a dozen or so examples and the
     * features are already normalised. Chosen with the suggestion bars when the examples grew from
     * 5-9 to 13-17 per phenomenon: 100 and 300 scored best (1000 and 10 000 fitted the examples too
     * closely, 10 and 30 too loosely); 300 kept the held-out concept notes where 1000 had them.
     */
    private static final double C = 300;
    /**
     * How sharply the scores are shared out for tagging and as evidence for needs: a gap of
     * {@value} in log-odds divides a share by e. 0.5 makes a clear winner take most of it; with
     * {@link #TAG_RELATIVE} 0.2 a second phenomenon is tagged when its log-odds are within 0.8 of
     * the best.
     */
    private static final double TEMPERATURE = 0.5;
    private static final int CHARGRAM = 4;

    public static final PhenomenonSuggester NONE = new PhenomenonSuggester(Thesaurus.EMPTY, null, Map.of());

    private final Thesaurus thesaurus;
    private final LinearLabelModel model;
    /** Inverse document frequency of each feature among the training texts. */
    private final Map<String, Double> idf;
    /** Per phenomenon: its example texts and labels with their features, to explain a suggestion. */
    private final Map<String, List<Example>> examples = new HashMap<>();

    private record Example(String text, Set<String> features) {
    }

    private static final Analyzer DUTCH = TextChain.of(TextChain.Kind.DUTCH).analyzer();
    private static final Analyzer ENGLISH = TextChain.of(TextChain.Kind.ENGLISH).analyzer();
    private static final Analyzer PLAIN = TextChain.plain();

    private PhenomenonSuggester(Thesaurus thesaurus, LinearLabelModel model, Map<String, Double> idf) {
        this.thesaurus = thesaurus;
        this.model = model;
        this.idf = idf;
    }

    /** Learns from the examples, labels and descriptions of {@code thesaurus}. */
    public static PhenomenonSuggester train(Thesaurus thesaurus) {
        return train(thesaurus, List.of());
    }

    /**
     * Learns from {@code thesaurus} and from the notes whose phenomena a worker confirmed: each is
     * one more example of its phenomena, and one confirmed with none ("none of these") counts
     * against all of them. So what a team confirms shapes the next suggestions.
     */
    public static PhenomenonSuggester train(Thesaurus thesaurus, Collection<TrendNote> notes) {
        List<String> known = thesaurus.all().stream().map(Phenomenon::id).toList();
        if (known.isEmpty()) {
            return NONE;
        }
        List<Map<String, Double>> x = new ArrayList<>();
        List<Set<String>> y = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String id : known) {
            Phenomenon p = thesaurus.get(id).orElseThrow();
            List<String> own = new ArrayList<>();
            p.examples().forEach(e -> own.add(e.text()));
            own.addAll(p.allLabels());
            own.add(p.id().replace('_', ' '));
            if (p.description().nl() != null) {
                own.add(p.description().nl());
            }
            if (p.description().en() != null) {
                own.add(p.description().en());
            }
            for (String t : own) {
                Map<String, Double> f = features(t);
                if (!f.isEmpty()) {
                    x.add(f);
                    y.add(Set.of(id));
                    texts.add(t);
                }
            }
        }
        for (TrendNote n : notes) {
            if (!n.isConfirmed(TrendNote.LabelFamily.PHENOMENA)) {
                continue;
            }
            String t = n.title() + "\n" + n.body();
            Map<String, Double> f = features(t);
            if (!f.isEmpty()) {
                x.add(f);
                y.add(Set.copyOf(n.phenomena().stream().filter(id -> thesaurus.get(id).isPresent()).toList()));
                texts.add(t);
            }
        }
        Map<String, Integer> df = new HashMap<>();
        x.forEach(f -> f.keySet().forEach(k -> df.merge(k, 1, Integer::sum)));
        Map<String, Double> idf = new HashMap<>();
        df.forEach((k, d) -> idf.put(k, Math.log((x.size() + 1.0) / d)));
        List<Map<String, Double>> weighted = x.stream().map(f -> weighted(f, idf)).toList();
        PhenomenonSuggester s = new PhenomenonSuggester(thesaurus, LinearLabelModel.train(weighted, y, known, C), idf);
        for (int i = 0; i < texts.size(); i++) {
            for (String id : y.get(i)) {
                s.examples.computeIfAbsent(id, k -> new ArrayList<>()).add(new Example(texts.get(i), weighted.get(i).keySet()));
            }
        }
        return s;
    }

    public Thesaurus thesaurus() {
        return thesaurus;
    }

    /** The phenomena {@code note} is likely about, most likely first. */
    public List<Ranked> suggest(TrendNote note) {
        return suggest(note.title() + "\n" + note.body());
    }

    /** The phenomena a text is likely about, most likely first. */
    public List<Ranked> suggest(String text) {
        if (model == null || text == null || text.isBlank()) {
            return List.of();
        }
        Map<String, Double> weightedFeatures = weighted(features(text), idf);
        return suggestions(model.decisionValues(weightedFeatures), weightedFeatures.keySet(), true);
    }

    /** The suggestions for a text with these decision values; see {@link #suggest}. */
    private List<Ranked> suggestions(Map<String, Double> decisionValues, Set<String> features, boolean explain) {
        return choose(softmax(decisionValues, SUGGEST_TEMPERATURE), THRESHOLD, RELATIVE, features, explain);
    }

    /**
     * The phenomena to index a note with: like {@link #suggest} but with lower bars
     * ({@value #TAG_THRESHOLD}, {@value #TAG_RELATIVE}). A tag only makes a note findable under the
     * phenomenon (it ranks among the word matches, see the index); a suggestion is shown to the
     * worker, so it must be surer.
     */
    public List<String> tags(TrendNote note) {
        return tagging(note).tags();
    }

    /**
     * A note's tags ({@link #tags}), the phenomena it is somewhat likely about without being
     * tagged with them (a share of at least {@value #LIKELY_THRESHOLD}, at most
     * {@value #LIKELY_MAX} of them) and the {@value #FIRST} phenomena the model ranks first for
     * it, tagged or not, from one pass of the model.
     */
    public record Tagging(List<String> tags, Map<String, Double> likely, List<String> first) {
    }

    /**
     * How many phenomena a note's {@link Tagging#first} names: as many as are suggested at most.
     * Chosen on the concept and dev sets (1 to 20 measured; see the README).
     */
    public static final int FIRST = MAX;

    /** The smallest share of a likely phenomenon (see {@link #tagging}). */
    public static final double LIKELY_THRESHOLD = 0.02;
    /** At most this many likely phenomena per note. */
    public static final int LIKELY_MAX = 8;

    /** Tags and likely phenomena of {@code note} (see {@link Tagging}). */
    public Tagging tagging(TrendNote note) {
        String text = note.title() + "\n" + note.body();
        if (model == null || text.isBlank()) {
            return new Tagging(List.of(), Map.of(), List.of());
        }
        // Without explanations: tagging runs for every note indexed or sent to the hub.
        Map<String, Double> shares = shares(weighted(features(text), idf));
        List<String> tags = choose(shares, TAG_THRESHOLD, TAG_RELATIVE, Set.of(), false).stream().map(Ranked::id).toList();
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(shares.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry::getKey));
        Map<String, Double> likely = new LinkedHashMap<>();
        ranked.stream().filter(e -> e.getValue() >= LIKELY_THRESHOLD && !tags.contains(e.getKey())).limit(LIKELY_MAX)
                .forEach(e -> likely.put(e.getKey(), e.getValue()));
        List<String> first = ranked.stream().limit(FIRST).map(Map.Entry::getKey).toList();
        return new Tagging(tags, likely, first);
    }

    /**
     * Every phenomenon's share of the evidence in a text ({@link #shares(String)}) and the ids
     * {@link #suggest} names for it (the worker sees those), from one reading of the text.
     */
    public record Reading(Map<String, Double> shares, List<String> suggested) {
    }

    /** See {@link Reading}; empty for an empty text or thesaurus. */
    public Reading read(String text) {
        if (model == null || text == null || text.isBlank()) {
            return new Reading(Map.of(), List.of());
        }
        Map<String, Double> decisionValues = model.decisionValues(weighted(features(text), idf));
        List<String> suggested = suggestions(decisionValues, Set.of(), false).stream().map(Ranked::id).toList();
        return new Reading(softmax(decisionValues, TEMPERATURE), suggested);
    }

    /**
     * Every phenomenon's share of the evidence in {@code text} (they add up to 1), empty
     * for an empty text or thesaurus.
     */
    public Map<String, Double> shares(String text) {
        if (model == null || text == null || text.isBlank()) {
            return Map.of();
        }
        return shares(weighted(features(text), idf));
    }

    private Map<String, Double> shares(Map<String, Double> weightedFeatures) {
        return softmax(model.decisionValues(weightedFeatures), TEMPERATURE);
    }

    /** The decision values shared out over the phenomena (they add up to 1). */
    private static Map<String, Double> softmax(Map<String, Double> scores, double temperature) {
        double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<String, Double> out = new HashMap<>();
        double sum = 0;
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            double v = Math.exp((e.getValue() - max) / temperature);
            out.put(e.getKey(), v);
            sum += v;
        }
        double total = sum;
        out.replaceAll((k, v) -> v / total);
        return out;
    }

    /** The phenomena to name, from every phenomenon's share: see {@link #suggest} and {@link #tags}. */
    private List<Ranked> choose(Map<String, Double> shares, double threshold, double relative, Set<String> features,
            boolean explain) {
        if (shares.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(shares.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry::getKey));
        double best = ranked.get(0).getValue();
        List<Map.Entry<String, Double>> chosen = new ArrayList<>();
        for (Map.Entry<String, Double> e : ranked) {
            if (e.getValue() < threshold || e.getValue() < relative * best || chosen.size() == MAX) {
                break;
            }
            chosen.add(e);
        }
        List<Ranked> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : chosen) {
            // A group adds nothing next to one of its members: the thesaurus says it includes them.
            if (chosen.stream().noneMatch(c -> thesaurus.descendants(e.getKey()).contains(c.getKey()))) {
                out.add(new Ranked(e.getKey(), e.getValue(), explain ? closestExample(e.getKey(), features) : ""));
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

    /**
     * Dutch and English stems, single and in pairs, and the four-letter pieces of the words
     * (function words left out), present or not.
     */
    static Map<String, Double> features(String text) {
        Map<String, Double> f = new LinkedHashMap<>();
        for (Analyzer a : new Analyzer[] { DUTCH, ENGLISH }) {
            String prefix = a == DUTCH ? "n:" : "e:";
            List<String> stems = TextChain.terms(a, text);
            for (int i = 0; i < stems.size(); i++) {
                f.put(prefix + stems.get(i), 1.0);
                if (i + 1 < stems.size()) {
                    f.put(prefix + stems.get(i) + "_" + stems.get(i + 1), 1.0);
                }
            }
        }
        for (String w : TextChain.terms(PLAIN, text)) {
            if (w.length() < CHARGRAM + 2 || TextChain.isStopWord(w)) {
                continue;
            }
            for (int i = 0; i + CHARGRAM <= w.length(); i++) {
                f.put("c:" + w.substring(i, i + CHARGRAM), 1.0);
            }
        }
        return f;
    }

    /** Each feature weighted by its rarity (unknown ones dropped), the whole scaled to length 1. */
    private static Map<String, Double> weighted(Map<String, Double> raw, Map<String, Double> idf) {
        Map<String, Double> f = new LinkedHashMap<>();
        double norm = 0;
        for (String k : raw.keySet()) {
            double w = idf.getOrDefault(k, 0.0);
            if (w > 0) {
                f.put(k, w);
                norm += w * w;
            }
        }
        double n = Math.sqrt(norm);
        if (n > 0) {
            f.replaceAll((k, v) -> v / n);
        }
        return f;
    }
}
