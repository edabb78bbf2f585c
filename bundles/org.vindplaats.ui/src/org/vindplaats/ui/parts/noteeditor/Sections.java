package org.vindplaats.ui.parts.noteeditor;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.vindplaats.model.PolicyStatus;
import org.vindplaats.ui.widgets.Palette;
import org.vindplaats.ui.widgets.Ui;

/**
 * The layout the note editor's sections share: they sit in the form's two-column grid, a banner
 * spans both columns in a policy colour, and a section that has nothing to say is left out of the
 * layout (not just hidden), so the form closes up.
 */
public final class Sections {

    private Sections() {
    }

    /** A coloured box across both columns, with a wrapping text first; shown with {@link #show}. */
    public record Banner(Composite box, Label text) {
    }

    /**
     * A banner in the background colour of {@code colour}'s banner, {@code columns} wide inside:
     * the text takes the first column, the caller adds the rest (buttons, a check box).
     */
    public static Banner banner(Composite parent, PolicyStatus colour, int columns) {
        Composite box = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(columns).margins(8, 6).applyTo(box);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(box);
        box.setBackground(Palette.color(Palette.bannerBackground(colour)));
        Label text = Ui.text(box, "", 1);
        text.setBackground(box.getBackground());
        return new Banner(box, text);
    }

    /** Shows or hides {@code c}; hidden, it takes no room in its grid. */
    public static void show(Control c, boolean visible) {
        ((GridData) c.getLayoutData()).exclude = !visible;
        c.setVisible(visible);
    }

    /** A field's name in the first column, at the top of its row. */
    public static void label(Composite parent, String text) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(text);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).indent(0, 3).applyTo(l);
    }

    /** A row of check boxes or a text and a button that wraps onto more lines when narrow. */
    public static Composite wrapRow(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        RowLayout l = new RowLayout(SWT.HORIZONTAL);
        l.wrap = true;
        l.marginLeft = 0;
        l.marginTop = 0;
        l.spacing = 10;
        c.setLayout(l);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(c);
        return c;
    }

    /** Runs {@code r} on the UI thread later, unless {@code anchor} is disposed by then. */
    public static void async(Control anchor, Runnable r) {
        if (!anchor.isDisposed()) {
            anchor.getDisplay().asyncExec(() -> {
                if (!anchor.isDisposed()) {
                    r.run();
                }
            });
        }
    }
}
