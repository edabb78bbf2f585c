package org.vindplaats.ui.handlers;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.vindplaats.ui.Ids;

import jakarta.inject.Named;

/** View &gt; Oriënteren / Signaleren / Beheer (Ctrl+1, Ctrl+2, Ctrl+3). */
public final class PerspectiveHandler {
    @Execute
    public void execute(MWindow window, EModelService models, EPartService parts,
            @Named(Ids.PARAMETER_PERSPECTIVE) String perspectiveId) {
        List<MPerspective> found = models.findElements(window, perspectiveId, MPerspective.class);
        if (!found.isEmpty()) {
            parts.switchPerspective(found.get(0));
        }
    }
}
