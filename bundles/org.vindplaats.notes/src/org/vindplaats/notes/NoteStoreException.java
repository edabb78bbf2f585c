package org.vindplaats.notes;

import java.io.IOException;

/**
 * A note could not be read or written. The message says which note and file, what happened and
 * what to do; when a write fails the previous version of the note is still intact.
 */
public class NoteStoreException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String noteId;

    public NoteStoreException(String noteId, String message, Throwable cause) {
        super(message, cause);
        this.noteId = noteId;
    }

    public NoteStoreException(String noteId, String message) {
        this(noteId, message, null);
    }

    /** The note concerned, or null when the problem is not about one note. */
    public String noteId() {
        return noteId;
    }
}
