package org.vindplaats.notes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.model.Need;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.notes.pii.PiiKind;
import org.vindplaats.notes.pii.PiiScrubber;
import org.vindplaats.notes.testsupport.TestData;

class NoteStoreTest {

    @TempDir
    Path dir;

    private NoteStore store(WriteHooks hooks) throws IOException {
        return new NoteStore(dir.resolve("notes"), PiiScrubber.standard(), TestData.CLOCK, hooks);
    }

    private NoteStore store() throws IOException {
        return store(WriteHooks.NONE);
    }

    /** Simulates the process dying: an Error the store does not catch, so it cannot clean up. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void savedNoteReadsBackWithRevisionAndTimes() throws IOException {
        NoteStore store = store();
        SaveResult r = store.save(TestData.note("n-1", "Titel", "Tekst over TikTok."), NoteStore.NEW);
        assertTrue(r.created());
        assertEquals(1, r.stored().revision());
        StoredNote read = store.get("n-1").orElseThrow();
        assertEquals("Titel", read.note().title());
        assertEquals("Tekst over TikTok.", read.note().body());
        assertEquals(Instant.parse("2025-06-30T12:00:00Z"), read.note().created());
        assertEquals(read.note().created(), read.note().updated());
        assertEquals(r.stored().fingerprint(), read.fingerprint());
        assertEquals(dir.resolve("notes").toRealPath().resolve("n-1.md"), read.file());
        assertTrue(store.get("n-2").isEmpty());
        assertEquals(List.of("n-1"), store.ids());
    }

    @Test
    void secondSaveBumpsRevisionAndKeepsCreated() throws IOException {
        NoteStore first = store();
        first.save(TestData.note("n-1", "Eerste", "a"), NoteStore.NEW);
        Clock later = Clock.fixed(Instant.parse("2025-07-01T08:00:00Z"), ZoneOffset.UTC);
        NoteStore store = new NoteStore(dir.resolve("notes"), PiiScrubber.standard(), later, WriteHooks.NONE);
        StoredNote base = store.get("n-1").orElseThrow();
        TrendNote changed = NoteBuilder.from(base.note()).title("Tweede").created(null).build();
        SaveResult r = store.update(base, changed);
        assertFalse(r.created());
        assertEquals(2, r.stored().revision());
        assertEquals(Instant.parse("2025-06-30T12:00:00Z"), r.stored().note().created());
        assertEquals(Instant.parse("2025-07-01T08:00:00Z"), r.stored().note().updated());
    }

    /** Saves within one second (a script confirming twice) still each get a later last change: the index sees them all. */
    @Test
    void savesWithinOneSecondStillMoveTheLastChangeOn() throws IOException {
        NoteStore store = store(); // a fixed clock: every save in the same second
        StoredNote v1 = store.save(TestData.note("n-1", "Versie 1", "a"), NoteStore.NEW).stored();
        StoredNote v2 = store.update(v1, NoteBuilder.from(v1.note()).title("Versie 2").build()).stored();
        StoredNote v3 = store.update(v2, NoteBuilder.from(v2.note()).title("Versie 3").build()).stored();
        assertTrue(v2.note().updated().isAfter(v1.note().updated()), v1.note().updated() + " " + v2.note().updated());
        assertTrue(v3.note().updated().isAfter(v2.note().updated()), v2.note().updated() + " " + v3.note().updated());
        assertEquals(v3.note().updated(), store.get("n-1").orElseThrow().note().updated(), "as the file says");
    }

    @Test
    void staleRevisionIsAConflictAndNothingIsOverwritten() throws IOException {
        NoteStore store = store();
        StoredNote v1 = store.save(TestData.note("n-1", "Versie 1", "a"), NoteStore.NEW).stored();
        store.update(v1, NoteBuilder.from(v1.note()).title("Versie 2 (collega)").build());
        byte[] onDisk = Files.readAllBytes(v1.file());

        ConflictException e = assertThrows(ConflictException.class,
                () -> store.update(v1, NoteBuilder.from(v1.note()).title("Versie 2 (ik)").build()));
        assertEquals("n-1", e.noteId());
        assertEquals(1, e.expectedRevision());
        assertEquals(2, e.actualRevision());
        assertTrue(e.getMessage().contains("n-1"), e.getMessage());
        assertArrayEquals(onDisk, Files.readAllBytes(v1.file()), "the colleague's version must stay");

        assertThrows(ConflictException.class, () -> store.save(TestData.note("n-1", "nieuw", "x"), NoteStore.NEW),
                "saving as new over an existing note is a conflict");
    }

