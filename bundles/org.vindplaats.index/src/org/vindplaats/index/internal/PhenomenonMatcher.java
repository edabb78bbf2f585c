package org.vindplaats.index.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.vindplaats.analysis.TextChain;
import org.vindplaats.model.Phenomenon;
import org.vindplaats.model.Terms;
import org.vindplaats.model.Thesaurus;

/**
 * Finds the phenomena of a {@link Thesaurus} named in a text: any label, alternative or hidden
 * label, also inflected ("geldezels" for "geldezel") because labels and text are compared as
 * Dutch and as English stems, and multi-word labels as a whole ("snel geld"). In a query a word
 * that is no label may still be one with a typo ("sextorsion"). Immutable and thread-safe.
 */
public final class PhenomenonMatcher {

    /** A phenomenon found in a text, and the words that named it. */
    public record Match(String id, String words) {
    }

    /**
     * A label as stems, and as its plain words when it has a word of {@link #MEANING_WORDS} or
     * would keep only one word as stems: "te veel delen", "geen vrienden" and "zit er door" then
     * match only with those words, not wherever "delen", "vrienden" or "zit" is written.
     */
    private record Label(List<String> stems, String id, String text, List<String> words) {
        boolean strict() {
            return words != null;
        }
    }

    /**
     * Small words that change what a label means (negation, degree) and that the analysis drops as
     * stop words: a label with one of them is recognised only with its words as written.
     */
    static final Set<String> MEANING_WORDS = Set.of("geen", "niet", "nooit", "niets", "zonder", "te", "teveel", "veel",
            "weinig", "meer", "minder", "no", "not", "never", "nothing", "without", "too", "much", "many", "few", "less",
            "more");

    /**
     * Names the rules by which labels are recognised; part of the index's fingerprint, so a note
     * indexed under older rules is tagged again. Change it with the rules.
     */
    public static final String RULES = "as-written-2";

    public static final PhenomenonMatcher NONE = new PhenomenonMatcher(Thesaurus.EMPTY, null);

    private final Thesaurus thesaurus;
    private final Analysis analysis;
    private final Analyzer analyzer;
    /** First stem of a label (per language field) → labels starting with it, longest first. */
    private final Map<String, List<Label>> byFirstStem = new HashMap<>();
    /** Single-word labels (folded), for typo matching in queries. */
    private final Map<String, String> singleWords = new LinkedHashMap<>();
    /**
     * Stems (per language field) that occur in the labels of one phenomenon only, from words of 5
     * letters or more: a query word with such a stem names that phenomenon even when it is no whole
     * label ("racisme" for "racisme online", "drill" for "drill rap").
     */
    private final Map<String, String> distinctiveStems = new HashMap<>();

    public PhenomenonMatcher(Thesaurus thesaurus, Analysis analysis) {
        this.thesaurus = thesaurus;
        this.analysis = analysis;
        this.analyzer = analysis == null ? null : analysis.indexAnalyzer();
        if (analysis == null) {
            return;
        }
        Map<String, Set<String>> stemOwners = new HashMap<>();
        // Stems used by a label that means what it says without its small words: only those can be
        // distinctive ("vrienden" of "geen vrienden" does not name loneliness).
        Set<String> inPlainLabels = new HashSet<>();
        for (Phenomenon p : thesaurus.all()) {
            List<String> labels = new ArrayList<>(p.allLabels());
            labels.add(p.id().replace('_', ' '));
            for (String label : labels) {
                List<String> labelWords = analysis.words(label);
                // Recognised only as written: a label whose small words change its meaning, and one
                // that the analysis would leave with a single word ("zit er door" would match every
                // "zit", "ik wil dood" every "dood", "wie ben ik online" every "online").
                boolean smallWordsCount = labelWords.stream().anyMatch(MEANING_WORDS::contains)
                        || labelWords.size() > 1 && labelWords.stream().filter(w -> !TextChain.isStopWord(w)).count() <= 1;
                for (String word : labelWords) {
                    if (word.length() >= 5) {
                        for (String field : new String[] { Fields.BODY_NL, Fields.BODY_EN }) {
                            for (String stem : TextChain.terms(analyzer, field, word)) {
                                stemOwners.computeIfAbsent(field + "\u0000" + stem, k -> new HashSet<>()).add(p.id());
                                if (!smallWordsCount) {
                                    inPlainLabels.add(field + "\u0000" + stem);
                                }
                            }
                        }
                    }
                }
                for (String field : new String[] { Fields.BODY_NL, Fields.BODY_EN }) {
                    List<String> stems = TextChain.terms(analyzer, field, label);
                    if (!stems.isEmpty()) {
                        byFirstStem.computeIfAbsent(field + "\u0000" + stems.get(0), k -> new ArrayList<>())
                                .add(new Label(stems, p.id(), label, smallWordsCount ? labelWords : null));
                    }
                }
                if (labelWords.size() == 1 && labelWords.get(0).length() >= 5) {
                    singleWords.putIfAbsent(labelWords.get(0), p.id());
                }
            }
        }
        byFirstStem.values().forEach(l -> l.sort((a, b) -> b.stems().size() - a.stems().size()));
        stemOwners.forEach((stem, owners) -> {
            if (owners.size() == 1 && inPlainLabels.contains(stem)) {
                distinctiveStems.put(stem, owners.iterator().next());
            }
        });
    }

