package org.vindplaats.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.tartarus.snowball.ext.DutchStemmer;

/** The cached stemmer must give exactly what Lucene's SnowballFilter gives, token for token. */
class CachedSnowballFilterTest {

    private static List<String> tokens(String text, Function<TokenStream, TokenStream> stemming) throws IOException {
        StandardTokenizer source = new StandardTokenizer();
        source.setReader(new StringReader(text));
        // "pesten" is marked as a keyword: both filters must leave it alone.
        TokenStream ts = stemming.apply(new SetKeywordMarkerFilter(new LowerCaseFilter(source),
                new CharArraySet(List.of("pesten"), false)));
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        List<String> out = new ArrayList<>();
        ts.reset();
        while (ts.incrementToken()) {
            out.add(term.toString());
        }
        ts.end();
        ts.close();
        return out;
    }

    private static void assertSameAsSnowball(String text) throws IOException {
        List<String> plain = tokens(text, in -> new SnowballFilter(in, new DutchStemmer()));
        List<String> cached = tokens(text, in -> new CachedSnowballFilter(in, new DutchStemmer()));
        assertEquals(plain.size(), cached.size());
        for (int i = 0; i < plain.size(); i++) {
            // One token at a time: a failure names the first word that differs, not the whole text.
            assertEquals(plain.get(i), cached.get(i), "token " + i);
        }
    }

    /** Sentences in the style of trend notes, so words repeat as they do in a workspace. */
    private static final String NOTES = """
            Jongeren in de wijk delen steeds vaker filmpjes van gevechten in besloten groepen. \
            Meiden vertellen dat ze via privéberichten benaderd worden door onbekende accounts. \
            De groepsapp van de klas werd gebruikt om een leerling te pesten; berichten verdwenen na een dag. \
            Young people share screenshots of private chats, and the screenshots spread to other groups. \
            Op de livestream werden giften gevraagd; de kijkers waren vooral jongens van twaalf tot vijftien. \
            Workers noticed that the challenge videos were removed, but copies kept circulating.""";

    @Test
    void givesTheSameStemsAsSnowballOnNoteTextWithRepeatedWords() throws IOException {
        // Three times: from the second time on every word comes from the cache.
        assertSameAsSnowball(NOTES + " " + NOTES + " " + NOTES);
        List<String> stems = tokens("pesten gepest berichten bericht pesten", in -> new CachedSnowballFilter(in, new DutchStemmer()));
        assertEquals(List.of("pesten", "gepest", "bericht", "bericht", "pesten"), stems, "keyword kept, others stemmed");
    }

    @Test
    void staysCorrectWhenTheCacheOverflowsAndIsEmptied() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 45_000; i++) {
            // Distinct words with Dutch endings, some repeating after the cache was emptied.
            text.append("woord").append(Integer.toString(i % 30_000, 36)).append(i % 2 == 0 ? "en " : "heden ");
        }
        List<String> plain = tokens(text.toString(), in -> new SnowballFilter(in, new DutchStemmer()));
        assertTrue(plain.size() == 45_000);
        assertSameAsSnowball(text.toString());
    }
}
