package org.vindplaats.ui.notes;

import org.vindplaats.catalog.Catalog;

/** The one place that connects the workbench to the suggest engine. */
public final class NoteSuggestions {

    private NoteSuggestions() {
    }

    public static LabelSuggestions create(NotesWorkspace notes, Catalog catalog) {
        return new SuggestEngine(notes, catalog);
    }
}
