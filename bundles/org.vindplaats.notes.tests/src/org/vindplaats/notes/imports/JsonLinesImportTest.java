package org.vindplaats.notes.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.Urgency;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.Problem;
import org.vindplaats.notes.StoredNote;
import org.vindplaats.notes.Workspace;
import org.vindplaats.notes.pii.PiiKind;
import org.vindplaats.notes.pii.PiiScrubber;
import org.vindplaats.notes.testsupport.TestData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonLinesImportTest {

    @TempDir
    Path tmp;

    private NoteStore store;

    @BeforeEach
    void openWorkspace() throws IOException {
        store = Workspace.open(tmp.resolve("ws"), Workspace.Settings.DEFAULT.withClock(TestData.CLOCK)).notes();
    }

    private ImportReport importFile(Path file, ImportOptions options) throws IOException {
        return new NoteImporter(store, options, PiiScrubber.standard(), TestData.CLOCK).importPath(file,
                new NullProgressMonitor());
    }

    @Test
    void linesThatAreNotUtf8AreReadAsWindows1252WithAWarningOrRefusedNeverStoredAsReplacementCharacters()
            throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes("{\"id\":\"u1\",\"title\":\"Caf\u00e9 in UTF-8\",\"body\":\"goed\"}\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // What Excel writes on a Belgian Windows: e-acute as 0xE9, the euro sign as 0x80, curly quotes.
        b.writeBytes("{\"id\":\"w2\",\"title\":\"Caf\u00e9 \u20ac5 \u201cExcel\u201d\",\"body\":\"g\u00e9\u00efmporteerd\"}\r\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        // 0x81 is not a character in Windows-1252 either: this line cannot be read as text.
        b.writeBytes(new byte[] { '{', '"', 'i', 'd', '"', ':', '"', 'x', '3', '"', ',', '"', 't', 'i', 't', 'l', 'e', '"',
                ':', '"', 'a', (byte) 0x81, 'b', '"', '}', '\n' });
        b.writeBytes("{\"id\":\"w4\",\"title\":\"na\u00efef\",\"body\":\"x\"}\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        Path file = tmp.resolve("excel.jsonl");
        Files.write(file, b.toByteArray());

        ImportReport r = importFile(file, ImportOptions.DEFAULT);

        assertEquals(3, r.imported(), r.details());
        assertEquals("Caf\u00e9 \u20ac5 \u201cExcel\u201d", store.get("w2").orElseThrow().note().title());
        assertEquals("g\u00e9\u00efmporteerd", store.get("w2").orElseThrow().note().body());
        assertEquals("na\u00efef", store.get("w4").orElseThrow().note().title());
        assertEquals(List.of(3), r.skipped().stream().map(Problem::line).toList(), r.details());
        assertTrue(r.skipped().get(0).message().contains("0x81"), r.skipped().get(0).message());
        Problem w = r.warnings().stream().filter(p -> p.message().contains("Windows-1252")).findFirst()
                .orElseThrow(() -> new AssertionError(r.details()));
        assertEquals(2, w.line());
        assertTrue(w.message().contains("2, 4"), w.message());
        try (var files = Files.walk(tmp.resolve("ws"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(f, java.nio.charset.StandardCharsets.UTF_8).contains("\uFFFD"), f.toString());
            }
        }
    }

    @Test
    void escapeSequencesControlCharactersAndBidiOverridesAreNotStored() throws IOException {
        Path file = tmp.resolve("hostile.jsonl");
        Files.writeString(file, "{\"id\":\"c1\",\"title\":\"\\u001b[2J\\u001b]0;pwned\\u0007Titel \\u202Egnp.exe\\u202C\","
                + "\"body\":\"regel\\u001b[31m rood\\u0000\\u0085\\nvolgende\\u2066x\\u2069\",\"source\":\"bron\\u009b2J\","
                + "\"author\":\"Team\\u0008\\u0008X\",\"platforms\":[\"tiktok\\u001b[0m\"]}\n"
                + "{\"id\":\"bad\\u001b[2J\\u202Eid\",\"title\":\"t\",\"body\":\"b\"}\n",
                java.nio.charset.StandardCharsets.UTF_8);
        ImportReport r = importFile(file, ImportOptions.DEFAULT);
        assertEquals(1, r.imported(), r.details());
        TrendNote n = store.get("c1").orElseThrow().note();
        assertEquals("Titel gnp.exe", n.title());
        assertEquals("regel rood\nvolgendex", n.body());
        assertEquals("bron", n.source());
        assertEquals("TeamX", n.author());
        assertEquals(List.of("tiktok"), n.platforms());
        String skipped = r.skipped().get(0).message();
        assertTrue(skipped.contains("bad") && skipped.contains("id"), skipped);
        assertFalse(r.details().chars().anyMatch(c -> c == 0x1b || c == 0x202e), "the report holds no control characters");
        String stored = Files.readString(tmp.resolve("ws/notes/c1.md"));
        assertFalse(stored.chars().anyMatch(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f || c == 0x202e || c == 0x2066),
                stored);
    }

    @Test
    void badLinesAreSkippedWithLineNumbersAndTheRestImports() throws IOException {
        Path file = TestData.copy("jsonl/bad-lines.jsonl", tmp);
        ImportReport r = importFile(file, ImportOptions.DEFAULT);

        assertEquals(7, r.imported(), r.details());
        assertEquals(1, r.duplicates(), r.details());
        assertEquals(List.of(3, 4, 6, 7, 10, 13, 14), r.skipped().stream().map(Problem::line).toList(), r.details());
        assertTrue(r.skipped().stream().allMatch(p -> p.file().equals(file) && p.isError()));
        assertTrue(r.skipped().get(0).column() > 0, "a JSON syntax error names its column");
        assertTrue(r.skipped().get(2).message().contains(".."), r.skipped().get(2).message());
        assertTrue(r.skipped().get(4).message().contains(":1"), "the duplicate id points at its first line");
        assertTrue(r.details().contains("bad-lines.jsonl:10"), r.details());

        Map<Integer, String> warnings = new java.util.HashMap<>();
        r.warnings().forEach(w -> warnings.merge(w.line(), w.message(), (a, b) -> a + " | " + b));
        assertTrue(warnings.get(5).contains("did you mean \"health\""), warnings.toString());
        assertTrue(warnings.get(12).contains("2025-13-45"), warnings.toString());
        assertTrue(warnings.get(15).contains("mood") && warnings.get(15).contains("kansje"), warnings.toString());
        assertEquals(null, warnings.get(16), "Dutch label words are understood");
        TrendNote dutch = store.get("t-010").orElseThrow().note();
        assertEquals(EnumSet.of(Need.IDENTITY, Need.HEALTH), dutch.needs());
        assertEquals(EnumSet.of(Affordance.VISIBILITY), dutch.affordances());
        assertEquals(Polarity.OPPORTUNITY, dutch.polarity());
        assertEquals(Urgency.CONCERN, dutch.urgency());
        assertFalse(r.skipped().get(0).message().contains("Source"), "no parser boilerplate: " + r.skipped().get(0));

        TrendNote t1 = store.get("t-001").orElseThrow().note();
        assertEquals(EnumSet.of(Need.HEALTH, Need.RELATIONSHIPS), t1.needs());
        assertEquals(Polarity.RISK, t1.polarity());
        assertEquals(EnumSet.of(LabelFamily.PLATFORMS, LabelFamily.NEEDS, LabelFamily.POLARITY), t1.confirmed());

        TrendNote t3 = store.get("t-003").orElseThrow().note();
        assertTrue(t3.needs().isEmpty(), "a family with a typo is not imported half");
        assertEquals(EnumSet.of(Affordance.VISIBILITY), t3.affordances());
        assertEquals(Urgency.INFO, t3.urgency());
        assertEquals(EnumSet.of(LabelFamily.PLATFORMS, LabelFamily.AFFORDANCES, LabelFamily.URGENCY), t3.confirmed());

        TrendNote t5 = store.get("t-005").orElseThrow().note();
        assertEquals("Ze gaf haar nummer [telefoon] en haar mail [e-mail] om te praten.", t5.body());
        assertFalse(t5.piiKept());
        assertEquals(Map.of(PiiKind.PHONE, 1, PiiKind.EMAIL, 1), r.piiReplaced());
        assertTrue(r.summary().contains("[telefoon] 1"), r.summary());

        assertEquals(null, store.get("t-006").orElseThrow().note().observed());
        String generated = r.importedIds().stream().filter(id -> id.startsWith("jsonl-")).findFirst().orElseThrow();
        assertEquals("Zonder id", store.get(generated).orElseThrow().note().title());
        assertEquals(TrendNote.TEAM_OBSERVATION, store.get(generated).orElseThrow().note().source());
        assertFalse(Files.exists(tmp.resolve("etc")) || Files.exists(tmp.resolve("ws/etc")));
    }

    @Test
    void reimportingTheSameContentChangesNothing() throws IOException {
        Path file = TestData.copy("jsonl/bad-lines.jsonl", tmp);
        ImportReport first = importFile(file, ImportOptions.DEFAULT);
        List<StoredNote> before = store.loadAll().notes();
        ImportReport second = importFile(file, ImportOptions.DEFAULT);
        assertEquals(0, second.imported(), second.details());
        assertEquals(0, second.updated(), second.details());
        assertEquals(first.imported(), second.unchanged());
        assertEquals(before, store.loadAll().notes(), "no file was rewritten");
    }

    @Test
    void reimportKeepsLabelsAWorkerConfirmedInVindplaats() throws IOException {
        Path file = TestData.copy("jsonl/bad-lines.jsonl", tmp);
        importFile(file, ImportOptions.DEFAULT);
        StoredNote t1 = store.get("t-001").orElseThrow();
        store.update(t1, NoteBuilder.from(t1.note()).affordances(List.of(Affordance.PERMANENCE))
                .confirm(LabelFamily.AFFORDANCES).build());
        ImportReport again = importFile(file, ImportOptions.DEFAULT);
        assertEquals(0, again.updated(), again.details());
        TrendNote after = store.get("t-001").orElseThrow().note();
        assertEquals(EnumSet.of(Affordance.PERMANENCE), after.affordances());
        assertTrue(after.isConfirmed(LabelFamily.AFFORDANCES));

        // A changed line updates the note in place (same id), keeping the worker's other labels.
        Files.writeString(file, Files.readString(file).replaceFirst("houden streaks vol", "houden hun streaks vol"));
        ImportReport changed = importFile(file, ImportOptions.DEFAULT);
        assertEquals(List.of("t-001"), changed.updatedIds(), changed.details());
        TrendNote updated = store.get("t-001").orElseThrow().note();
        assertTrue(updated.body().contains("hun streaks"));
        assertEquals(EnumSet.of(Affordance.PERMANENCE), updated.affordances());
        assertEquals(3, store.get("t-001").orElseThrow().revision());
    }

    @Test
    void keepingPersonalDataIsAnExplicitRecordedChoice() throws IOException {
        Path file = TestData.copy("jsonl/bad-lines.jsonl", tmp);
        ImportReport r = importFile(file, ImportOptions.DEFAULT.withKeepPii(true));
        assertTrue(r.piiKept());
        assertTrue(r.piiReplaced().isEmpty());
        TrendNote t5 = store.get("t-005").orElseThrow().note();
        assertTrue(t5.piiKept());
        assertTrue(t5.body().contains("0470 12 34 56"));
        // Importing again without the choice scrubs and records that the data is gone.
        ImportReport scrub = importFile(file, ImportOptions.DEFAULT);
        assertTrue(scrub.updatedIds().contains("t-005"), scrub.details());
        assertFalse(store.get("t-005").orElseThrow().note().piiKept());
        assertFalse(store.get("t-005").orElseThrow().note().body().contains("0470"));
    }

    @Test
    void devSetImportsWithItsLabelsAndRetention() throws IOException {
        Path notes = TestData.copy(TestData.DEV_NOTES, tmp);
        ImportReport r = importFile(notes, ImportOptions.DEFAULT.withRetentionMonths(24)
                .withKnownPlatforms(Set.of("instagram", "tiktok", "snapchat", "whatsapp", "youtube", "discord",
                        "telegram", "facebook", "roblox", "twitch", "x", "pinterest", "spotify", "bereal", "reddit",
                        "signal", "threads", "dating_apps", "fortnite", "omegle_like", "other")));
        assertEquals(90, r.imported(), r.details());
        assertTrue(r.skipped().isEmpty(), r.details());
        assertTrue(r.warnings().isEmpty(), r.details());
        assertTrue(r.piiReplacedTotal() >= 14, r.summary());
        TrendNote dev2 = store.get("dev-002").orElseThrow().note();
        assertFalse(dev2.body().contains("0472 58 19 33"));
        assertEquals(LocalDate.of(2027, 3, 4), dev2.expires());
        assertEquals(List.of("instagram", "snapchat"), dev2.platforms());
        assertTrue(dev2.needs().isEmpty(), "notes.jsonl carries no labels");
        assertEquals(EnumSet.of(LabelFamily.PLATFORMS), dev2.confirmed(), "author-tagged platforms count as confirmed");

        ImportReport labelled = importFile(TestData.copy("dev/labelled-sample.jsonl", tmp), ImportOptions.DEFAULT
                .withRetentionMonths(24));
        assertEquals(12, labelled.updated(), labelled.details());
        ObjectMapper json = new ObjectMapper();
        JsonNode gold = json.readTree(TestData.lines("dev/labelled-sample.jsonl").get(1));
        TrendNote labelled2 = store.get("dev-002").orElseThrow().note();
        assertEquals(gold.get("needs").size(), labelled2.needs().size());
        assertEquals(Urgency.IMMEDIATE, labelled2.urgency());
        assertEquals(EnumSet.complementOf(EnumSet.of(LabelFamily.PHENOMENA)), labelled2.confirmed(),
                "every family the labelled file gives (it gives no phenomena)");
        assertEquals(90, store.ids().size(), "labels merge into the existing notes, nothing is duplicated");
    }

    @Test
    void cancellingKeepsSavedNotesAndAResumedImportDoesNotDuplicate() throws IOException {
        Path notes = TestData.copy(TestData.DEV_NOTES, tmp);
        NullProgressMonitor cancelAfterTen = new NullProgressMonitor() {
            @Override
            public boolean isCanceled() {
                try {
                    return store.ids().size() >= 10;
                } catch (IOException e) {
                    return true;
                }
            }
        };
        ImportReport partial = new NoteImporter(store, ImportOptions.DEFAULT, PiiScrubber.standard(), TestData.CLOCK)
                .importPath(notes, cancelAfterTen);
        assertTrue(partial.cancelled());
        assertEquals(10, partial.imported());
        assertEquals(10, store.ids().size());
        assertTrue(partial.summary().contains("Cancelled") || partial.summary().contains("Geannuleerd"));

        ImportReport rest = importFile(notes, ImportOptions.DEFAULT);
        assertFalse(rest.cancelled());
        assertEquals(80, rest.imported());
        assertEquals(10, rest.unchanged());
        assertEquals(90, store.ids().size());
    }
}
