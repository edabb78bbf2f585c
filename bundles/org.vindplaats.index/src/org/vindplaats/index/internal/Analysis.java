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
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * The analysis chains, built from explicit classes rather than looked up by name: Lucene's SPI
 * name lookup does not work under OSGi, and naming the stemmer class pins it, so a Lucene upgrade
 * cannot silently change how Dutch words are stemmed (the ids below are in the index stamp; bump
 * one when its chain changes and every index rebuilds itself).
 *
 * <p>Chains: StandardTokenizer, lower case, [synonyms, query side only], stop words, ASCII
 * folding, stemmer. Folding runs before the stemmer so "privé" and "prive" stem alike.
 *
 * <p>Synonyms are applied at query time only: a SynonymGraphFilter at query time handles
 * multi-word entries correctly (the query builder turns the graph into phrase alternatives),
 * which index-time synonyms cannot without flattening, and the index stays small. The slang map
 * is still part of the configuration fingerprint because slang also feeds the platform names
 * that are recognised in the note text at index time.
 */
public final class Analysis {

    public static final String NL_ID = "nl:snowball-dutch-v1";
    public static final String EN_ID = "en:porter-v1";
    public static final String PLAIN_ID = "plain:standard-folding-v1";
    public static final String PARTS_ID = "parts:dictionary-compound-snowball-dutch-v1";
    public static final String IDS = NL_ID + "," + EN_ID + "," + PLAIN_ID + "," + PARTS_ID + "," + Glossary.ID;

    private static final CharArraySet NL_STOP = DutchAnalyzer.getDefaultStopSet();
    private static final CharArraySet EN_STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

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
        this.plain = chain(Lang.PLAIN, null, null);
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
        Analyzer nl = chain(Lang.NL, null, null);
        Analyzer en = chain(Lang.EN, null, null);
        Analyzer nlQ = chain(Lang.NL, map, null);
        Analyzer enQ = chain(Lang.EN, map, null);
        Analyzer plainQ = chain(Lang.PLAIN, map, null);
        Analyzer partsI = chain(Lang.PARTS, null, parts);
        Analyzer partsQ = chain(Lang.PARTS, map, parts);
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
        NL_STOP.stream().map(o -> new String((char[]) o)).sorted().forEach(w -> stop.append(w).append('\n'));
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
        return tokens(plain, Fields.ALL, text);
    }

    private enum Lang {
        NL, EN, PLAIN, PARTS
    }

    private static Analyzer chain(Lang lang, SynonymMap synonyms, CharArraySet parts) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = source;
                if (lang == Lang.EN) {
                    ts = new EnglishPossessiveFilter(ts);
                }
                ts = new LowerCaseFilter(ts);
                if (synonyms != null && synonyms.fst != null) {
                    ts = new SynonymGraphFilter(ts, synonyms, true);
                }
                switch (lang) {
                case NL -> {
                    ts = new StopFilter(ts, NL_STOP);
                    ts = new ASCIIFoldingFilter(ts);
                    ts = new CachedSnowballFilter(ts, new DutchStemmer());
                }
                case EN -> {
                    ts = new StopFilter(ts, EN_STOP);
                    ts = new ASCIIFoldingFilter(ts);
                    ts = new PorterStemFilter(ts);
                }
                case PLAIN -> ts = new ASCIIFoldingFilter(ts);
                case PARTS -> {
                    // Compounds split into known parts (the whole word is kept too), then the
                    // Dutch stemmer: "groepsapp" and "klassenappgroep" share "groep" and "app".
                    ts = new StopFilter(ts, NL_STOP);
                    ts = new ASCIIFoldingFilter(ts);
                    ts = new DictionaryCompoundWordTokenFilter(ts, parts, 6, 3, 15, false);
                    ts = new CachedSnowballFilter(ts, new DutchStemmer());
                }
                }
                return new TokenStreamComponents(source, ts);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
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
                List<String> keyWords = tokens(plain, Fields.ALL, e.getKey());
                List<String> rawKey = rawWords(e.getKey());
                for (String value : e.getValue()) {
                    List<String> valueWords = tokens(plain, Fields.ALL, value);
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

    public static List<String> tokens(Analyzer analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
