package org.vindplaats.suggest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.suggest.Lexicon;
import org.vindplaats.suggest.LexiconException;

/** Reading knowledge-centre lexicons, and the errors an author gets for broken ones. */
class LexiconTest {

    private static Lexicon read(String json) throws Exception {
        return Lexicon.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "data/lexicon.json");
    }

    @Test
    void shippedLexiconHasWordsForEveryNeedAndAffordance() throws Exception {
        Lexicon lex = TestData.kenniscentrumLexicon();
        for (LabelFamily f : List.of(LabelFamily.NEEDS, LabelFamily.AFFORDANCES)) {
            for (String label : org.vindplaats.suggest.Labels.known(f)) {
                assertFalse(lex.words(f, label, "nl").isEmpty(), f + "/" + label + " nl");
                assertFalse(lex.words(f, label, "en").isEmpty(), f + "/" + label + " en");
            }
        }
        assertTrue(lex.slang().get("insta").contains("instagram"));
    }

    @Test
    void brokenJsonNamesFileLineColumnAndFix() {
        String json = "{\n  \"format\": 1,\n  \"needs\": {\n    \"health\": {\"nl\": [\"slaap\" \"eten\"]}\n  }\n}\n";
        LexiconException e = assertThrows(LexiconException.class, () -> read(json));
        assertEquals("data/lexicon.json", e.source());
        assertEquals(4, e.line());
        assertEquals(31, e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("data/lexicon.json:4:31: "), e.getMessage());
        assertTrue(e.fix().contains("comma"), e.fix());
    }

    @Test
    void unknownLabelIsPointedAtAndTheKnownLabelsAreListed() {
        String json = "{\n  \"needs\": {\n    \"helth\": {\"nl\": [\"slaap\"]}\n  }\n}\n";
        LexiconException e = assertThrows(LexiconException.class, () -> read(json));
        assertEquals(3, e.line(), e.getMessage());
        assertEquals(14, e.column(), e.getMessage());
        assertTrue(e.problem().contains("helth"), e.problem());
        assertTrue(e.fix().contains("health") && e.fix().contains("privacy_safety"), e.fix());
    }

    @Test
    void aWordThatIsNotTextIsPointedAt() {
        String json = "{\n  \"affordances\": {\n    \"anonymity\": {\n      \"en\": [\"anonymous\",\n  42]\n    }\n  }\n}\n";
        LexiconException e = assertThrows(LexiconException.class, () -> read(json));
        assertEquals(5, e.line(), e.getMessage());
        assertEquals(3, e.column(), e.getMessage());
        assertTrue(e.problem().contains("42"), e.problem());
    }

    @Test
    void unknownFamilyAndLanguageAreRefused() {
        LexiconException family = assertThrows(LexiconException.class, () -> read("{\"neds\": {}}"));
        assertTrue(family.problem().contains("neds"), family.problem());
        assertEquals(1, family.line());
        LexiconException lang = assertThrows(LexiconException.class,
                () -> read("{\"needs\": {\"health\": {\"de\": [\"Schlaf\"]}}}"));
        assertTrue(lang.problem().contains("de"), lang.problem());
    }

    @Test
    void combiningKeepsEveryWordOnce() throws Exception {
        Lexicon a = read("{\"needs\": {\"health\": {\"nl\": [\"slaap\", \"eten\"]}}, \"slang\": {\"ig\": [\"instagram\"]}}");
        Lexicon b = read("{\"needs\": {\"health\": {\"nl\": [\"eten\", \"sport\"]}}, \"slang\": {\"ig\": [\"insta\"]}}");
        Lexicon c = Lexicon.combine(List.of(a, b));
        assertEquals(List.of("slaap", "eten", "sport"), c.words(LabelFamily.NEEDS, "health", "nl"));
        assertEquals(List.of("instagram", "insta"), c.slang().get("ig"));
    }
}
