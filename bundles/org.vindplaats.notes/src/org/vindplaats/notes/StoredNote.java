package org.vindplaats.notes;

import java.nio.file.Path;
import java.util.List;

import org.vindplaats.model.TrendNote;

/**
 * A note as read from (or just written to) the store.
 *
 * @param note the note
 * @param revision its revision counter: 1 after the first save, +1 on every save
 * @param file the note's file
 * @param fingerprint a hash of the file's bytes; changes with any edit, also a hand edit that
 *        forgot to bump the revision
 * @param warnings what was ignored while reading a hand-edited file (unknown labels, fields), with lines
 */
public record StoredNote(TrendNote note, long revision, Path file, String fingerprint, List<Problem> warnings) {

    public StoredNote {
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
    }

    public String id() {
        return note.id();
    }
}
