package org.vindplaats.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.notes.NoteStamp;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.NoteStoreException;
import org.vindplaats.suggest.LabelSuggester;

/**
 * The notes of a workspace the suggestions learn from (a worker confirmed labels the label
 * suggester learns, or the note's phenomena), kept between calls: after a save only the files
 * whose stamp (time, size) changed are read again, not the whole workspace (at 20 000 notes a
 * full read took about 1.7 s, and the Note editor asks after every save).
 */
final class TeachingNotes {

    /** The notes that teach, in id order, as they were at one listing of the folder. */
    record Snapshot(List<TrendNote> notes) {
        static final Snapshot NONE = new Snapshot(List.of());
    }

    private Path directory;
    private final Map<String, NoteStamp> read = new HashMap<>();
    private final Map<String, TrendNote> teaching = new TreeMap<>();

    static boolean teaches(TrendNote n) {
        return LabelSuggester.learnsFrom(n) || n.isConfirmed(LabelFamily.PHENOMENA);
    }

    /** The store's teaching notes now; files that cannot be read teach nothing (search and import report them). */
    synchronized Snapshot of(NoteStore store) {
        Path dir = store.directory().toAbsolutePath().normalize();
        if (!dir.equals(directory)) {
            directory = dir;
            read.clear();
            teaching.clear();
        }
        List<NoteStamp> stamps;
        try {
            stamps = store.stamps();
        } catch (IOException e) {
            return new Snapshot(List.copyOf(teaching.values()));
        }
        Map<String, NoteStamp> now = new HashMap<>();
        for (NoteStamp s : stamps) {
            now.put(s.id(), s);
            NoteStamp before = read.get(s.id());
            if (before != null && before.lastModified().equals(s.lastModified()) && before.size() == s.size()) {
                continue;
            }
            read.put(s.id(), s);
            teaching.remove(s.id());
            try {
                store.get(s.id()).map(stored -> stored.note()).filter(TeachingNotes::teaches)
                        .ifPresent(n -> teaching.put(n.id(), n));
            } catch (NoteStoreException | RuntimeException e) {
                // unreadable: teaches nothing until it is fixed (its stamp changes then)
            }
        }
        read.keySet().retainAll(now.keySet());
        teaching.keySet().retainAll(now.keySet());
        return new Snapshot(List.copyOf(teaching.values()));
    }
}
