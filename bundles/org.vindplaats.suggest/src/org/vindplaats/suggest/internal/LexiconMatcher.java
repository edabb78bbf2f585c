package org.vindplaats.suggest.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.vindplaats.analysis.TextChain;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.suggest.Labels;
import org.vindplaats.suggest.Lexicon;
import org.vindplaats.analysis.TextChain.Token;

/**
 * Finds a lexicon's words in a note. Words and notes are stemmed the same way (Dutch words with the
 * Dutch stemmer, English with the English one), so "gepest" finds "pesten" and "bullied" finds
 * "bullying". Two forgiving rules for single words, because notes are written fast: a Dutch
 * compound ending in a lexicon word counts ("naaktfoto" for "foto"), and a long word with one typo
 * counts ("cyberpesen" for "cyberpesten").
 */
public final class LexiconMatcher {

    /** Stems shorter than this never match as the end of a compound: too many accidental hits. */
    static final int MIN_COMPOUND_HEAD = 5;
    /** Stems shorter than this never match with a typo. */
    static final int MIN_TYPO_LENGTH = 7;

    /** One word or phrase of the lexicon for one label. */
    public record Entry(LabelFamily family, String label, String language, String phrase, String[] stems, String key) {
        /** The key (family, label, language and phrase) is made once: it is looked up for every hit in every note. */
        public Entry(LabelFamily family, String label, String language, String phrase, String[] stems) {
            this(family, label, language, phrase, stems, family.id() + "|" + label + "|" + language + "|" + phrase);
        }
    }

    /** An entry found in a text, with the words of the text that matched. */
    public record Hit(Entry entry, String surface) {
    }

    private final List<Entry> entries = new ArrayList<>();
    /** Per language: first stem → entries starting with it. */
    private final Map<String, Map<String, List<Entry>>> byFirstStem = new HashMap<>();
    /** Per language: single-word stem → entries (for compounds: looked up by the word's endings). */
    private final Map<String, Map<String, List<Entry>>> singleWords = new HashMap<>();
    /** Per language: length → single-word entries long enough for a typo match. */
    private final Map<String, Map<Integer, List<Entry>>> typoCandidates = new HashMap<>();
    private final List<Slang> slang = new ArrayList<>();
    private static final String NL = "nl";
    private static final String EN = "en";
    private final Analyzer nl = TextChain.of(TextChain.Kind.DUTCH).keepStopWords().analyzer();
    private final Analyzer en = TextChain.of(TextChain.Kind.ENGLISH).keepStopWords().analyzer();
    private final Analyzer plain = TextChain.plain();

    private record Slang(String term, String[] words, List<String> meanings) {
    }

    public LexiconMatcher(Lexicon lexicon) {
        for (LabelFamily family : List.of(LabelFamily.NEEDS, LabelFamily.AFFORDANCES, LabelFamily.POLARITY,
                LabelFamily.URGENCY)) {
            for (String label : Labels.known(family)) {
                for (String lang : List.of(NL, EN)) {
                    for (String phrase : lexicon.words(family, label, lang)) {
                        List<String> stems = TextChain.terms(analyzer(lang), phrase);
                        if (stems.isEmpty()) {
                            continue;
                        }
                        Entry e = new Entry(family, label, lang, phrase, stems.toArray(String[]::new));
                        entries.add(e);
                        byFirstStem.computeIfAbsent(lang, l -> new HashMap<>())
                                .computeIfAbsent(e.stems()[0], s -> new ArrayList<>()).add(e);
                        if (e.stems().length == 1) {
                            singleWords.computeIfAbsent(lang, l -> new HashMap<>())
                                    .computeIfAbsent(e.stems()[0], x -> new ArrayList<>()).add(e);
                            if (e.stems()[0].length() >= MIN_TYPO_LENGTH) {
                                typoCandidates.computeIfAbsent(lang, l -> new HashMap<>())
                                        .computeIfAbsent(e.stems()[0].length(), x -> new ArrayList<>()).add(e);
                            }
                        }
                    }
                }
            }
        }
        lexicon.slang().forEach((term, meanings) -> {
            List<String> words = TextChain.terms(plain, term);
            if (!words.isEmpty()) {
                slang.add(new Slang(term, words.toArray(String[]::new), meanings));
            }
        });
    }