    public Thesaurus thesaurus() {
        return thesaurus;
    }

    public boolean isEmpty() {
        return byFirstStem.isEmpty();
    }

    /** Stems (per language field) of every word of the thesaurus' labels, descriptions and examples; made on first use. */
    private volatile Set<String> thesaurusStems;

    /**
     * Whether a word, or a form of it, occurs in what the thesaurus says: then it is a word of the
     * field, not a typo of a label ("mening" is no typo of "mewing").
     */
    public boolean uses(String word) {
        return analyzer != null && thesaurusUses(word);
    }

    private boolean thesaurusUses(String word) {
        Set<String> known = thesaurusStems;
        if (known == null) {
            Set<String> stems = new HashSet<>();
            StringBuilder text = new StringBuilder();
            thesaurus.all().forEach(p -> text.append(p.text()));
            for (String field : new String[] { Fields.BODY_NL, Fields.BODY_EN }) {
                TextChain.terms(analyzer, field, text.toString()).forEach(t -> stems.add(field + "\u0000" + t));
            }
            thesaurusStems = known = Set.copyOf(stems);
        }
        for (String field : new String[] { Fields.BODY_NL, Fields.BODY_EN }) {
            for (String stem : TextChain.terms(analyzer, field, word)) {
                if (known.contains(field + "\u0000" + stem)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The phenomena named in {@code text}, in order of first mention, each once. */
    public List<Match> find(String text) {
        Map<String, Match> found = new LinkedHashMap<>();
        if (analyzer == null || text == null || text.isBlank()) {
            return List.of();
        }
        List<String> words = null;
        for (String field : new String[] { Fields.BODY_NL, Fields.BODY_EN }) {
            List<String> stems = TextChain.terms(analyzer, field, text);
            for (int i = 0; i < stems.size(); i++) {
                List<Label> candidates = byFirstStem.get(field + "\u0000" + stems.get(i));
                if (candidates == null) {
                    continue;
                }
                for (Label l : candidates) {
                    if (l.strict()) {
                        words = words != null ? words : analysis.words(text);
                        if (java.util.Collections.indexOfSubList(words, l.words()) < 0) {
                            continue;
                        }
                    }
                    if (i + l.stems().size() <= stems.size() && stems.subList(i, i + l.stems().size()).equals(l.stems())) {
                        found.putIfAbsent(l.id(), new Match(l.id(), l.text()));
                        i += l.stems().size() - 1;
                        break;
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * {@link #find} for a query, plus words (5+ letters) one or two typos away from a one-word
     * label; {@code knownWord} says which words occur in the notes (those are taken as typed).
     */
    public List<Match> findInQuery(List<String> words, String text, java.util.function.Predicate<String> knownWord) {
        Map<String, Match> found = new LinkedHashMap<>();
        find(text).forEach(m -> found.put(m.id(), m));
        if (analyzer == null) {
            return List.copyOf(found.values());
        }
        for (String w : words) {
            if (w.length() < 5) {
                continue;
            }
            for (String field : new String[] { Fields.BODY_NL, Fields.BODY_EN }) {
                for (String stem : TextChain.terms(analyzer, field, w)) {
                    String id = distinctiveStems.get(field + "\u0000" + stem);
                    if (id != null) {
                        found.putIfAbsent(id, new Match(id, w));
                    }
                }
            }
        }
        for (String w : words) {
            if (w.length() < 5 || knownWord.test(w) || singleWords.containsKey(w) || thesaurusUses(w)) {
                continue;
            }
            int max = w.length() >= 9 ? 2 : 1;
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String label : singleWords.keySet()) {
                if (Math.abs(label.length() - w.length()) > max) {
                    continue;
                }
                int d = Terms.editDistance(w, label);
                if (d <= max && d < bestDistance) {
                    best = label;
                    bestDistance = d;
                }
            }
            if (best != null) {
                found.putIfAbsent(singleWords.get(best), new Match(singleWords.get(best), best));
            }
        }
        return List.copyOf(found.values());
    }
}
