package org.vindplaats.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.notes.imports.ImportOptions;
import org.vindplaats.notes.imports.ImportReport;
import org.vindplaats.notes.imports.NoteImporter;
import org.vindplaats.notes.pii.PiiScrubber;
import org.vindplaats.notes.testsupport.TestData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * End to end on the bytes on disk: no personal data of the fixtures (the gold PII strings of the
 * evaluation copy in testdata/dev) reaches any file of the workspace, hidden ones and file names
 * included, unless the worker chose to keep it; and a purged note leaves no trace in any file.
 * PiiEvaluationTest measures the detector itself; this checks what the whole save path writes.
 */
class PrivacyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static List<String> goldPii() throws IOException {
        List<String> all = new ArrayList<>();
        for (String line : TestData.lines("dev/gold-pii.jsonl")) {
            JsonNode g = JSON.readTree(line);
            g.get("pii").forEach(p -> all.add(p.asText()));
        }
        assertTrue(all.size() >= 10, "the fixture has personal data to look for: " + all);
        return all;
    }

    /** Every file below {@code root} (hidden ones too) with its name and content as one text. */
    private static Map<Path, String> everything(Path root) throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String text = p.getFileName().toString();
                if (Files.isRegularFile(p)) {
                    text += "\n" + new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                }
                files.put(p, text);
            }
        }
        return files;
    }

    private ImportReport importDev(Workspace ws, boolean keep) throws IOException {
        return new NoteImporter(ws.notes(), ImportOptions.DEFAULT.withKeepPii(keep), PiiScrubber.standard(),
                TestData.CLOCK).importPath(TestData.copy(TestData.DEV_NOTES, tmp.resolve(keep ? "keep" : "scrub")),
                        new NullProgressMonitor());
    }

    @Test
    void noPersonalDataReachesAnyFileOfTheWorkspace() throws IOException {
        Workspace ws = Workspace.open(tmp.resolve("ws"), Workspace.Settings.DEFAULT.withClock(TestData.CLOCK));
        ImportReport r = importDev(ws, false);
        assertEquals(90, r.imported(), r.details());
        Map<Path, String> files = everything(ws.directory());
        assertTrue(files.size() > 90, "the notes are there: " + files.size());
        List<String> leaks = new ArrayList<>();
        for (String pii : goldPii()) {
            files.forEach((file, text) -> {
                if (text.contains(pii)) {
                    leaks.add(pii + " in " + file);
                }
            });
        }
        assertEquals(List.of(), leaks, "personal data written to disk");
        // The report itself says what was replaced, by kind, never the data.
        assertFalse(r.piiReplaced().isEmpty());
        for (String pii : goldPii()) {
            assertFalse(r.details().contains(pii), "the import report repeats " + pii);
        }
    }

    @Test
    void theKeepChoiceKeepsItAndIsRecordedOnEveryNote() throws IOException {
        Workspace ws = Workspace.open(tmp.resolve("ws"), Workspace.Settings.DEFAULT.withClock(TestData.CLOCK));
        importDev(ws, true);
        String all = String.join("\n", everything(ws.notesDirectory()).values());
        for (String pii : goldPii()) {
            assertTrue(all.contains(pii), "kept by choice: " + pii);
        }
        NoteStore.LoadResult load = ws.notes().loadAll();
        assertTrue(load.notes().stream().allMatch(s -> s.note().piiKept()), "the choice is recorded on each note");
    }

    @Test
    void aPurgedNoteLeavesNoTraceInAnyFile() throws IOException {
        Workspace ws = Workspace.open(tmp.resolve("ws"), Workspace.Settings.DEFAULT.withClock(TestData.CLOCK));
        NoteStore store = ws.notes();
        store.save(NoteBuilder.from(TestData.note("old", "Oude waarneming", "UNIEK-KENMERK-7f3a over een oude trend"))
                .observed(LocalDate.of(2020, 1, 1)).build(), NoteStore.NEW);
        StoredNote old = store.get("old").orElseThrow();
        store.update(old, NoteBuilder.from(old.note()).body("UNIEK-KENMERK-7f3a, tweede versie").build());
        store.save(NoteBuilder.from(TestData.note("new", "Nieuwe waarneming", "blijft staan"))
                .observed(LocalDate.of(2025, 6, 1)).build(), NoteStore.NEW);

        Retention.PurgeReport report = new Retention(12).purge(store, LocalDate.of(2025, 6, 30), new NullProgressMonitor());
        assertEquals(1, report.deleted().size(), report.summary());
        assertFalse(store.contains("old"));
        everything(ws.directory()).forEach((file, text) -> {
            assertFalse(text.contains("UNIEK-KENMERK-7f3a"), "a trace of the purged note in " + file);
            assertFalse(file.getFileName().toString().contains("old.md"), "a copy of the purged file: " + file);
        });
        assertTrue(store.contains("new"));
    }
}
