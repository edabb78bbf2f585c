package org.vindplaats.index.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.vindplaats.analysis.TextChain;
import org.vindplaats.analysis.TextChain.Kind;

/**
 * The index's analysis: the shared {@link TextChain}s per field, the synonyms (glossary, slang,
 * platform names) on the query side, and the word parts compounds split into.
 *
 * <p>Synonyms are applied at query time only: a SynonymGraphFilter at query time handles
 * multi-word entries correctly (the query builder turns the graph into phrase alternatives),
 * which index-time synonyms cannot without flattening, and the index stays small. The slang map
 * is still part of the configuration fingerprint because slang also feeds the platform names
 * that are recognised in the note text at index time.
 */
public final class Analysis {

    /** The chains and the glossary, for the index stamp. */
    public static final String IDS = TextChain.IDS + "," + Glossary.ID;

    private final Analyzer indexAnalyzer;
    private final Analyzer queryAnalyzer;
    private final Analyzer plain;
    private final java.util.Set<String> synonymKeys;
    private final Map<String, List<String>> allSynonyms;
    private final CharArraySet parts;

    /**
     * @param synonyms the configuration's slang and platform names; the built-in {@link Glossary}
     *                 of Dutch/English equivalents is added to them
     */
    public Analysis(Map<String, List<String>> synonyms) {
        this.plain = TextChain.plain();
        Map<String, List<String>> all = new TreeMap<>();
        Glossary.synonyms().forEach((k, v) -> all.put(k, new ArrayList<>(v)));
        synonyms.forEach((k, v) -> {
            List<String> list = all.computeIfAbsent(k, x -> new ArrayList<>());
            v.stream().filter(x -> !list.contains(x)).forEach(list::add);
        });
        SynonymMap map = synonymMap(all, plain);
        java.util.Set<String> keys = new java.util.TreeSet<>();
        all.keySet().forEach(k -> {
            List<String> w = words(k);
            if (w.size() == 1) {
                keys.add(w.get(0));
            }
        });
        this.synonymKeys = java.util.Collections.unmodifiableSet(keys);
        this.allSynonyms = all;
        this.parts = partsDictionary(synonyms);
        Analyzer nl = TextChain.of(Kind.DUTCH).analyzer();
        Analyzer en = TextChain.of(Kind.ENGLISH).analyzer();
        Analyzer nlQ = TextChain.of(Kind.DUTCH).synonyms(map).analyzer();
        Analyzer enQ = TextChain.of(Kind.ENGLISH).synonyms(map).analyzer();
        Analyzer plainQ = TextChain.of(Kind.PLAIN).synonyms(map).analyzer();
        Analyzer partsI = TextChain.of(Kind.DUTCH_PARTS).parts(parts).analyzer();
        Analyzer partsQ = TextChain.of(Kind.DUTCH_PARTS).parts(parts).synonyms(map).analyzer();
        this.indexAnalyzer = perField(nl, en, plain, partsI);
        this.queryAnalyzer = perField(nlQ, enQ, plainQ, partsQ);
    }

    /**
     * The word parts compounds are split into: the glossary's parts plus the platform names and
     * single-word slang of the configuration ("whatsappgroep", "telegramgroepen"), folded.
     */
    private CharArraySet partsDictionary(Map<String, List<String>> synonyms) {
        CharArraySet set = new CharArraySet(256, false);
        for (String p : Glossary.parts()) {
            set.addAll(words(p));
        }
        synonyms.forEach((k, v) -> {
            for (String s : concat(k, v)) {
                List<String> w = words(s);
                // Short nicknames (dm, ig, tt) would split far too many unrelated words.
                if (w.size() == 1 && w.get(0).length() >= 4) {
                    set.add(w.get(0));
                }
            }
        });
        return set;
    }

    private static List<String> concat(String k, List<String> v) {
        List<String> out = new ArrayList<>(v);
        out.add(k);
        return out;
    }

