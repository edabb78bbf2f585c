package org.vindplaats.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.model.TrendNote;

/**
 * A purged note (retention, or a worker's delete) must leave the index too, not only the search
 * results: Lucene keeps a deleted document's stored text in its segment files until they are
 * merged, so without an explicit merge the words stay readable on disk for months.
 */
class PurgePrivacyTest {

    private static final String MARKER = "Zqxwvkjhg Plmoknijb";

    @TempDir
    Path tmp;

    private static boolean onDisk(Path dir, String text) throws IOException {
        return !filesWith(dir, text).isEmpty();
    }

    private static List<Path> filesWith(Path dir, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(f) && indexOf(Files.readAllBytes(f), needle) >= 0) {
                    found.add(dir.relativize(f));
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer: for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void aRemovedNoteIsGoneFromTheIndexFilesNotOnlyFromResults() throws IOException {
        List<TrendNote> notes = new ArrayList<>(TestNotes.devNotes());
        TrendNote secret = TestNotes.note("secret", "nl", "Notitie van " + MARKER,
                "Een notitie over " + MARKER + " die na de bewaartermijn weg moet.", List.of("tiktok"), "2020-01-01");
        notes.add(secret);
        Path dir = tmp.resolve("index");
        try (NoteIndex ix = NoteIndex.open(dir, TestNotes.source(notes), IndexConfig.defaults(), new RecordingMonitor())) {
            assertEquals(1, ix.search(SearchRequest.of("Zqxwvkjhg")).total());
            assertTrue(onDisk(dir, MARKER), "the check can see stored text (else it proves nothing)");

            notes.remove(secret);
            SyncReport r = ix.sync(TestNotes.source(notes), new RecordingMonitor());
            assertEquals(1, r.removed());
            assertEquals(0, ix.search(SearchRequest.of("Zqxwvkjhg")).total());
            assertEquals(List.of(), filesWith(dir, MARKER), "the purged note's text is still in the index files");
            assertFalse(onDisk(dir, "Zqxwvkjhg".toLowerCase(java.util.Locale.ROOT)), "its words are still indexed");
        }
    }

    @Test
    void deletingOneNoteAlsoErasesItsText() throws IOException {
        List<TrendNote> notes = new ArrayList<>(TestNotes.devNotes());
        notes.add(TestNotes.note("secret", "nl", "Notitie van " + MARKER, "Tekst " + MARKER, List.of(), "2020-01-01"));
        Path dir = tmp.resolve("index2");
        try (NoteIndex ix = NoteIndex.open(dir, TestNotes.source(notes), IndexConfig.defaults(), new RecordingMonitor())) {
            assertTrue(onDisk(dir, MARKER));
            assertTrue(ix.delete("secret"));
            assertEquals(List.of(), filesWith(dir, MARKER), "a deleted note's text is still in the index files");
        }
    }
}
