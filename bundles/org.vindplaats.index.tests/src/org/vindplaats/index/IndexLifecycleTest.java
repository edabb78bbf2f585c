package org.vindplaats.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.index.OpenReport.Reason;
import org.vindplaats.model.TrendNote;

class IndexLifecycleTest {

    @TempDir
    Path tmp;

    private final List<TrendNote> notes = List.of(
            TestNotes.note("n1", "nl", "Pesten in de groepsapp", "Kinderen worden gepest in een groepsapp van de klas.", List.of("whatsapp"), "2025-01-10"),
            TestNotes.note("n2", "en", "Streaks on Snapchat", "Teens keep daily streaks and feel pressure to reply.", List.of("snapchat"), "2025-02-11"),
            TestNotes.note("n3", "nl", "Roblox en Robux", "Jongeren kopen Robux met het geld van hun ouders.", List.of("roblox"), "2025-03-12"));

    private NoteIndex open(Path dir) throws IOException {
        return NoteIndex.open(dir, TestNotes.source(notes), IndexConfig.defaults(), new RecordingMonitor());
    }

    private Path built() throws IOException {
        Path dir = tmp.resolve("index");
        try (NoteIndex ix = open(dir)) {
            assertEquals(3, ix.count());
        }
        return dir;
    }

    private static Path generation(Path dir) throws IOException {
        return dir.resolve(Files.readString(dir.resolve("CURRENT")).strip());
    }

    private void assertRebuiltWith(Path dir, Reason reason) throws IOException {
        try (NoteIndex ix = open(dir)) {
            OpenReport r = ix.openReport();
            assertTrue(r.rebuilt(), r.toString());
            assertEquals(reason, r.reason(), r.message());
            assertFalse(r.message().isBlank());
            assertEquals(3, ix.count());
            assertEquals("n3", ix.search(SearchRequest.of("robux")).hits().get(0).id());
        }
        try (NoteIndex ix = open(dir)) {
            assertFalse(ix.openReport().rebuilt(), "second open needs no rebuild: " + ix.openReport());
            assertEquals(Reason.NONE, ix.openReport().reason());
        }
    }

    @Test
    void missingIndexIsBuiltWithProgressAndReusedAfterwards() throws IOException {
        Path dir = tmp.resolve("index");
        RecordingMonitor m = new RecordingMonitor();
        try (NoteIndex ix = NoteIndex.open(dir, TestNotes.source(notes), IndexConfig.defaults(), m)) {
            assertEquals(Reason.MISSING, ix.openReport().reason());
            assertTrue(ix.openReport().rebuilt());
            assertFalse(ix.isReadOnly());
        }
        assertEquals(m.total, m.worked, "all work reported");
        assertTrue(m.total > 0);
        assertTrue(m.task.contains("3"), m.task);
        assertTrue(Files.exists(generation(dir).resolve("vindplaats-index.json")));
        String stamp = Files.readString(generation(dir).resolve("vindplaats-index.json"));
        assertTrue(stamp.contains("nl:snowball-dutch-v1") && stamp.contains("en:porter-v1") && stamp.contains("10."), stamp);
        assertRebuiltWith(tmp.resolve("other"), Reason.MISSING);
    }

    @Test
    void deletedIndexIsRebuilt() throws IOException {
        Path dir = built();
        deleteTree(dir);
        assertRebuiltWith(dir, Reason.MISSING);
    }

