package org.vindplaats.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.model.Urgency;

class NoteFileFormatTest {

    private static final Path FILE = Path.of("notes", "dev-001.md");

    private static TrendNote full() {
        return NoteBuilder.create("dev-001").title("Expose-account over meiden uit de brugklas")
                .body("Eerste alinea.\n\nTweede alinea met *Markdown* en een lijst:\n- één\n- twee")
                .platforms(List.of("instagram", "snapchat")).observed(LocalDate.of(2025, 2, 11)).language("nl")
                .source("team observation").author("Team Noord").polarity(Polarity.RISK).urgency(Urgency.CONCERN)
                .needs(List.of(Need.RELATIONSHIPS, Need.IDENTITY)).affordances(List.of(Affordance.ANONYMITY))
                .created(Instant.parse("2025-02-11T09:30:00Z")).updated(Instant.parse("2025-02-12T10:00:00Z"))
                .expires(LocalDate.of(2027, 2, 11)).confirmed(EnumSet.of(LabelFamily.NEEDS, LabelFamily.POLARITY))
                .build();
    }

    /**
     * A worker's phenomena are kept after the affordances, confirmed like any label family; a note
     * without them is written as before (no empty key); a phenomenon id that is no id is named
     * with its line, and the note still reads.
     */
    @Test
    void phenomenaAWorkerGaveRoundTripAndOlderNotesStayAsTheyWere() throws NoteFormatException {
        TrendNote withPhenomena = NoteBuilder.from(full()).phenomena(List.of("exposing_pages", "Sextortion", "exposing_pages"))
                .confirm(LabelFamily.PHENOMENA).build();
        assertEquals(List.of("exposing_pages", "sextortion"), withPhenomena.phenomena(), "lower case, once each");
        String text = NoteFileFormat.format(withPhenomena, 3);
        assertTrue(text.contains("affordances:\n- anonymity\nphenomena:\n- exposing_pages\n- sextortion\npolarity: risk"), text);
        assertTrue(text.contains("confirmed:\n- needs\n- polarity\n- phenomena\n"), text);
        assertEquals(withPhenomena, NoteFileFormat.parse(text, FILE, NoteFileFormat.Mode.STORE).note());
        assertFalse(NoteFileFormat.format(full(), 2).contains("phenomena"), "no phenomena, no key");

        // "None of these": confirmed without any.
        TrendNote none = NoteBuilder.from(full()).confirm(LabelFamily.PHENOMENA).build();
        TrendNote back = NoteFileFormat.parse(NoteFileFormat.format(none, 1), FILE, NoteFileFormat.Mode.STORE).note();
        assertTrue(back.isConfirmed(LabelFamily.PHENOMENA) && back.phenomena().isEmpty());

        String bad = text.replace("- sextortion\n", "- \"sex/tortion\"\n");
        NoteFileFormat.Parsed parsed = NoteFileFormat.parse(bad, FILE, NoteFileFormat.Mode.STORE);
        assertEquals(List.of("exposing_pages"), parsed.note().phenomena());
        assertTrue(parsed.warnings().stream().anyMatch(w -> w.line() == 19 && w.message().contains("sex/tortion")),
                parsed.warnings().toString());
    }

    @Test
    void formatIsStableReadableAndRoundTrips() throws NoteFormatException {
        String text = NoteFileFormat.format(full(), 2);
        String expected = """
                ---
                id: dev-001
                revision: 2
                title: Expose-account over meiden uit de brugklas
                observed: 2025-02-11
                lang: nl
                source: team observation
                author: Team Noord
                platforms:
                - instagram
                - snapchat
                needs:
                - identity
                - relationships
                affordances:
                - anonymity
                polarity: risk
                urgency: concern
                confirmed:
                - needs
                - polarity
                piiKept: false
                created: 2025-02-11T09:30:00Z
                updated: 2025-02-12T10:00:00Z
                expires: 2027-02-11
                ---

                Eerste alinea.

                Tweede alinea met *Markdown* en een lijst:
                - één
                - twee
                """;
        assertEquals(expected, text);
        assertFalse(text.contains("\r"));
        NoteFileFormat.Parsed parsed = NoteFileFormat.parse(text, FILE, NoteFileFormat.Mode.STORE);
        assertEquals(full(), parsed.note());
        assertEquals(2, parsed.revision());
        assertTrue(parsed.warnings().isEmpty());
        assertEquals(text, NoteFileFormat.format(parsed.note(), 2), "formatting is deterministic");
    }