    @Test
    void handEditWithoutRevisionBumpIsAConflictForUpdate() throws IOException {
        NoteStore store = store();
        StoredNote v1 = store.save(TestData.note("n-1", "Titel", "Oorspronkelijke tekst"), NoteStore.NEW).stored();
        // A worker edits the file in a text editor and keeps "revision: 1".
        String edited = Files.readString(v1.file()).replace("Oorspronkelijke tekst", "Met de hand verbeterd");
        Files.writeString(v1.file(), edited);
        assertThrows(ConflictException.class,
                () -> store.update(v1, NoteBuilder.from(v1.note()).title("Andere titel").build()));
        assertEquals("Met de hand verbeterd", store.get("n-1").orElseThrow().note().body());
    }

    @Test
    void deletedMeanwhileIsAConflict() throws IOException {
        NoteStore store = store();
        StoredNote v1 = store.save(TestData.note("n-1", "Titel", "x"), NoteStore.NEW).stored();
        assertTrue(store.delete("n-1"));
        ConflictException e = assertThrows(ConflictException.class, () -> store.update(v1, v1.note()));
        assertEquals(NoteStore.NEW, e.actualRevision());
        assertFalse(store.contains("n-1"));
    }

    @Test
    void crashBetweenTempWriteAndRenameKeepsOldNoteAndTempIsCleanedOnReopen() throws IOException {
        store().save(TestData.note("n-1", "Oud", "Oude tekst"), NoteStore.NEW);
        Path file = dir.resolve("notes/n-1.md");
        byte[] before = Files.readAllBytes(file);

        NoteStore crashing = store(new WriteHooks() {
            @Override
            public void beforeMove(Path temp, Path target) {
                throw new SimulatedCrash();
            }
        });
        StoredNote base = crashing.get("n-1").orElseThrow();
        assertThrows(SimulatedCrash.class,
                () -> crashing.update(base, NoteBuilder.from(base.note()).title("Nieuw").build()));

        assertArrayEquals(before, Files.readAllBytes(file), "the old note is intact");
        List<Path> temps;
        try (Stream<Path> s = Files.list(file.getParent())) {
            temps = s.filter(AtomicFiles::isTempFile).toList();
        }
        assertEquals(1, temps.size(), "the crash left its complete temp file behind");
        assertTrue(Files.readString(temps.get(0)).contains("title: Nieuw"));
        NoteStore.LoadResult load = store().loadAll();
        assertEquals(1, load.notes().size(), "a temp file is never listed as a note");
        assertTrue(load.problems().isEmpty(), load.problems().toString());

        Workspace reopened = Workspace.open(dir, Workspace.Settings.DEFAULT.withClock(TestData.CLOCK));
        assertEquals(1, reopened.cleanedTempFiles());
        assertFalse(Files.exists(temps.get(0)));
        assertEquals("Oud", reopened.notes().get("n-1").orElseThrow().note().title());
    }

