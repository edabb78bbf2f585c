package org.vindplaats.notes;

/** A note file exists but cannot be read; {@link #problem()} says where and why. */
public class NoteFormatException extends NoteStoreException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public NoteFormatException(String noteId, Problem problem) {
        super(noteId, problem.toString());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
