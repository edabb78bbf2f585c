package org.vindplaats.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.notes.imports.ImportOptions;
import org.vindplaats.notes.imports.ImportReport;
import org.vindplaats.notes.imports.NoteImporter;
import org.vindplaats.notes.pii.PiiScrubber;
import org.vindplaats.notes.testsupport.TestData;

/**
 * Two Vindplaats programs on one workspace (the workbench and a CLI, or two colleagues on a shared
 * folder), modelled as two independent {@link Workspace} objects, one of them reaching the folder
 * through a symbolic link as a mounted share would. NoteStoreTest covers threads on one store;
 * the crash harness (releng/reliability) covers two real processes.
 */
class SharedWorkspaceTest {

    private static final Workspace.Settings SETTINGS = Workspace.Settings.DEFAULT.withClock(TestData.CLOCK);

    @TempDir
    Path tmp;

    private Workspace[] two() throws IOException {
        Path real = tmp.resolve("team");
        Workspace a = Workspace.open(real, SETTINGS);
        Path link = Files.createSymbolicLink(tmp.resolve("share"), real);
        Workspace b = Workspace.open(link, SETTINGS);
        return new Workspace[] { a, b };
    }

    @Test
    void anEditBasedOnAnOldVersionIsAConflictInTheOtherProgram() throws IOException {
        Workspace[] ws = two();
        NoteStore a = ws[0].notes();
        NoteStore b = ws[1].notes();
        a.save(TestData.note("shared", "Titel", "Versie een"), NoteStore.NEW);
        StoredNote readByA = a.get("shared").orElseThrow();
        StoredNote readByB = b.get("shared").orElseThrow();

        a.update(readByA, NoteBuilder.from(readByA.note()).body("Aangepast door A").build());
        ConflictException e = assertThrows(ConflictException.class,
                () -> b.update(readByB, NoteBuilder.from(readByB.note()).body("Aangepast door B").build()));
        assertEquals(1, e.expectedRevision());
        assertEquals(2, e.actualRevision());
        assertTrue(e.getMessage().contains("shared"), e.getMessage());
        assertEquals("Aangepast door A", b.get("shared").orElseThrow().note().body(), "A's edit is not overwritten");

        // B re-reads and edits again: now it works, on top of A's version.
        StoredNote fresh = b.get("shared").orElseThrow();
        b.update(fresh, NoteBuilder.from(fresh.note()).body("Aangepast door A, dan B").build());
        assertEquals(3, a.get("shared").orElseThrow().revision());

        // A deletion by one program is a conflict for the other's stale edit, never a resurrection.
        StoredNote stale = a.get("shared").orElseThrow();
        assertTrue(b.delete("shared"));
        assertThrows(ConflictException.class, () -> a.update(stale, NoteBuilder.from(stale.note()).body("x").build()));
        assertFalse(a.contains("shared"));
    }

    @Test
    void twoNewNotesWithTheSameIdAreNotMerged() throws IOException {
        Workspace[] ws = two();
        ws[0].notes().save(TestData.note("same", "Van A", "A"), NoteStore.NEW);
        assertThrows(ConflictException.class, () -> ws[1].notes().save(TestData.note("same", "Van B", "B"), NoteStore.NEW));
        assertEquals("Van A", ws[1].notes().get("same").orElseThrow().note().title());
    }

