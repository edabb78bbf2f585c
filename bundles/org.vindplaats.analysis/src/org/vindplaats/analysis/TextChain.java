package org.vindplaats.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * The one analysis chain of Vindplaats: search (the note index, the team hub's configset) and need
 * mapping (the suggester, the lexicon, the phenomenon model) all cut text into words here, so a
 * word the suggester learned from is the word the index finds.
 *
 * <p>Chain: StandardTokenizer, [English possessive], lower case, [synonyms, query side only],
 * [stop words], ASCII folding, stemmer. Folding runs before the stemmer so "privé" and "prive"
 * stem alike. The classes are named rather than looked up by name: Lucene's SPI lookup does not
 * work under OSGi, and naming the stemmer pins it, so a Lucene upgrade cannot silently change how
 * Dutch words are stemmed. The ids below are part of the index stamp: bump one when its chain
 * changes and every index rebuilds itself.
 */
public final class TextChain {

    /** What a chain does with the words after lower-casing. */
    public enum Kind {
        /** Dutch Snowball stemming. */
        DUTCH,
        /** English possessives removed, Porter stemming. */
        ENGLISH,
        /** No stemming: platform names, slang, ids. */
        PLAIN,
        /** Dutch compounds split into known parts (the whole word kept too), then Dutch stemming. */
        DUTCH_PARTS
    }

    public static final String DUTCH_ID = "nl:snowball-dutch-v1";
    public static final String ENGLISH_ID = "en:porter-v1";
    public static final String PLAIN_ID = "plain:standard-folding-v1";
    public static final String DUTCH_PARTS_ID = "parts:dictionary-compound-snowball-dutch-v1";
    /** The ids of all chains, for stamps: an index written with other chains must be rebuilt. */
    public static final String IDS = DUTCH_ID + "," + ENGLISH_ID + "," + PLAIN_ID + "," + DUTCH_PARTS_ID;

    /** Lucene's Dutch Snowball stop list (also written into the hub's configset). */
    public static final CharArraySet DUTCH_STOP_WORDS = DutchAnalyzer.getDefaultStopSet();
    public static final CharArraySet ENGLISH_STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    private static final CharArraySet EITHER_STOP_WORDS = new CharArraySet(DUTCH_STOP_WORDS, true);
    static {
        EITHER_STOP_WORDS.addAll(ENGLISH_STOP_WORDS);
    }

    /** One analysed word with where it stands in the original text. */
    public record Token(String term, int start, int end) {
    }

    private final Kind kind;
    private boolean stopWords = true;
    private SynonymMap synonyms;
    private CharArraySet parts;

    private TextChain(Kind kind) {
        this.kind = kind;
    }

    /** A chain of the given kind, with stop words (none for {@link Kind#PLAIN}), no synonyms. */
    public static TextChain of(Kind kind) {
        return new TextChain(kind);
    }

    /** Lower case and folding only: for platform names and slang, which must not be stemmed. */
    public static Analyzer plain() {
        return of(Kind.PLAIN).analyzer();
    }

    /**
     * Keeps function words: lexicon phrases such as "in de groepsapp" must match word for word.
     */
    public TextChain keepStopWords() {
        this.stopWords = false;
        return this;
    }

    /** Query side: equivalent terms are added as a token graph, so multi-word entries stay phrases. */
    public TextChain synonyms(SynonymMap map) {
        this.synonyms = map;
        return this;
    }

    /** The word parts {@link Kind#DUTCH_PARTS} splits compounds into. */
    public TextChain parts(CharArraySet dictionary) {
        this.parts = dictionary;
        return this;
    }

    public Analyzer analyzer() {
        Kind k = kind;
        boolean stops = stopWords;
        SynonymMap syn = synonyms;
        CharArraySet dictionary = parts;
        if (k == Kind.DUTCH_PARTS && dictionary == null) {
            throw new IllegalStateException("A compound chain needs its word parts: call parts(...) first");
        }
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = source;
                if (k == Kind.ENGLISH) {
                    ts = new EnglishPossessiveFilter(ts);
                }
                ts = new LowerCaseFilter(ts);
                if (syn != null && syn.fst != null) {
                    ts = new SynonymGraphFilter(ts, syn, true);
                }
                if (stops && k != Kind.PLAIN) {
                    ts = new StopFilter(ts, k == Kind.ENGLISH ? ENGLISH_STOP_WORDS : DUTCH_STOP_WORDS);
                }
                ts = new ASCIIFoldingFilter(ts);
                switch (k) {
                case DUTCH -> ts = new CachedSnowballFilter(ts, new DutchStemmer());
                case ENGLISH -> ts = new PorterStemFilter(ts);
                case PLAIN -> {
                }
                case DUTCH_PARTS -> {
                    // "groepsapp" and "klassenappgroep" share "groep" and "app".
                    ts = new DictionaryCompoundWordTokenFilter(ts, dictionary, 6, 3, 15, false);
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

    /** A function word of Dutch or English ("van", "the"), ignoring case. */
    public static boolean isStopWord(String word) {
        return EITHER_STOP_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** The terms {@code analyzer} makes of {@code text} for {@code field}, with their offsets. */
    public static List<Token> tokens(Analyzer analyzer, String field, String text) {
        List<Token> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            // Reading from a string cannot fail.
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The terms of a text that belongs to no particular field. */
    public static List<Token> tokens(Analyzer analyzer, String text) {
        return tokens(analyzer, "text", text);
    }

    /** The terms alone. */
    public static List<String> terms(Analyzer analyzer, String field, String text) {
        return tokens(analyzer, field, text).stream().map(Token::term).toList();
    }

    /** The terms alone, of a text that belongs to no particular field. */
    public static List<String> terms(Analyzer analyzer, String text) {
        return terms(analyzer, "text", text);
    }
}
