package org.vindplaats.ui.parts;

import java.util.Locale;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Composite;
import org.vindplaats.app.NoteSuggestions;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.ui.Ids;
import org.vindplaats.ui.notes.NotesWorkspace;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The "Needs map" part (Signaleren): a cell opens its notes in Trend notes. */
public final class NeedsMapPart {

    @Inject
    Catalog catalog;

    @Inject
    NotesWorkspace notes;

    @Inject
    NoteSuggestions suggestions;

    @Inject
    EPartService partService;

    private NeedsMapView view;

    @PostConstruct
    public void createControls(Composite parent) {
        view = new NeedsMapView(parent, catalog, notes, Locale.getDefault());
        view.setSuggesters(m -> suggestions.labels(notes.store().orElse(null), m));
        view.onOpen(query -> Parts.show(partService, Ids.PART_TREND_NOTES, TrendNotesPart.class, t -> t.view().show(query)));
    }

    @Focus
    public void focus() {
        view.setFocus();
    }

    public NeedsMapView view() {
        return view;
    }
}
