package org.vindplaats.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.vindplaats.ui.Ids;
import org.vindplaats.ui.parts.NoteEditorPart;

/** Save trend note (Ctrl+S): saves the note editor's note. */
public final class SaveNoteHandler {

    private static NoteEditorPart editor(EPartService parts) {
        MPart p = parts.findPart(Ids.PART_NOTE_EDITOR);
        return p != null && p.getObject() instanceof NoteEditorPart e ? e : null;
    }

    @CanExecute
    public boolean canExecute(EPartService parts) {
        return editor(parts) != null;
    }

    @Execute
    public void execute(EPartService parts) {
        NoteEditorPart e = editor(parts);
        if (e != null) {
            e.view().save();
        }
    }
}