    /**
     * The word lists this analysis uses, as the files of a Solr configset whose field types use
     * the same stock filters (the team hub's): {@code stopwords_nl.txt}, {@code compound-parts.txt}
     * and {@code synonyms.txt} (one group of equivalent terms per line).
     */
    public Map<String, String> wordLists() {
        Map<String, String> files = new TreeMap<>();
        StringBuilder stop = new StringBuilder("# Dutch stop words (Lucene's Snowball list), written by Vindplaats\n");
        TextChain.DUTCH_STOP_WORDS.stream().map(o -> new String((char[]) o)).sorted().forEach(w -> stop.append(w).append('\n'));
        files.put("stopwords_nl.txt", stop.toString());
        StringBuilder partList = new StringBuilder("# Word parts compounds are split into, written by Vindplaats\n");
        parts.stream().map(o -> new String((char[]) o)).sorted().forEach(w -> partList.append(w).append('\n'));
        files.put("compound-parts.txt", partList.toString());
        StringBuilder syn = new StringBuilder("# Equivalent terms (glossary, slang, platform names), written by Vindplaats\n");
        allSynonyms.forEach((k, v) -> {
            List<String> group = new ArrayList<>();
            for (String term : concat(k, v)) {
                // Solr's synonym format gives ',' '=>' and '\\' a meaning: such terms are left out.
                String t = term.strip();
                if (!t.isEmpty() && !t.contains(",") && !t.contains("=>") && !t.contains("\\") && !group.contains(t)) {
                    group.add(t);
                }
            }
            if (group.size() > 1) {
                syn.append(String.join(", ", group)).append('\n');
            }
        });
        files.put("synonyms.txt", syn.toString());
        return files;
    }

    /** The single words (folded) that have synonyms: glossary terms, slang, platform nicknames. */
    public java.util.Set<String> synonymKeys() {
        return synonymKeys;
    }

    /** Analyzer per field for writing documents (no synonyms). */
    public Analyzer indexAnalyzer() {
        return indexAnalyzer;
    }

    /** Analyzer per field for queries (with the slang and platform synonyms). */
    public Analyzer queryAnalyzer() {
        return queryAnalyzer;
    }

    /** Lower-cased, folded words of {@code text}, no stemming, no stop words. */
    public List<String> words(String text) {
        return TextChain.terms(plain, Fields.ALL, text);
    }

    private static Analyzer perField(Analyzer nl, Analyzer en, Analyzer plain, Analyzer parts) {
        Analyzer keyword = new KeywordAnalyzer();
        return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                if (fieldName.endsWith(Fields.NL_SUFFIX)) {
                    return nl;
                }
                if (fieldName.endsWith(Fields.EN_SUFFIX)) {
                    return en;
                }
                if (fieldName.equals(Fields.ALL)) {
                    return plain;
                }
                if (fieldName.equals(Fields.PARTS)) {
                    return parts;
                }
                return keyword;
            }
        };
    }

    /**
     * Slang word to plain synonyms, one way only (the slang word is kept as well): "insta" also
     * finds "instagram", but "instagram" does not drag in every nickname. Keys are added as written (lower case) and folded, so a
     * user who types "prive" matches a key written "privé".
     */
    static SynonymMap synonymMap(Map<String, List<String>> synonyms, Analyzer plain) {
        if (synonyms.isEmpty()) {
            return new SynonymMap(null, null, 0);
        }
        try {
            SynonymMap.Builder builder = new SynonymMap.Builder(true);
            for (Map.Entry<String, List<String>> e : synonyms.entrySet()) {
                List<String> keyWords = TextChain.terms(plain, Fields.ALL, e.getKey());
                List<String> rawKey = rawWords(e.getKey());
                for (String value : e.getValue()) {
                    List<String> valueWords = TextChain.terms(plain, Fields.ALL, value);
                    if (keyWords.isEmpty() || valueWords.isEmpty() || valueWords.equals(keyWords)) {
                        continue;
                    }
                    CharsRef output = SynonymMap.Builder.join(valueWords.toArray(String[]::new), new CharsRefBuilder());
                    builder.add(SynonymMap.Builder.join(keyWords.toArray(String[]::new), new CharsRefBuilder()), output, true);
                    if (!rawKey.isEmpty() && !rawKey.equals(keyWords)) {
                        builder.add(SynonymMap.Builder.join(rawKey.toArray(String[]::new), new CharsRefBuilder()), output, true);
                    }
                }
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lower-cased words as the tokenizer splits them, before folding. */
    private static List<String> rawWords(String text) {
        List<String> out = new ArrayList<>();
        try (StandardTokenizer t = new StandardTokenizer()) {
            t.setReader(new java.io.StringReader(text));
            CharTermAttribute term = t.addAttribute(CharTermAttribute.class);
            t.reset();
            while (t.incrementToken()) {
                out.add(term.toString().toLowerCase(Locale.ROOT));
            }
            t.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
