package org.vindplaats.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule for a shared workspace: the first to open writes; others search read-only, see the
 * writer's changes, and get a clear "in use by" error when they try to change the index, until
 * the writer lets go.
 */
class ConcurrencyTest {

    @TempDir
    Path tmp;

    @Test
    void secondInstanceSearchesReadOnlyAndTakesOverWhenTheFirstCloses() throws IOException {
        Path dir = tmp.resolve("index");
        NoteSource src = TestNotes.source(SearchTest.FIXTURE);
        NoteIndex writer = NoteIndex.open(dir, src, IndexConfig.defaults(), new RecordingMonitor());
        try (NoteIndex reader = NoteIndex.open(dir, src, IndexConfig.defaults(), new RecordingMonitor())) {
            assertFalse(writer.isReadOnly());
            assertTrue(reader.isReadOnly());
            assertTrue(reader.openReport().readOnly());
            String pid = Long.toString(ProcessHandle.current().pid());
            assertTrue(reader.openReport().owner().contains(pid), reader.openReport().owner());
            assertTrue(reader.openReport().message().contains(pid), reader.openReport().message());

            assertEquals(6, reader.search(SearchRequest.of("")).total());
            writer.index(TestNotes.note("new", "nl", "Nieuw", "Deepfakes in de klas.", List.of(), "2025-07-01"));
            assertEquals(List.of("new"), reader.search(SearchRequest.of("deepfakes")).hits().stream().map(SearchResult.Hit::id).toList(),
                    "the reader sees the writer's committed change");

            IndexInUseException e = assertThrows(IndexInUseException.class, () -> reader.delete("a"));
            assertTrue(e.getMessage().contains("in use by process " + pid), e.getMessage());
            assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("Searching still works"), e.getMessage());
            assertEquals(7, reader.search(SearchRequest.of("")).total(), "searching still works after the refusal");

            writer.rebuild(new RecordingMonitor());
            assertEquals(6, reader.search(SearchRequest.of("")).total(), "the reader follows a rebuilt generation");

            writer.close();
            assertTrue(reader.delete("a"), "after the writer closed, the reader takes over");
            assertFalse(reader.isReadOnly());
            assertEquals(5, reader.search(SearchRequest.of("")).total());
        } finally {
            writer.close();
        }
    }
}
