package org.vindplaats.ui.notes;

import org.vindplaats.catalog.Catalog;
import org.vindplaats.notes.Workspace;

/** The one place that decides which search engine the workbench uses for a workspace. */
public final class NoteSearches {

    private NoteSearches() {
    }

    public static NoteSearch create(Workspace workspace, Catalog catalog) {
        return new StoreNoteSearch(workspace.notes(), catalog);
    }
}
