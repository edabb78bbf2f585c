package org.vindplaats.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.model.TrendNote;

class SyncTest {

    @TempDir
    Path tmp;

    private static List<String> ids(NoteIndex ix, String q) throws IOException {
        return ix.search(SearchRequest.of(q).limit(100)).hits().stream().map(SearchResult.Hit::id).toList();
    }

    @Test
    void syncAddsUpdatesAndRemoves() throws IOException {
        List<TrendNote> store = new ArrayList<>(SearchTest.FIXTURE);
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("index"), NoteSource.empty(), IndexConfig.defaults(), new RecordingMonitor())) {
            assertEquals(0, ix.count());
            RecordingMonitor m = new RecordingMonitor();
            assertEquals(new SyncReport(6, 0, 0, 0), ix.sync(TestNotes.source(store), m));
            assertEquals(m.total, m.worked);
            assertEquals(6, ix.count());

            assertEquals(new SyncReport(0, 0, 0, 6), ix.sync(TestNotes.source(store), new RecordingMonitor()));

            TrendNote changed = TestNotes.touched(store.get(0), "Nu gaat het over cyberpesten met deepfakes.");
            store.set(0, changed);
            store.remove(5);
            store.add(TestNotes.note("g", "nl", "Nieuwe notitie", "Over deepfakes op school.", List.of(), "2025-06-01"));
            SyncReport r = ix.sync(TestNotes.source(store), new RecordingMonitor());
            assertEquals(new SyncReport(1, 1, 1, 4), r);
            assertTrue(r.changed());
            assertEquals(6, ix.count());
            assertEquals(List.of("a", "g"), ids(ix, "deepfakes").stream().sorted().toList());
            assertFalse(ids(ix, "doorgestuurd").contains("a"), "the old text of a is gone");
            assertTrue(ids(ix, "dangereux").isEmpty(), "f was removed");
        }
    }

    @Test
    void indexAndDeleteSingleNotes() throws IOException {
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("index"), TestNotes.source(SearchTest.FIXTURE), IndexConfig.defaults(), new RecordingMonitor())) {
            assertTrue(ix.delete("a"));
            assertFalse(ix.delete("a"));
            assertTrue(ids(ix, "doorgestuurd").isEmpty());
            ix.index(SearchTest.FIXTURE.get(0));
            ix.index(SearchTest.FIXTURE.get(0));
            assertEquals(List.of("a"), ids(ix, "doorgestuurd"), "indexing twice replaces");
            ix.deleteAll();
            assertEquals(0, ix.count());
        }
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("index"), TestNotes.source(SearchTest.FIXTURE), IndexConfig.defaults(), new RecordingMonitor())) {
            assertEquals(0, ix.count(), "changes are committed and survive a reopen");
        }
    }

    @Test
    void cancelledSyncKeepsWhatWasDoneAndRemovesNothing() throws IOException {
        List<TrendNote> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(TestNotes.note("m" + i, "nl", "Notitie " + i, "Tekst " + i, List.of(), "2025-01-01"));
        }
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("index"), TestNotes.source(SearchTest.FIXTURE), IndexConfig.defaults(), new RecordingMonitor())) {
            assertThrows(OperationCanceledException.class, () -> ix.sync(TestNotes.source(many), new RecordingMonitor(100)));
            long n = ix.count();
            assertTrue(n > 6 && n < 306, "partly added, nothing removed: " + n);
            assertEquals(new SyncReport((int) (306 - n), 0, 6, (int) (n - 6)), ix.sync(TestNotes.source(many), new RecordingMonitor()));
        }
    }
}
