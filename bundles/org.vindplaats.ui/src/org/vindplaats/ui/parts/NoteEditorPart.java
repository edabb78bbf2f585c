package org.vindplaats.ui.parts;

import java.util.Locale;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.widgets.Composite;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.ui.notes.SuggestEngine;
import org.vindplaats.ui.notes.NotesWorkspace;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The "Note" part (Signaleren): writes and edits one trend note. */
public final class NoteEditorPart {

    @Inject
    Catalog catalog;

    @Inject
    NotesWorkspace notes;

    private NoteEditorView view;

    @PostConstruct
    public void createControls(Composite parent) {
        view = new NoteEditorView(parent, catalog, notes, Locale.getDefault());
        view.setSuggester(new SuggestEngine(notes, catalog));
    }

    @Focus
    public void focus() {
        view.title().setFocus();
    }

    public NoteEditorView view() {
        return view;
    }
}
