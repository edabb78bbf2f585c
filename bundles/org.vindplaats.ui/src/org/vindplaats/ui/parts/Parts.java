package org.vindplaats.ui.parts;

import java.util.function.Consumer;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** What the parts share: one part opening another and handing it what to show. */
final class Parts {

    private Parts() {
    }

    /**
     * Brings the part {@code id} to the front (creating it if needed) and, when its object is a
     * {@code type}, hands it to {@code then}.
     */
    static <T> void show(EPartService partService, String id, Class<T> type, Consumer<T> then) {
        MPart p = partService.showPart(id, PartState.ACTIVATE);
        if (p != null && type.isInstance(p.getObject())) {
            then.accept(type.cast(p.getObject()));
        }
    }

    /**
     * Opens a note in the Note editor, bringing it to the front; unsaved work there is first saved,
     * dropped or kept, as the worker chooses.
     */
    static void openNote(EPartService partService, String id) {
        show(partService, org.vindplaats.ui.Ids.PART_NOTE_EDITOR, NoteEditorPart.class, e -> {
            if (e.view().canLeave()) {
                e.view().open(id);
            }
        });
    }
}
