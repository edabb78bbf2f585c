package org.vindplaats.notes;

/**
 * A note was added, changed or deleted through a {@link NoteStore}.
 *
 * @param kind what happened
 * @param id the note's id
 * @param note the note as now stored; null for {@link Kind#DELETED}
 */
public record NoteChangeEvent(Kind kind, String id, StoredNote note) {

    public enum Kind {
        ADDED, UPDATED, DELETED
    }
}