    private Analyzer analyzer(String lang) {
        return NL.equals(lang) ? nl : en;
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * Slang found in the text and its plain meaning, e.g. "dm" → "privébericht, direct message":
     * the meanings are matched against the lexicon too.
     */
    public Map<String, List<String>> slangIn(String text) {
        List<Token> tokens = TextChain.tokens(plain, text);
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Slang s : slang) {
            for (int i = 0; i + s.words().length <= tokens.size(); i++) {
                if (matchesAt(tokens, i, s.words())) {
                    found.put(text.substring(tokens.get(i).start(), tokens.get(i + s.words().length - 1).end()),
                            s.meanings());
                    break;
                }
            }
        }
        return found;
    }

    /** Every entry found in the text, once per entry, with the text's own words as surface. */
    public List<Hit> match(String text) {
        Map<String, Hit> hits = new LinkedHashMap<>();
        for (String lang : List.of(NL, EN)) {
            List<Token> tokens = TextChain.tokens(analyzer(lang), text);
            Map<String, List<Entry>> index = byFirstStem.getOrDefault(lang, Map.of());
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                // Stemming can make a content word look like a function word ("daten" -> "dat"):
                // a function word in the note never counts as a single-word hit.
                boolean stopWord = TextChain.isStopWord(text.substring(t.start(), t.end()));
                for (Entry e : index.getOrDefault(t.term(), List.of())) {
                    if (stopWord && e.stems().length == 1) {
                        continue;
                    }
                    if (matchesAt(tokens, i, e.stems())) {
                        hits.putIfAbsent(e.key(), new Hit(e,
                                text.substring(t.start(), tokens.get(i + e.stems().length - 1).end())));
                    }
                }
                if (stopWord) {
                    continue;
                }
                String word = t.term();
                String surface = text.substring(t.start(), t.end());
                if (NL.equals(lang)) {
                    Map<String, List<Entry>> singles = singleWords.getOrDefault(lang, Map.of());
                    for (int k = 3; word.length() - k >= MIN_COMPOUND_HEAD; k++) {
                        for (Entry e : singles.getOrDefault(word.substring(k), List.of())) {
                            hits.putIfAbsent(e.key(), new Hit(e, surface));
                        }
                    }
                }
                if (word.length() >= MIN_TYPO_LENGTH - 1) {
                    Map<Integer, List<Entry>> byLength = typoCandidates.getOrDefault(lang, Map.of());
                    for (int len = word.length() - 1; len <= word.length() + 1; len++) {
                        for (Entry e : byLength.getOrDefault(len, List.of())) {
                            if (!hits.containsKey(e.key()) && !word.equals(e.stems()[0])
                                    && withinOneEdit(word, e.stems()[0])) {
                                hits.put(e.key(), new Hit(e, surface));
                            }
                        }
                    }
                }
            }
        }
        return new ArrayList<>(hits.values());
    }

    private static boolean matchesAt(List<Token> tokens, int i, String[] stems) {
        if (i + stems.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < stems.length; k++) {
            if (!tokens.get(i + k).term().equals(stems[k])) {
                return false;
            }
        }
        return true;
    }

    /** True when a and b differ by at most one insertion, deletion or substitution. */
    static boolean withinOneEdit(String a, String b) {
        if (a.length() < b.length()) {
            String x = a;
            a = b;
            b = x;
        }
        int i = 0;
        while (i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            return a.substring(i + 1).equals(b.substring(Math.min(b.length(), i + 1)));
        }
        return a.substring(i + 1).equals(b.substring(i));
    }
}
