package org.vindplaats.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** File &gt; Quit (Ctrl+Q): unsaved work is saved, dropped or kept as the worker chooses first. */
public final class QuitHandler {
    @Execute
    public void execute(IWorkbench workbench, EPartService parts) {
        if (parts.saveAll(true)) { // false: the worker chose Cancel, or saving failed
            workbench.close();
        }
    }
}
