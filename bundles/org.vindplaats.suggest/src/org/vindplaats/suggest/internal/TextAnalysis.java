package org.vindplaats.suggest.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The analyzers of need mapping, built directly (analysis factories cannot be looked up by name
 * under OSGi): standard tokenizer, lower case, accent folding, optional stop words, Snowball
 * stemming for Dutch or English. Every text is analysed in both languages, because Dutch notes are
 * full of English youth slang and the other way round.
 */
public final class TextAnalysis {

    public static final String NL = "nl";
    public static final String EN = "en";

    /** One analysed word with where it stands in the original text. */
    public record Token(String stem, int start, int end) {
    }

    private static final CharArraySet STOP_WORDS = new CharArraySet(DutchAnalyzer.getDefaultStopSet(), true);
    static {
        STOP_WORDS.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    }

    private TextAnalysis() {
    }

    /** A function word of Dutch or English ("van", "the"), ignoring case. */
    public static boolean isStopWord(String word) {
        return STOP_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    public static Analyzer analyzer(String language, boolean stopWords) {
        boolean dutch = NL.equals(language);
        CharArraySet stops = !stopWords ? null
                : dutch ? DutchAnalyzer.getDefaultStopSet() : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = new LowerCaseFilter(source);
                if (stops != null) {
                    s = new StopFilter(s, stops);
                }
                s = new ASCIIFoldingFilter(s);
                s = new SnowballFilter(s, dutch ? new DutchStemmer() : new EnglishStemmer());
                return new TokenStreamComponents(source, s);
            }
        };
    }

    /** Only lower case and accent folding: for platform names and slang, which must not be stemmed. */
    public static Analyzer plain() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
            }
        };
    }

    public static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("t", new StringReader(text))) {
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

    public static List<String> stems(Analyzer analyzer, String text) {
        return tokens(analyzer, text).stream().map(Token::stem).toList();
    }
}
