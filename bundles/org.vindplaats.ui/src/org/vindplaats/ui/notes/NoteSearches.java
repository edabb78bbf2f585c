package org.vindplaats.ui.notes;

import org.vindplaats.catalog.Catalog;
import org.vindplaats.notes.Workspace;

/** The one place that decides which search engine the workbench uses for a workspace. */
public final class NoteSearches {

    private NoteSearches() {
    }

    public static NoteSearch create(Workspace workspace, Catalog catalog) {
        // The Lucene index (built in the first search's job); it falls back to reading the notes itself.
        return new IndexNoteSearch(workspace, catalog);
    }
}
