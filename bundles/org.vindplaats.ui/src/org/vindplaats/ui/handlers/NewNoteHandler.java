package org.vindplaats.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.vindplaats.ui.Ids;
import org.vindplaats.ui.parts.NoteEditorPart;

/** New trend note (Ctrl+N): Signaleren with an empty note editor. */
public final class NewNoteHandler {

    @Execute
    public void execute(EPartService parts) {
        parts.switchPerspective(Ids.PERSPECTIVE_SIGNAL);
        MPart p = parts.showPart(Ids.PART_NOTE_EDITOR, PartState.ACTIVATE);
        // Unsaved work in the editor is saved, dropped or kept as the worker chooses.
        if (p != null && p.getObject() instanceof NoteEditorPart editor && editor.view().canLeave()) {
            editor.view().newNote();
            editor.focus();
        }
    }
}