    @Test
    void fullDiskKeepsPreviousVersionAndLeavesNoPartialFile() throws IOException {
        store().save(TestData.note("n-1", "Oud", "Oude tekst"), NoteStore.NEW);
        Path file = dir.resolve("notes/n-1.md");
        byte[] before = Files.readAllBytes(file);
        NoteStore full = store(new WriteHooks() {
            @Override
            public void write(FileChannel channel, ByteBuffer data, Path temp) throws IOException {
                data.limit(data.capacity() / 2);
                channel.write(data); // half of the note reaches the disk ...
                throw new IOException("No space left on device"); // ... then the disk is full
            }
        });
        StoredNote base = full.get("n-1").orElseThrow();
        NoteStoreException e = assertThrows(NoteStoreException.class,
                () -> full.update(base, NoteBuilder.from(base.note()).body("Nieuwe, langere tekst").build()));
        assertFalse(e instanceof ConflictException);
        assertTrue(e.getMessage().contains("n-1") && e.getMessage().contains("No space left on device"),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (Stream<Path> s = Files.list(file.getParent())) {
            assertEquals(List.of(), s.filter(AtomicFiles::isTempFile).toList(), "the failed temp file is removed");
        }
        assertEquals(1, store().get("n-1").orElseThrow().revision());
    }

    @Test
    void unreadableFilesAreReportedWithFileAndLineNotDropped() throws IOException {
        NoteStore store = store();
        store.save(TestData.note("good", "Goed", "x"), NoteStore.NEW);
        Path notes = store.directory();
        Files.writeString(notes.resolve("broken.md"), "---\nid: broken\nrevision: 1\ntitle: [unclosed\n---\nbody\n");
        Files.writeString(notes.resolve("nofront.md"), "Just text\n");
        Files.writeString(notes.resolve("wrongid.md"), "---\nid: other\nrevision: 1\ntitle: t\n---\n");
        Files.writeString(notes.resolve("baddate.md"),
                "---\nid: baddate\nrevision: 1\ntitle: t\nobserved: 2025-02-30\n---\n");
        Files.write(notes.resolve("latin1.md"), "---\nid: latin1\ntitle: caf\u00e9\n---\n".getBytes(
                StandardCharsets.ISO_8859_1));
        Files.writeString(notes.resolve("bad name.md"), "---\nid: x\n---\n");
        Files.writeString(notes.resolve("typo.md"),
                "---\nid: typo\nrevision: 3\ntitle: t\nneeds:\n- helth\n- identity\n---\nbody\n");

        NoteStore.LoadResult load = store.loadAll();
        assertEquals(List.of("good", "typo"), load.notes().stream().map(StoredNote::id).toList());
        assertEquals(Need.IDENTITY, load.notes().get(1).note().needs().iterator().next());
        List<String> problems = load.problems().stream().map(Problem::toString).toList();
        assertEquals(7, problems.size(), problems.toString());
        Problem broken = load.problems().stream().filter(p -> p.file().endsWith("broken.md")).findFirst()
                .orElseThrow();
        assertTrue(broken.line() >= 4 && broken.isError(), broken.toString());
        assertTrue(has(problems, "nofront.md:1"), problems.toString());
        assertTrue(has(problems, "wrongid.md:2") && has(problems, "\"other\""), problems.toString());
        assertTrue(has(problems, "baddate.md:5"), problems.toString());
        assertTrue(has(problems, "latin1.md") && has(problems, "UTF-8"), problems.toString());
        assertTrue(has(problems, "bad name.md"), problems.toString());
        assertTrue(has(problems, "typo.md:6") && has(problems, "did you mean \"health\""), problems.toString());
        assertTrue(Files.exists(notes.resolve("broken.md")), "problem files are never deleted");

        NoteFormatException e = assertThrows(NoteFormatException.class, () -> store.get("broken"));
        assertEquals(broken.line(), e.problem().line());
        assertThrows(NoteStoreException.class, () -> store.save(TestData.note("broken", "t", "b"), 1),
                "a file that cannot be read is not overwritten");
    }

    private static boolean has(List<String> lines, String part) {
        return lines.stream().anyMatch(l -> l.contains(part));
    }

    @Test
    void invalidIdsAreRefused() throws IOException {
        NoteStore store = store();
        assertThrows(IllegalArgumentException.class, () -> store.get("../workspace"));
        assertThrows(IllegalArgumentException.class,
                () -> store.save(TestData.note("a/b", "t", "b"), NoteStore.NEW));
    }

    @Test
    void listenersHearChangesAfterTheyAreOnDiskAndBatchesGroupThem() throws IOException {
        NoteStore store = store();
        List<String> heard = new ArrayList<>();
        store.addListener(new NoteStoreListener() {
            @Override
            public void noteChanged(NoteChangeEvent event) {
                // The file is complete when the listener runs.
                assertEquals(event.kind() != NoteChangeEvent.Kind.DELETED, store.contains(event.id()));
                heard.add(event.kind() + " " + event.id()
                        + (event.note() == null ? "" : " r" + event.note().revision()));
            }

            @Override
            public void batchStarted() {
                heard.add("start");
            }

            @Override
            public void batchFinished() {
                heard.add("finish");
            }
        });
        store.addListener(e -> {
            throw new IllegalStateException("a broken listener must not break saving");
        });
        try (NoteStore.Batch outer = store.beginBatch()) {
            StoredNote a = store.save(TestData.note("a", "A", "x"), NoteStore.NEW).stored();
            try (NoteStore.Batch inner = store.beginBatch()) {
                store.update(a, NoteBuilder.from(a.note()).title("A2").build());
            }
            store.delete("a");
            assertFalse(store.delete("a"), "deleting twice reports false and fires nothing");
        }
        assertEquals(List.of("start", "ADDED a r1", "UPDATED a r2", "DELETED a", "finish"), heard);
    }

    @Test
    void personalDataIsScrubbedOnSaveUnlessKeptByChoice() throws IOException {
        NoteStore store = store();
        SaveResult r = store.save(TestData.note("p-1", "Bel Lotte", "Haar nummer is 0470 12 34 56."), NoteStore.NEW);
        assertEquals("Haar nummer is [telefoon].", r.stored().note().body());
        // The title's bare first name is personal data too since issue 13 (title matches come first).
        assertEquals("Bel [naam]", r.stored().note().title());
        assertEquals(List.of(PiiKind.NAME, PiiKind.PHONE), r.piiReplaced().stream().map(m -> m.kind()).toList());
        assertFalse(r.stored().note().piiKept());
        assertFalse(Files.readString(r.stored().file()).contains("0470"));

        TrendNote kept = NoteBuilder.from(TestData.note("p-2", "t", "Haar nummer is 0470 12 34 56.")).piiKept(true)
                .build();
        SaveResult k = store.save(kept, NoteStore.NEW);
        assertTrue(k.piiReplaced().isEmpty());
        assertEquals("Haar nummer is 0470 12 34 56.", store.get("p-2").orElseThrow().note().body());
        assertTrue(Files.readString(k.stored().file()).contains("piiKept: true"));
    }

    @Test
    void stampsAndStreamSeeFilesWrittenByOthers() throws IOException {
        NoteStore store = store();
        store.save(TestData.note("a", "A", "x"), NoteStore.NEW);
        // Another Vindplaats on the shared folder writes a note directly.
        NoteStore other = new NoteStore(dir.resolve("notes"), null, TestData.CLOCK);
        other.save(TestData.note("b", "B", "y"), NoteStore.NEW);
        List<NoteStamp> stamps = store.stamps();
        assertEquals(List.of("a", "b"), stamps.stream().map(NoteStamp::id).toList());
        assertTrue(stamps.get(1).size() > 0);
        List<Problem> problems = new ArrayList<>();
        try (Stream<StoredNote> s = store.stream(problems::add)) {
            assertEquals(2, s.count());
        }
        assertTrue(problems.isEmpty());
        assertEquals(2, store.count());
        try (Stream<TrendNote> notes = store.notes(problems::add)) {
            assertEquals(List.of("A", "B"), notes.map(TrendNote::title).toList());
        }
    }

    @Test
    void concurrentSavesOfOneNoteNeverLoseAnUpdateSilently() throws Exception {
        NoteStore store = store();
        store.save(TestData.note("c", "t", "0"), NoteStore.NEW);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger successes = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < 25; i++) {
                    StoredNote base = store.get("c").orElseThrow();
                    try {
                        store.update(base, NoteBuilder.from(base.note())
                                .body(String.valueOf(Integer.parseInt(base.note().body()) + 1)).build());
                        successes.incrementAndGet();
                    } catch (ConflictException e) {
                        conflicts.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        StoredNote end = store.get("c").orElseThrow();
        // Every successful update incremented the counter exactly once: no lost update.
        assertEquals(successes.get(), Integer.parseInt(end.note().body()));
        assertEquals(successes.get() + 1, end.revision());
        assertEquals(threads * 25, successes.get() + conflicts.get());
    }

    @Test
    void confirmedLabelsAndAllFieldsSurviveTheStore() throws IOException {
        NoteStore store = store();
        TrendNote note = NoteBuilder.from(TestData.note("full", "Volledig", "Tekst"))
                .needs(List.of(Need.HEALTH, Need.IDENTITY)).polarity(org.vindplaats.model.Polarity.RISK)
                .urgency(org.vindplaats.model.Urgency.CONCERN).author("Team Noord")
                .expires(java.time.LocalDate.of(2027, 3, 1)).confirm(LabelFamily.NEEDS).build();
        TrendNote read = store.save(note, NoteStore.NEW).stored().note();
        assertEquals(note.needs(), read.needs());
        assertEquals(note.confirmed(), read.confirmed());
        assertEquals("Team Noord", read.author());
        assertEquals(note.expires(), read.expires());
        assertNotNull(read.created());
        assertEquals(List.of("tiktok"), store.get("full").orElseThrow().note().platforms());
        assertNotEquals(note, read, "created/updated were filled in");
        assertEquals(NoteBuilder.from(note).created(read.created()).updated(read.updated()).build(), read);
    }
}