    @Test
    void truncatedSegmentFileIsRebuilt() throws IOException {
        Path dir = built();
        Path biggest = luceneFiles(dir).max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        try (RandomAccessFile f = new RandomAccessFile(biggest.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        assertRebuiltWith(dir, Reason.CORRUPT);
    }

    @Test
    void garbageInTheSegmentsFileIsRebuilt() throws IOException {
        Path dir = built();
        garble(luceneFiles(dir).filter(p -> p.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow());
        assertRebuiltWith(dir, Reason.CORRUPT);
    }

    @Test
    void garbageInsideADataFileIsFoundByTheChecksum() throws IOException {
        Path dir = built();
        garble(luceneFiles(dir).filter(p -> p.getFileName().toString().endsWith(".cfs")).findFirst().orElseThrow());
        assertRebuiltWith(dir, Reason.CORRUPT);
    }

    @Test
    void stampFromAnotherVersionIsRebuilt() throws IOException {
        Path dir = built();
        Path stamp = generation(dir).resolve("vindplaats-index.json");
        Files.writeString(stamp, Files.readString(stamp).replaceAll("\"lucene\": \"[^\"]+\"", "\"lucene\": \"9.12.0\""));
        assertRebuiltWith(dir, Reason.OTHER_VERSION);
    }

    @Test
    void analyzerChangeIsRebuilt() throws IOException {
        Path dir = built();
        Path stamp = generation(dir).resolve("vindplaats-index.json");
        Files.writeString(stamp, Files.readString(stamp).replace("nl:snowball-dutch-v1", "nl:snowball-dutch-v0"));
        assertRebuiltWith(dir, Reason.OTHER_VERSION);
    }

    @Test
    void unreadableOrMissingStampIsRebuilt() throws IOException {
        Path dir = built();
        Files.writeString(generation(dir).resolve("vindplaats-index.json"), "{ not json");
        assertRebuiltWith(dir, Reason.BAD_STAMP);
        Files.delete(generation(dir).resolve("vindplaats-index.json"));
        assertRebuiltWith(dir, Reason.BAD_STAMP);
    }

    @Test
    void otherPlatformNamesOrSlangRebuild() throws IOException {
        Path dir = built();
        IndexConfig more = IndexConfig.defaults().withPlatform("yubo", List.of("yoobo"));
        try (NoteIndex ix = NoteIndex.open(dir, TestNotes.source(notes), more, new RecordingMonitor())) {
            assertEquals(Reason.OTHER_CONFIG, ix.openReport().reason());
        }
        IndexConfig slang = more.withSlang(java.util.Map.of("skeer", List.of("blut")));
        try (NoteIndex ix = NoteIndex.open(dir, TestNotes.source(notes), slang, new RecordingMonitor())) {
            assertEquals(Reason.OTHER_CONFIG, ix.openReport().reason());
        }
    }

    @Test
    void lockLeftByADeadProcessIsRebuilt() throws IOException, InterruptedException {
        Path dir = built();
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Files.writeString(dir.resolve("owner.txt"), "pid=" + dead.pid() + "\nhost=elsewhere\nprogram=vindplaats\nsince=2026-01-01T00:00:00Z\n");
        Files.writeString(dir.resolve("vindplaats-index.lock"), "");
        try (NoteIndex ix = open(dir)) {
            assertEquals(Reason.STALE_LOCK, ix.openReport().reason());
            assertTrue(ix.openReport().message().contains(Long.toString(dead.pid())), ix.openReport().message());
            assertFalse(ix.isReadOnly());
        }
        assertFalse(Files.exists(dir.resolve("owner.txt")), "a clean close removes the owner file");
        try (NoteIndex ix = open(dir)) {
            assertEquals(Reason.NONE, ix.openReport().reason());
        }
    }

    @Test
    void cancelledRebuildLeavesThePreviousIndexInPlace() throws IOException {
        Path dir = tmp.resolve("index");
        List<TrendNote> many = new ArrayList<>(notes);
        for (int i = 0; i < 1500; i++) {
            many.add(TestNotes.note("g" + i, "nl", "Notitie " + i, "Over snapchat en streaks nummer " + i, List.of(), "2025-04-01"));
        }
        try (NoteIndex ix = NoteIndex.open(dir, TestNotes.source(notes), IndexConfig.defaults(), new RecordingMonitor())) {
            assertEquals(3, ix.count());
        }
        Path before = generation(dir);
        try (NoteIndex ix = NoteIndex.open(dir, TestNotes.source(many), IndexConfig.defaults(), new RecordingMonitor())) {
            RecordingMonitor cancelling = new RecordingMonitor(700);
            assertThrows(OperationCanceledException.class, () -> ix.rebuild(cancelling));
            assertTrue(cancelling.worked >= 700 && cancelling.worked < cancelling.total, "cancelled midway: " + cancelling.worked);
            assertEquals(3, ix.count(), "the previous generation still serves");
            assertEquals("n3", ix.search(SearchRequest.of("robux")).hits().get(0).id());
            assertEquals(before, generation(dir));
            ix.rebuild(new RecordingMonitor());
            assertEquals(1503, ix.count());
            assertNotEquals(before, generation(dir));
            assertFalse(Files.exists(before), "the old generation is removed after the swap");
        }
        try (Stream<Path> gens = Files.list(dir)) {
            assertEquals(1, gens.filter(p -> p.getFileName().toString().startsWith("gen-")).count());
        }
    }

    @Test
    void failingSourceDuringRebuildLeavesThePreviousIndexAndSaysWhy() throws IOException {
        Path dir = built();
        NoteSource broken = NoteSource.of(() -> Stream.concat(notes.stream(), Stream.generate(() -> {
            throw new UncheckedIOException(new IOException("notes/n9.md: disk read error"));
        })), 4);
        try (NoteIndex ix = NoteIndex.open(dir, broken, IndexConfig.defaults(), new RecordingMonitor())) {
            assertEquals(Reason.NONE, ix.openReport().reason());
            IOException e = assertThrows(IOException.class, () -> ix.rebuild(new RecordingMonitor()));
            assertTrue(e.getMessage().contains("n9.md"), e.getMessage());
            assertEquals(3, ix.count());
        }
        try (Stream<Path> gens = Files.list(dir)) {
            assertEquals(1, gens.filter(p -> p.getFileName().toString().startsWith("gen-")).count());
        }
    }

    @Test
    void leftoverHalfBuiltGenerationIsRemovedAtOpen() throws IOException {
        Path dir = built();
        Path stray = dir.resolve("gen-99");
        Files.createDirectories(stray);
        Files.writeString(stray.resolve("_0.cfs"), "half written");
        // And the temp file of a CURRENT pointer that a crash kept from being renamed.
        Path pointer = dir.resolve(".CURRENT.5150.tmp");
        Files.writeString(pointer, "gen-99\n");
        try (NoteIndex ix = open(dir)) {
            assertEquals(Reason.NONE, ix.openReport().reason());
            assertTrue(ix.count() > 0, "the live generation is still the one searched");
        }
        assertFalse(Files.exists(stray));
        assertFalse(Files.exists(pointer));
    }

    /** Lucene's files of the live generation (not the stamp, not the lock). */
    private static Stream<Path> luceneFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(generation(dir))) {
            return files.filter(p -> !p.getFileName().toString().endsWith(".json")
                    && !p.getFileName().toString().equals("write.lock")).toList().stream();
        }
    }

    private static void garble(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = f.length() / 2;
            f.seek(at);
            byte[] junk = "GARBAGE-GARBAGE-GARBAGE".getBytes(StandardCharsets.US_ASCII);
            f.write(junk, 0, (int) Math.min(junk.length, f.length() - at - 16));
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
