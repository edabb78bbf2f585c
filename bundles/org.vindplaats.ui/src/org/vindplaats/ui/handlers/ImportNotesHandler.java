package org.vindplaats.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.vindplaats.ui.Ids;
import org.vindplaats.ui.parts.TrendNotesPart;

import jakarta.inject.Named;

/** Import notes (Ctrl+I): a file, or with the parameter "folder" a folder, into the workspace as a job. */
public final class ImportNotesHandler {

    @Execute
    public void execute(EPartService parts, @Optional @Named(Ids.PARAMETER_IMPORT_KIND) String kind) {
        parts.switchPerspective(Ids.PERSPECTIVE_SIGNAL);
        MPart p = parts.showPart(Ids.PART_TREND_NOTES, PartState.ACTIVATE);
        if (p != null && p.getObject() instanceof TrendNotesPart t) {
            t.view().chooseImport("folder".equals(kind));
        }
    }
}
