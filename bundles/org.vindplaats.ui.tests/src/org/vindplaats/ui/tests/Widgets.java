package org.vindplaats.ui.tests;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.vindplaats.ui.Ids;
import org.vindplaats.ui.widgets.Ui;

/**
 * Finds a view's widgets by the stable name it gave them ({@link Ui#name}, SWTBot's key), so the
 * tests drive the widgets a worker sees without getters on the views.
 */
final class Widgets {

    private Widgets() {
    }

    /**
     * The one control under {@code root} (or {@code root} itself) named {@code name}; fails when
     * there is none, more than one, or it is not a {@code type}.
     */
    static <T extends Control> T find(Composite root, String name, Class<T> type) {
        List<Control> found = all(root, name);
        if (found.size() != 1) {
            throw new AssertionError(found.isEmpty() ? "no widget named " + name : found.size() + " widgets named " + name);
        }
        Control c = found.get(0);
        if (!type.isInstance(c)) {
            throw new AssertionError("the widget named " + name + " is a " + c.getClass().getSimpleName() + ", not a "
                    + type.getSimpleName());
        }
        return type.cast(c);
    }

    /** The controls under {@code root} (or {@code root} itself) named {@code name}; empty when there are none. */
    static List<Control> all(Composite root, String name) {
        List<Control> found = new ArrayList<>();
        collect(root, name, found);
        return found;
    }

    /** The texts of the labels and links under {@code root}, in the order they are laid out. */
    static List<String> texts(Composite root) {
        List<String> out = new ArrayList<>();
        for (Control child : root.getChildren()) {
            if (child instanceof Label l) {
                out.add(l.getText());
            } else if (child instanceof Link l) {
                out.add(l.getText());
            } else if (child instanceof Composite c) {
                out.addAll(texts(c));
            }
        }
        return out;
    }

    private static void collect(Control c, String name, List<Control> found) {
        if (name.equals(c.getData(Ids.WIDGET_NAME))) {
            found.add(c);
        }
        if (c instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, name, found);
            }
        }
    }
}
