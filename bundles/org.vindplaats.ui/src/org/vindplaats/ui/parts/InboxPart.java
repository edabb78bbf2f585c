package org.vindplaats.ui.parts;

import java.util.Locale;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Composite;
import org.vindplaats.app.NoteSuggestions;
import org.vindplaats.ui.notes.NotesWorkspace;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The signal inbox part (Signaleren): confirm suggested labels; open a note to correct it in the Note editor. */
public final class InboxPart {

    @Inject
    NotesWorkspace notes;

    @Inject
    NoteSuggestions suggestions;

    @Inject
    EPartService partService;

    private InboxView view;

    @PostConstruct
    public void createControls(Composite parent) {
        view = new InboxView(parent, notes, m -> suggestions.labels(notes.store().orElse(null), m), Locale.getDefault());
        view.onOpen(id -> Parts.openNote(partService, id));
    }

    @Focus
    public void focus() {
        view.setFocus();
    }

    public InboxView view() {
        return view;
    }
}