    @Test
    void twoImportsAtOnceLoseNothingAndWriteSharedNotesOnce() throws Exception {
        Workspace[] ws = two();
        int n = 300;
        Path first = lines(tmp.resolve("a.jsonl"), 0, n);
        Path second = lines(tmp.resolve("b.jsonl"), n / 2, n + n / 2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ImportReport>> reports = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            NoteStore store = ws[i].notes();
            Path input = i == 0 ? first : second;
            reports.add(pool.submit(() -> {
                go.await();
                return new NoteImporter(store, ImportOptions.DEFAULT, PiiScrubber.standard(), TestData.CLOCK)
                        .importPath(input, new NullProgressMonitor());
            }));
        }
        go.countDown();
        ImportReport ra = reports.get(0).get(5, TimeUnit.MINUTES);
        ImportReport rb = reports.get(1).get(5, TimeUnit.MINUTES);
        pool.shutdown();
        assertTrue(ra.skipped().isEmpty() && rb.skipped().isEmpty(), ra.details() + rb.details());
        assertEquals(n + n / 2, ra.imported() + rb.imported(), "every note was written by exactly one importer");
        assertEquals(n / 2, ra.unchanged() + rb.unchanged(), "the shared half was recognised as the same note");
        NoteStore.LoadResult all = ws[0].notes().loadAll();
        assertEquals(n + n / 2, all.notes().size());
        assertTrue(all.problems().isEmpty(), all.problems().toString());
        assertTrue(all.notes().stream().allMatch(s -> s.revision() == 1), "nothing was written twice");
    }

    @Test
    void aCrashWhileCreatingTheWorkspaceIsFinishedOnTheNextOpen() throws IOException {
        // The kill came after the descriptor's temp file was written, before its rename.
        Path dir = Files.createDirectories(tmp.resolve("new"));
        Files.writeString(dir.resolve(".workspace.json.0a1b2c3d4e5f.tmp"), "{\"format\"");
        Files.createDirectories(dir.resolve("notes"));
        Workspace ws = Workspace.open(dir, SETTINGS);
        assertEquals(Workspace.FORMAT_VERSION, ws.format());
        assertTrue(Files.isRegularFile(dir.resolve("workspace.json")));
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(AtomicFiles::isTempFile), "the leftover is gone");
        }
        // The same with the temp file of its .gitignore (its name starts with "..gitignore.").
        Path second = Files.createDirectories(tmp.resolve("second"));
        Files.writeString(second.resolve("..gitignore.0a1b2c3d4e5f.tmp"), "/index/\n");
        assertEquals(Workspace.FORMAT_VERSION, Workspace.open(second, SETTINGS).format());
        assertTrue(Files.isRegularFile(second.resolve(".gitignore")));
        // A folder with someone else's files is still refused: only our own leftovers are taken over.
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve(".something.tmp"), "not ours");
        assertThrows(WorkspaceException.class, () -> Workspace.open(other, SETTINGS));
    }

    /**
     * Two programs creating the same new workspace at the same moment (found by the crash
     * harness: one took the other's descriptor temp file for a crash leftover and failed with
     * NoSuchFileException). Both must open it; the folder ends up one workspace.
     */
    @Test
    void twoProgramsCreatingTheSameWorkspaceAtOnceBothOpenIt() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 40; round++) {
                Path dir = tmp.resolve("race-" + round);
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                java.util.concurrent.Callable<Workspace> open = () -> {
                    start.await();
                    return Workspace.open(dir, SETTINGS);
                };
                var a = pool.submit(open);
                var b = pool.submit(open);
                assertEquals(Workspace.FORMAT_VERSION, a.get().format(), "round " + round);
                assertEquals(Workspace.FORMAT_VERSION, b.get().format(), "round " + round);
                try (var files = Files.list(dir)) {
                    assertTrue(files.noneMatch(AtomicFiles::isTempFile), "no temp file left in round " + round);
                }
                assertTrue(Files.isRegularFile(dir.resolve("workspace.json")));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Path lines(Path file, int from, int to) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = from; i < to; i++) {
                w.write("{\"id\":\"s-" + i + "\",\"title\":\"Gedeelde waarneming " + i
                        + "\",\"body\":\"Jongeren delen filmpjes over de wijk, nummer " + i
                        + ".\",\"platforms\":[\"tiktok\"],\"observed\":\"2025-05-01\",\"lang\":\"nl\"}\n");
            }
        }
        return file;
    }
}
