package org.vindplaats.ui.notes;

import java.io.IOException;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Searching trend notes, as the workbench parts need it. One implementation reads the note store
 * directly ({@link StoreNoteSearch}); the Lucene index plugs in behind the same interface, so the
 * parts do not change when it does ({@link NoteSearches} picks one).
 */
public interface NoteSearch extends AutoCloseable {

    /** Runs a query; long work checks {@code monitor} and stops when it is cancelled. */
    SearchResults search(NoteQuery query, IProgressMonitor monitor) throws IOException;

    /** A short name for the status line, e.g. "index" or "note files". */
    String engine();

    @Override
    default void close() {
    }
}
