package org.vindplaats.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.analysis.TextChain;
import org.vindplaats.index.internal.Analysis;
import org.vindplaats.model.TrendNote;

/** Dutch compounds split into known parts, and Dutch/English equivalents finding each other. */
class CompoundAndCrossLanguageTest {

    @TempDir
    Path tmp;

    private NoteIndex index;

    static final List<TrendNote> NOTES = List.of(
            TestNotes.note("sms", "nl", "Link via sms", "Ze kreeg een phishinglink en vulde haar wachtwoord in.",
                    List.of(), "2025-01-10"),
            TestNotes.note("twitch", "nl", "Livestreamen op Twitch", "Hij gaat elke avond live voor een paar vrienden.",
                    List.of("twitch"), "2025-01-11"),
            TestNotes.note("chat", "en", "Bullying in the class chat", "Students were bullied in a group chat.",
                    List.of(), "2025-01-12"),
            TestNotes.note("klas", "nl", "Uit de klassenappgroep gegooid", "Een jongen wordt steeds verwijderd en weer toegevoegd.",
                    List.of(), "2025-01-13"),
            TestNotes.note("eenzaam", "nl", "Na de verhuizing", "Een meisje voelt zich eenzaam sinds ze verhuisd is.",
                    List.of(), "2025-01-15"),
            TestNotes.note("sport", "nl", "Samen sporten", "Jongeren sporten samen in het park na school.",
                    List.of(), "2025-01-14"));

    @BeforeEach
    void open() throws IOException {
        index = NoteIndex.open(tmp.resolve("index"), TestNotes.source(NOTES), IndexConfig.defaults(), new RecordingMonitor());
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private List<String> ids(String query) throws IOException {
        return index.search(SearchRequest.of(query).limit(20)).hits().stream().map(SearchResult.Hit::id).toList();
    }

    @Test
    void compoundsAreSplitIntoKnownParts() throws IOException {
        Analysis a = new Analysis(Map.of());
        List<String> parts = TextChain.terms(a.indexAnalyzer(), "parts", "klassenappgroep");
        assertTrue(parts.containsAll(List.of("klassenappgroep", "app", "groep")), parts.toString());
        // A word without known parts is analysed as in the Dutch field.
        assertEquals(TextChain.terms(a.indexAnalyzer(), "body.nl", "verwijderd"),
                TextChain.terms(a.indexAnalyzer(), "parts", "verwijderd"));

        assertEquals("sms", ids("phishing").get(0), "phishing finds a phishinglink");
        assertTrue(ids("groepsapp").contains("klas"), "groepsapp shares groep + app with klassenappgroep");
        assertFalse(ids("phishing").contains("sport"));
        assertFalse(ids("groepsapp").contains("sport"));
    }

    @Test
    void dutchAndEnglishEquivalentsFindEachOther() throws IOException {
        assertTrue(ids("pesten").contains("chat"), "pesten finds an English note about bullying");
        assertTrue(ids("groepsapp").contains("chat"), "groepsapp finds a group chat");
        assertEquals(List.of("twitch"), ids("livestreams"), "livestreams finds livestreamen / live gaan");
        assertFalse(ids("pesten").contains("sport"));
    }

    @Test
    void aMisspeltGlossaryTermGetsItsEquivalents() throws IOException {
        assertEquals(List.of("eenzaam"), ids("loneliness"));
        // "lonelyness" is in no note and no glossary; it is one letter from "loneliness".
        assertEquals(List.of("eenzaam"), ids("lonelyness"));
    }
}
