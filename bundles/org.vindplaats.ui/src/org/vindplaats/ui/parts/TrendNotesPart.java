package org.vindplaats.ui.parts;

import java.util.Locale;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Composite;
import org.vindplaats.app.TeamHub;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.ui.notes.NotesWorkspace;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The "Trend notes" part (Signaleren): search; opening a hit shows it in the note editor. */
public final class TrendNotesPart {

    @Inject
    Catalog catalog;

    @Inject
    NotesWorkspace notes;

    @Inject
    EPartService partService;

    @Inject
    TeamHub hub;

    private TrendNotesView view;

    @PostConstruct
    public void createControls(Composite parent) {
        view = new TrendNotesView(parent, catalog, notes, Locale.getDefault());
        view.onOpen(id -> Parts.openNote(partService, id));
        view.setHub(hub);
    }

    /** The search box (see {@link TrendNotesView#setFocus()}). */
    @Focus
    public void focus() {
        view.setFocus();
    }

    public TrendNotesView view() {
        return view;
    }
}
