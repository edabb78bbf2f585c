package org.vindplaats.ui.parts;

import java.util.Collection;
import java.util.Locale;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.Persist;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.ISaveHandler;
import org.eclipse.swt.widgets.Composite;
import org.vindplaats.app.NoteSuggestions;
import org.vindplaats.app.TeamHub;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.ui.notes.NotesWorkspace;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The "Note" part (Signaleren): writes and edits one trend note, with the e4 save protocol: the
 * part is dirty ('*' in its tab) while the form holds unsaved changes, Ctrl+S and File > Save
 * persist it, and closing the window or quitting asks "Opslaan / Niet opslaan / Annuleren" in the
 * user's language through this part's save handler.
 */
public final class NoteEditorPart {

    @Inject
    Catalog catalog;

    @Inject
    NotesWorkspace notes;

    @Inject
    NoteSuggestions suggestions;

    @Inject
    TeamHub hub;

    @Inject
    MPart part;

    private NoteEditorView view;

    @PostConstruct
    public void createControls(Composite parent, MWindow window) {
        view = new NoteEditorView(parent, catalog, notes, Locale.getDefault());
        view.setSuggester(suggestions);
        view.setHub(hub);
        view.setGuide(org.vindplaats.app.PluginContributions.guide(catalog,
                problem -> org.eclipse.core.runtime.ILog.of(NoteEditorPart.class).warn(problem)));
        view.onDirtyChange(part::setDirty);
        // The window asks this handler when it closes (or the workbench quits) with the part dirty.
        window.getContext().set(ISaveHandler.class, new EditorSaveHandler());
    }

    @Focus
    public void focus() {
        view.setFocus();
    }

    /** Called by the workbench's save protocol (EPartService.savePart). */
    @Persist
    public void save() {
        view.save();
    }

    public NoteEditorView view() {
        return view;
    }

    /** "Save, don't save, cancel?" with the editor's own question and texts (Dutch or English). */
    private final class EditorSaveHandler implements ISaveHandler {
        @Override
        public Save promptToSave(MPart dirtyPart) {
            if (dirtyPart != part || !view.isDirty()) {
                return Save.NO;
            }
            // canLeave asks, and saves when the worker chooses Opslaan: the protocol then hears NO
            // (nothing left to save) or CANCEL, never YES, so nothing is saved twice.
            return view.canLeave() ? Save.NO : Save.CANCEL;
        }

        @Override
        public Save[] promptToSave(Collection<MPart> dirtyParts) {
            Save[] answers = new Save[dirtyParts.size()];
            int i = 0;
            for (MPart p : dirtyParts) {
                answers[i++] = promptToSave(p);
            }
            return answers;
        }

        @Override
        public boolean save(MPart dirtyPart, boolean confirm) {
            if (dirtyPart != part || !view.isDirty()) {
                return true;
            }
            return confirm ? view.canLeave() : view.save().isPresent();
        }

        @Override
        public boolean saveParts(Collection<MPart> dirtyParts, boolean confirm) {
            for (MPart p : dirtyParts) {
                if (!save(p, confirm)) {
                    return false;
                }
            }
            return true;
        }
    }
}
