package org.vindplaats.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.vindplaats.ui.Ids;

/** Needs map (Ctrl+M): Signaleren with the needs map in front. */
public final class NeedsMapHandler {

    @Execute
    public void execute(EPartService parts) {
        parts.switchPerspective(Ids.PERSPECTIVE_SIGNAL);
        parts.showPart(Ids.PART_NEEDS_MAP, PartState.ACTIVATE);
    }
}