    @ParameterizedTest
    @ValueSource(strings = { "yes", "no", "on", "null", "true", "~", "123", "1e3", "0x1F", "- dash", "# hash",
            "a: b", "'quoted'", "\"dq\"", "@handle", "[x]", "{y}", "*star", "&anchor", "!tag", "%pct", "`tick`",
            "trailing colon:", " leading space", "emoji 🤍 ✨", "back\\slash", "tab\there", "2025-02-11", "---",
            "..." })
    void trickyTitlesAndSourcesRoundTrip(String tricky) throws NoteFormatException {
        TrendNote note = NoteBuilder.create("t-1").title(tricky).source(tricky).author(tricky).body("b").build();
        TrendNote back = NoteFileFormat.parse(NoteFileFormat.format(note, 1), FILE.resolveSibling("t-1.md"),
                NoteFileFormat.Mode.STORE).note();
        String expected = NoteFileFormat.oneLine(tricky);
        assertEquals(expected, back.title());
        assertEquals(expected, back.source());
        assertEquals(expected, back.author());
    }

    @Test
    void bodyWithDelimitersAndCrLfIsKept() throws NoteFormatException {
        TrendNote note = NoteBuilder.create("t-1").title("t").body("regel 1\r\n---\r\nregel 3\r\n\r\n").build();
        String text = NoteFileFormat.format(note, 1);
        assertFalse(text.contains("\r"));
        TrendNote back = NoteFileFormat.parse(text, FILE.resolveSibling("t-1.md"), NoteFileFormat.Mode.STORE).note();
        assertEquals("regel 1\n---\nregel 3", back.body());
        // A file saved by a Windows editor (CRLF, BOM) reads the same.
        String windows = "\uFEFF" + text.replace("\n", "\r\n");
        assertEquals(back, NoteFileFormat.parse(windows, FILE.resolveSibling("t-1.md"), NoteFileFormat.Mode.STORE)
                .note());
    }

    @Test
    void problemsNameTheLine() {
        NoteFormatException e = assertThrows(NoteFormatException.class,
                () -> NoteFileFormat.parse("---\nid: dev-001\ntitle: x\nobserved: 11/02/2025\n---\n", FILE,
                        NoteFileFormat.Mode.STORE));
        assertEquals(4, e.problem().line());
        assertTrue(e.problem().message().contains("11/02/2025"));
        NoteFormatException unclosed = assertThrows(NoteFormatException.class,
                () -> NoteFileFormat.parse("---\nid: dev-001\ntitle: x\n", FILE, NoteFileFormat.Mode.STORE));
        assertEquals(1, unclosed.problem().line());
    }

    @Test
    void labelsAWorkerGaveThemselvesAreConfirmedAndOtherFamiliesKeepTheirState() {
        TrendNote n = NoteBuilder.create("n-1").title("Zelf ingevuld").body("Tekst.").observed(LocalDate.of(2026, 11, 2))
                .needs(EnumSet.of(Need.HEALTH)).urgency(Urgency.CONCERN)
                .confirmed(List.of(LabelFamily.PHENOMENA)) // "none of these" chosen before
                .confirmGivenLabels().build();
        assertEquals(EnumSet.of(LabelFamily.NEEDS, LabelFamily.URGENCY, LabelFamily.PHENOMENA), n.confirmed());
        TrendNote empty = NoteBuilder.create("n-2").title("Leeg").body("Tekst.").observed(LocalDate.of(2026, 11, 2))
                .confirmGivenLabels().build();
        assertTrue(empty.confirmed().isEmpty(), "no label, nothing confirmed");
    }

    @Test
    void importModeIsLenientAndMarksWrittenLabelsAsConfirmed() throws NoteFormatException {
        String md = """
                ---
                title: Handgeschreven
                date: 2025-03-04
                language: NL
                platform: TikTok, Snapchat
                needs: health, helth
                polarity: risk
                unexpected: 1
                ---
                Tekst.
                """;
        NoteFileFormat.Parsed p = NoteFileFormat.parse(md, Path.of("x.md"), NoteFileFormat.Mode.IMPORT);
        assertFalse(p.hasId());
        assertEquals(LocalDate.of(2025, 3, 4), p.note().observed());
        assertEquals("nl", p.note().language());
        assertEquals(List.of("tiktok", "snapchat"), p.note().platforms());
        assertEquals(EnumSet.of(Need.HEALTH), p.note().needs());
        // needs had a typo: not confirmed; platforms and polarity were written by a person: confirmed.
        assertEquals(EnumSet.of(LabelFamily.PLATFORMS, LabelFamily.POLARITY), p.note().confirmed());
        List<String> warnings = p.warnings().stream().map(Problem::toString).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("x.md:6:") && w.contains("\"health\"")),
                warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("x.md:8:") && w.contains("unexpected")),
                warnings.toString());
        NoteFormatException unsafe = assertThrows(NoteFormatException.class,
                () -> NoteFileFormat.parse("---\nid: ../../etc/passwd\n---\nx", Path.of("y.md"),
                        NoteFileFormat.Mode.IMPORT));
        assertEquals(2, unsafe.problem().line());
    }
}
