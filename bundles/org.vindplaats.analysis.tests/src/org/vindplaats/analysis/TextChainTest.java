package org.vindplaats.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.junit.jupiter.api.Test;
import org.vindplaats.analysis.TextChain.Kind;
import org.vindplaats.analysis.TextChain.Token;

/** The one chain search and need mapping share: what each kind does to the words of a note. */
class TextChainTest {

    private static final Analyzer DUTCH = TextChain.of(Kind.DUTCH).analyzer();
    private static final Analyzer ENGLISH = TextChain.of(Kind.ENGLISH).analyzer();

    @Test
    void dutchStemsInflectionsAlikeAndFoldsAccents() {
        assertEquals(TextChain.terms(DUTCH, "berichten"), TextChain.terms(DUTCH, "bericht"));
        assertEquals(TextChain.terms(DUTCH, "meiden"), List.of("meid"));
        assertEquals(TextChain.terms(DUTCH, "privé"), TextChain.terms(DUTCH, "prive"));
        assertEquals(List.of(), TextChain.terms(DUTCH, "de het een"), "Dutch function words are left out");
    }

    @Test
    void englishDropsPossessivesAndStems() {
        assertEquals(List.of("student"), TextChain.terms(ENGLISH, "the student's"));
        assertEquals(TextChain.terms(ENGLISH, "bullying"), TextChain.terms(ENGLISH, "bullied"));
        assertEquals(List.of(), TextChain.terms(ENGLISH, "the and of"));
    }

    @Test
    void plainOnlyLowerCasesAndFolds() {
        assertEquals(List.of("snapchat", "streaks", "prive", "de"), TextChain.terms(TextChain.plain(), "Snapchat streaks privé de"));
    }

    @Test
    void lexiconPhrasesCanKeepTheirFunctionWords() {
        Analyzer keep = TextChain.of(Kind.DUTCH).keepStopWords().analyzer();
        assertEquals(3, TextChain.terms(keep, "in de groepsapp").size());
        assertEquals(1, TextChain.terms(DUTCH, "in de groepsapp").size());
    }

    @Test
    void tokensPointBackIntoTheOriginalText() {
        String text = "Anonieme Privéberichten op Snapchat";
        List<Token> tokens = TextChain.tokens(DUTCH, text);
        Token first = tokens.get(0);
        assertEquals("Anonieme", text.substring(first.start(), first.end()));
        Token second = tokens.get(1);
        assertEquals("Privéberichten", text.substring(second.start(), second.end()));
        assertNotEquals("Privéberichten", second.term(), "the term is the folded stem, the offsets the word");
    }

    @Test
    void compoundsSplitIntoKnownPartsAndKeepTheWhole() {
        CharArraySet parts = new CharArraySet(List.of("groep", "app", "klassen"), false);
        Analyzer compounds = TextChain.of(Kind.DUTCH_PARTS).parts(parts).analyzer();
        List<String> terms = TextChain.terms(compounds, "klassenappgroep");
        assertTrue(terms.contains("app") && terms.contains("groep"), terms.toString());
        assertTrue(terms.size() >= 3, "the whole word stays: " + terms);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TextChain.of(Kind.DUTCH_PARTS).analyzer());
        assertTrue(e.getMessage().contains("parts("), e.getMessage());
    }

    @Test
    void querySideSynonymsAddTheirTermsAndKeepTheWordTyped() throws IOException {
        SynonymMap.Builder b = new SynonymMap.Builder(true);
        b.add(new CharsRef("insta"), new CharsRef("instagram"), true);
        Analyzer query = TextChain.of(Kind.PLAIN).synonyms(b.build()).analyzer();
        List<String> terms = TextChain.terms(query, "insta");
        assertTrue(terms.containsAll(List.of("insta", "instagram")), terms.toString());
        assertEquals(List.of("insta"), TextChain.terms(TextChain.plain(), "insta"), "no synonyms unless asked");
    }

    @Test
    void stopWordsOfEitherLanguageIgnoringCase() {
        assertTrue(TextChain.isStopWord("Van"));
        assertTrue(TextChain.isStopWord("THE"));
        assertFalse(TextChain.isStopWord("grooming"));
    }

    @Test
    void emptyAndMissingTextGiveNoTerms() {
        assertEquals(List.of(), TextChain.terms(DUTCH, ""));
        assertEquals(List.of(), TextChain.terms(DUTCH, "text", null));
    }
}
