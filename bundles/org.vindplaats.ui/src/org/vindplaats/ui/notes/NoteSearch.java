package org.vindplaats.ui.notes;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.vindplaats.ui.Messages;

/**
 * Searching trend notes, as the workbench parts need it: the form's query in, the notes out. The
 * one engine is the workspace's index ({@link IndexNoteSearch}, over the application layer's
 * {@code WorkspaceIndex}, as the command line searches); {@link NoteSearches} makes it.
 */
public interface NoteSearch extends AutoCloseable {

    /** Runs a query; long work checks {@code monitor} and stops when it is cancelled. */
    SearchResults search(NoteQuery query, IProgressMonitor monitor) throws IOException;

    /**
     * The notes most like note {@code id} ("more like this"), the note itself left out. Engines
     * without an index cannot tell and say so in the hints.
     */
    default SearchResults similar(String id, int limit, IProgressMonitor monitor) throws IOException {
        return new SearchResults(List.of(), 0, Map.of(), List.of(Messages.Notes_similarNeedsIndex));
    }

    /** A short name for the status line, e.g. "index" or "note files". */
    String engine();

    @Override
    default void close() {
    }
}
