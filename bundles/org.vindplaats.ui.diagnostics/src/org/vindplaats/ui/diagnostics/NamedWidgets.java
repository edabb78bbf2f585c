package org.vindplaats.ui.diagnostics;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.vindplaats.ui.Ids;

/**
 * Finds a part's widget by the stable name its view gave it (Ui.name in org.vindplaats.ui, SWTBot's
 * key), so the addons drive a part's table or buttons as a worker would, without getters on the
 * views.
 */
final class NamedWidgets {

    private NamedWidgets() {
    }

    /** The {@code type} named {@code name} in {@code part}, or null while the part or the widget is not there. */
    static <T extends Control> T find(MPart part, String name, Class<T> type) {
        return part != null && part.getWidget() instanceof Composite c ? find(c, name, type) : null;
    }

    /** The {@code type} named {@code name} under {@code root}, or null while it is not there. */
    static <T extends Control> T find(Composite root, String name, Class<T> type) {
        for (Control c : root.getChildren()) {
            if (type.isInstance(c) && name.equals(c.getData(Ids.WIDGET_NAME))) {
                return type.cast(c);
            }
            if (c instanceof Composite k) {
                T found = find(k, name, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
