package org.vindplaats.notes.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.testsupport.TestData;

class PiiScrubberTest {

    @Test
    void everyKindGetsItsTypedPlaceholder() {
        String text = "Lotte Verhoeven (15) mailde lotte.v@example.com en belde 0470 12 34 56; volg @lottev."
                + " IBAN BE71 0961 2345 6769, RRN 85.07.30-033.28, BSN 111222333, adres Kerkstraat 12,"
                + " 9000 Gent, klas 4B van het Sint-Amandinuscollege.";
        ScrubResult r = PiiScrubber.standard().scrub(text);
        assertEquals("[naam] (15) mailde [e-mail] en belde [telefoon]; volg [handle]. IBAN [iban],"
                + " RRN [rijksregisternummer], BSN [bsn], adres [adres], [school].", r.text());
        Map<PiiKind, Integer> counts = r.counts();
        for (PiiKind kind : PiiKind.values()) {
            assertEquals(1, counts.get(kind), kind.toString());
        }
        assertEquals("0470 12 34 56", r.replaced().get(2).text(), "the report says what was replaced");
    }

    /**
     * Regression for the PiiDetectorFuzz finding: the school name ran into the address, the
     * stronger address match won, and only a second scrub found the school. Scrubbing now repeats
     * until nothing new is found; offsets still refer to the original text.
     */
    @Test
    void fuzzFindingSchoolBeforeAddressIsScrubbedInOneCall() {
        String text = TestData.text("fuzz-regressions/pii-school-before-address.txt");
        ScrubResult once = PiiScrubber.standard().scrub(text);
        assertTrue(once.text().contains("uit [school] [adres]"), once.text());
        // A scrubber of its own for the second scrub: the first remembers its output as clean.
        ScrubResult twice = fresh().scrub(once.text());
        assertEquals(once.text(), twice.text());
        assertFalse(twice.changed(), twice.replaced().toString());
        int end = 0;
        for (PiiMatch m : once.replaced()) {
            assertEquals(text.substring(m.start(), m.end()), m.text(), "offsets refer to the original text");
            assertTrue(m.start() >= end, "reported in order, not overlapping: " + once.replaced());
            end = m.end();
        }
        assertEquals(1, once.counts().get(PiiKind.SCHOOL));
        assertTrue(once.replaced().stream().anyMatch(m -> m.kind() == PiiKind.SCHOOL
                && m.text().startsWith("klas 3B van het Sint")), once.replaced().toString());
    }

    @Test
    void scrubbingIsIdempotentAndLeavesCleanTextAlone() {
        ScrubResult once = PiiScrubber.standard().scrub("Bel 06-12345678 of mail a@b.nl.");
        ScrubResult twice = fresh().scrub(once.text());
        assertEquals(once.text(), twice.text());
        assertFalse(twice.changed());
        String clean = "Meiden van 13-15 delen filters op TikTok.";
        assertSame(clean, PiiScrubber.standard().scrub(clean).text());
    }

    /** A scrubber that remembers nothing yet. */
    private static PiiScrubber fresh() {
        return new PiiScrubber(PiiDetector.standard());
    }

    /**
     * A scrubber remembers the texts it found clean (an import scrubs, then the store scrubs the
     * same text again): only the very same text is spared, never one that merely looks alike.
     */
    @Test
    void aTextFoundCleanIsRememberedButNothingElse() {
        PiiScrubber scrubber = fresh();
        String clean = "Meiden van 13-15 delen filters op TikTok, bel 0470";
        assertFalse(scrubber.scrub(clean).changed());
        ScrubResult again = scrubber.scrub(clean);
        assertFalse(again.changed());
        assertSame(clean, again.text());
        String withNumber = "Bel 0470 12 34 56 voor de groepsapp van de klas, zegt ze";
        String cleanOfSameLength = "Zie de groepsapp van de klas, de meiden zeggen het nu ja";
        assertEquals(withNumber.length(), cleanOfSameLength.length());
        assertFalse(scrubber.scrub(cleanOfSameLength).changed());
        assertTrue(scrubber.scrub(withNumber).changed(), "a text of the same length is examined, not taken as clean");
        // Its own output is clean; so is an equal copy of it, and a hundred other texts later the
        // first one is examined again (and still found clean).
        ScrubResult scrubbed = scrubber.scrub("Mail lotte.v@example.com vandaag nog");
        assertEquals("Mail [e-mail] vandaag nog", scrubbed.text());
        assertFalse(scrubber.scrub(new String(scrubbed.text().toCharArray())).changed());
        for (int i = 0; i < 100; i++) {
            scrubber.scrub("Tekst nummer " + i + " zonder iets persoonlijks.");
        }
        assertFalse(scrubber.scrub(clean).changed());
        assertTrue(scrubber.scrub(withNumber).changed());
    }

    @Test
    void notesKeepPersonalDataOnlyByRecordedChoice() {
        TrendNote note = TestData.note("n", "Bel 0470 12 34 56", "Haar e-mail: x.y@example.com");
        PiiScrubber.NoteScrub s = PiiScrubber.standard().scrub(note);
        assertEquals("Bel [telefoon]", s.note().title());
        assertEquals("Haar e-mail: [e-mail]", s.note().body());
        assertEquals(2, s.replaced().size());
        TrendNote kept = NoteBuilder.from(note).piiKept(true).build();
        assertSame(kept, PiiScrubber.standard().scrub(kept).note());
        assertTrue(PiiScrubber.standard().scrub(kept).replaced().isEmpty());
    }

    @Test
    void findNamesWhatAScrubWouldReplaceAlsoWhenItIsKept() {
        TrendNote note = NoteBuilder.from(TestData.note("n", "Bel 0470 12 34 56", "Niets persoonlijks."))
                .source("https://www.tiktok.com/@lottev").build();
        assertEquals(PiiScrubber.standard().scrub(note).replaced(), PiiScrubber.standard().find(note));
        assertEquals(2, PiiScrubber.standard().find(note).size(), "the title and the source are read");
        TrendNote kept = NoteBuilder.from(note).piiKept(true).build();
        assertEquals(PiiScrubber.standard().find(note), PiiScrubber.standard().find(kept),
                "what a worker keeps is still shown to them");
    }

    @Test
    void aHandleInTheSourceUrlIsScrubbedToo() {
        TrendNote note = NoteBuilder.from(TestData.note("n", "Hijab tutorials", "Grote volgersgroep."))
                .source("https://www.tiktok.com/@modestbyamina/video/123").build();
        PiiScrubber.NoteScrub s = PiiScrubber.standard().scrub(note);
        assertEquals("https://www.tiktok.com/[handle]/video/123", s.note().source());
        assertEquals(PiiKind.HANDLE, s.replaced().get(0).kind());
    }
}
