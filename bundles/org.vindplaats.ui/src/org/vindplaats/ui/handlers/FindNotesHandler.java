package org.vindplaats.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.vindplaats.ui.Ids;
import org.vindplaats.ui.parts.TrendNotesPart;

/** Find trend notes (Ctrl+F): Signaleren with the cursor in the search box. */
public final class FindNotesHandler {

    @Execute
    public void execute(EPartService parts) {
        parts.switchPerspective(Ids.PERSPECTIVE_SIGNAL);
        MPart p = parts.showPart(Ids.PART_TREND_NOTES, PartState.ACTIVATE);
        if (p != null && p.getObject() instanceof TrendNotesPart t) {
            t.view().focusSearch();
        }
    }
}
