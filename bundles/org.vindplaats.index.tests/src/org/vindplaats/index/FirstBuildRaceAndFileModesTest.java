package org.vindplaats.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.index.OpenReport.Reason;
import org.vindplaats.model.TrendNote;

/**
 * Two first imports into a new workspace: the second process finds the index locked by the first,
 * which is still building it. It must wait for that index, never fall back to a temporary one in
 * memory (which would not see the notes the first process adds, and vanishes at exit). And the
 * index holds the notes' text, so its files are owner-only like the notes.
 */
class FirstBuildRaceAndFileModesTest {

    @TempDir
    Path tmp;

    /** A thread per open: the common pool has one thread on a 2-core machine and would run them one after the other. */
    private static final java.util.concurrent.Executor THREADS = r -> {
        Thread t = new Thread(r, "open-index");
        t.setDaemon(true);
        t.start();
    };

    @Test
    void aSecondOpenWaitsForTheFirstBuildInsteadOfAnInMemoryIndex() throws Exception {
        Path dir = tmp.resolve("index");
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<TrendNote> notes = SearchTest.FIXTURE;
        NoteSource slow = NoteSource.of(() -> {
            building.countDown();
            try {
                release.await(1, TimeUnit.MINUTES); // the first build takes its time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return notes.stream();
        }, notes.size());
        CompletableFuture<NoteIndex> first = CompletableFuture.supplyAsync(() -> open(dir, slow), THREADS);
        assertTrue(building.await(1, TimeUnit.MINUTES), "the first open started its build");

        CompletableFuture<NoteIndex> second = CompletableFuture.supplyAsync(() -> open(dir, TestNotes.source(notes)), THREADS);
        Thread.sleep(700);
        assertFalse(second.isDone(), "the second open waits while the first is building: "
                + (second.isDone() ? second.join().openReport() : ""));
        release.countDown();
        try (NoteIndex a = first.get(1, TimeUnit.MINUTES); NoteIndex b = second.get(1, TimeUnit.MINUTES)) {
            assertNotEquals(Reason.IN_MEMORY, b.openReport().reason(), b.openReport().message());
            assertTrue(b.isReadOnly(), "the first still holds the index, the second searches it on disk");
            assertEquals(notes.size(), b.search(SearchRequest.of("")).total());
            a.index(TestNotes.note("later", "nl", "Later", "Een nieuwe trend met stickers.", List.of(), "2025-07-01"));
            assertEquals(notes.size() + 1, b.search(SearchRequest.of("")).total(),
                    "the second sees what the first adds: it reads the same index, not a copy");
        }
    }

    @Test
    void aSecondOpenTakesOverWhenTheFirstLetsGoBeforeCommitting() throws Exception {
        Path dir = tmp.resolve("index");
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        NoteSource failing = NoteSource.of(() -> {
            building.countDown();
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new java.io.UncheckedIOException(new IOException("notes folder went away"));
        }, 3);
        CompletableFuture<NoteIndex> first = CompletableFuture.supplyAsync(() -> open(dir, failing), THREADS);
        assertTrue(building.await(1, TimeUnit.MINUTES));
        CompletableFuture<NoteIndex> second = CompletableFuture.supplyAsync(() -> open(dir, TestNotes.source(SearchTest.FIXTURE)), THREADS);
        Thread.sleep(500);
        release.countDown();
        assertTrue(first.handle((i, e) -> e != null).get(1, TimeUnit.MINUTES), "the first open failed");
        try (NoteIndex b = second.get(1, TimeUnit.MINUTES)) {
            assertNotEquals(Reason.IN_MEMORY, b.openReport().reason(), b.openReport().message());
            assertFalse(b.isReadOnly(), "the second took over as the writer");
            assertEquals(SearchTest.FIXTURE.size(), b.search(SearchRequest.of("")).total());
        }
    }

    @Test
    void indexFilesAndFoldersAreOwnerOnlyAlsoAfterMergesAndARebuild() throws IOException {
        Path dir = tmp.resolve("ws/index");
        try (NoteIndex index = NoteIndex.open(dir, TestNotes.source(SearchTest.FIXTURE), IndexConfig.defaults(),
                new RecordingMonitor())) {
            index.delete(SearchTest.FIXTURE.get(0).id()); // a merge writes new segment files
            index.rebuild(new RecordingMonitor());
            index.index(TestNotes.note("n", "nl", "Nieuw", "tekst", List.of(), "2025-07-01"));
            assertEquals(List.of(), loose(dir));
        }
        assertEquals(List.of(), loose(dir));
    }

    @Test
    void anIndexFolderLeftReadableIsTightenedOnOpen() throws IOException {
        Path dir = tmp.resolve("index");
        NoteIndex.open(dir, TestNotes.source(SearchTest.FIXTURE), IndexConfig.defaults(), new RecordingMonitor()).close();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        NoteIndex.open(dir, TestNotes.source(SearchTest.FIXTURE), IndexConfig.defaults(), new RecordingMonitor()).close();
        assertEquals(List.of(), loose(dir));
    }

    private static NoteIndex open(Path dir, NoteSource source) {
        try {
            return NoteIndex.open(dir, source, IndexConfig.defaults(), new RecordingMonitor());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> loose(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.map(p -> {
                try {
                    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) + " " + root.relativize(p);
                } catch (IOException e) {
                    return "? " + p;
                }
            }).filter(s -> !s.startsWith("rw-------") && !s.startsWith("rwx------")).toList();
        }
    }

}
