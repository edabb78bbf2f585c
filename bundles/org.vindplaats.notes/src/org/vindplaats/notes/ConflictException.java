package org.vindplaats.notes;

import java.nio.file.Path;

/**
 * A note changed on disk since it was read (another worker, another window, a sync tool or a text
 * editor), so saving would silently overwrite someone's work. Read the note again, re-apply the
 * change and save with the new revision.
 */
public class ConflictException extends NoteStoreException {

    private static final long serialVersionUID = 1L;

    private final long expectedRevision;
    private final long actualRevision;
    private final transient Path file;

    public ConflictException(String noteId, Path file, long expectedRevision, long actualRevision, String message) {
        super(noteId, message);
        this.file = file;
        this.expectedRevision = expectedRevision;
        this.actualRevision = actualRevision;
    }

    /** The revision the caller based its change on ({@link NoteStore#NEW} for a new note). */
    public long expectedRevision() {
        return expectedRevision;
    }

    /** The revision found on disk ({@link NoteStore#NEW} when the note was deleted meanwhile). */
    public long actualRevision() {
        return actualRevision;
    }

    public Path file() {
        return file;
    }
}
