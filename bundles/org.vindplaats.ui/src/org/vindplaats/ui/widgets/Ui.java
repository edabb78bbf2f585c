package org.vindplaats.ui.widgets;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Widget;
import org.vindplaats.ui.Ids;

/**
 * Small helpers for building readable, wrapping layouts. Text never gets a fixed pixel width:
 * wrapping labels fill their column and grow in height, so longer Dutch words and 125% scaling
 * push the layout instead of cutting text off.
 */
public final class Ui {

    /** CSS class names used by css/vindplaats.css. */
    public static final String CSS_CLASS = "org.eclipse.e4.ui.css.CssClassName";

    private Ui() {
    }

    /** Gives {@code widget} a stable name under {@link Ids#WIDGET_NAME}, e.g. "note.title"; returns the widget. */
    public static <W extends Widget> W name(W widget, String name) {
        widget.setData(Ids.WIDGET_NAME, name);
        return widget;
    }

    public static Font bold() {
        return JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT);
    }

    public static Font heading() {
        return JFaceResources.getHeaderFont();
    }

    /** A section heading spanning {@code span} columns. */
    public static Label heading(Composite parent, String text, int span) {
        Label l = new Label(parent, SWT.WRAP);
        l.setText(text);
        l.setFont(heading());
        l.setData(CSS_CLASS, "vp-heading");
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).indent(0, 10).applyTo(l);
        return l;
    }

    /** A bold label, e.g. the name of an affordance above its rationale. */
    public static Label strong(Composite parent, String text, int span) {
        Label l = new Label(parent, SWT.WRAP);
        l.setText(text);
        l.setFont(bold());
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).indent(0, 4).applyTo(l);
        return l;
    }

    /**
     * A wrapping label that fills its column: the layout gives it the column's width and asks how
     * tall it is at that width. (No small width hint: on GTK measuring a paragraph at a tiny width
     * first makes opening a platform twice as slow.)
     */
    public static Label text(Composite parent, String text, int span) {
        Label l = new Label(parent, SWT.WRAP);
        l.setText(text == null ? "" : text);
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).applyTo(l);
        return l;
    }

    /** A bullet item: "•" and a wrapping label. Needs a 1-column parent; it makes its own row. */
    public static Label bullet(Composite parent, String text) {
        Composite row = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(6, 0).applyTo(row);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        Label dot = new Label(row, SWT.NONE);
        dot.setText("\u2022");
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(dot);
        return text(row, text, 1);
    }

    /**
     * A bulleted list as one wrapping label ("• " before each item): one widget instead of one per
     * item keeps layouts fast.
     */
    public static Label bullets(Composite parent, java.util.List<String> items) {
        StringBuilder sb = new StringBuilder();
        for (String item : items) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append("\u2022 ").append(item);
        }
        return text(parent, sb.toString(), 1);
    }

    /** A link (e.g. a source) that opens in the system browser; reachable with Tab. */
    public static Link link(Composite parent, String markup, int span) {
        Link l = new Link(parent, SWT.WRAP);
        l.setText(markup);
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).applyTo(l);
        l.addListener(SWT.Selection, e -> {
            if (e.text != null && (e.text.startsWith("https://") || e.text.startsWith("http://"))) {
                Program.launch(e.text);
            }
        });
        return l;
    }

    /** A button or menu label as a dialog's title: without its mnemonic '&' and trailing "...". */
    public static String dialogTitle(String label) {
        return org.eclipse.jface.action.LegacyActionTools.removeMnemonics(label).replaceFirst("(\\.\\.\\.|\u2026)$", "").strip();
    }

    /** Escapes text for a Link's markup (only '&amp;' and '&lt;' are special). */
    public static String linkEscape(String s) {
        return s.replace("&", "&&").replace("<", "&lt;");
    }

    public static Composite column(Composite parent, int columns) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(columns).spacing(8, 4).applyTo(c);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(c);
        return c;
    }

    public static void disposeChildren(Composite c) {
        for (Control child : c.getChildren()) {
            child.dispose();
        }
    }

    /**
     * Gives column {@code flexible} of a table whatever width the other columns leave (at least
     * {@code min}), now and whenever the table is resized, so a laptop screen needs no horizontal
     * scroll bar and a wide screen no empty strip. The other columns keep the widths they had at
     * the first call.
     */
    public static void fillWidth(Table table, int flexible, int min) {
        if (table.getData(FILL_KEY) == null) {
            table.setData(FILL_KEY, Boolean.TRUE);
            table.addListener(SWT.Resize, e -> fillWidth(table, flexible, min));
        }
        if (flexible >= table.getColumnCount()) {
            return;
        }
        // Each other column's width as first set, recorded before the table is first shown: GTK
        // stretches the last column over free space, and reading that back would leave the
        // flexible column nothing.
        int others = 0;
        for (int i = 0; i < table.getColumnCount(); i++) {
            if (i != flexible) {
                org.eclipse.swt.widgets.TableColumn c = table.getColumn(i);
                if (!(c.getData(FILL_KEY) instanceof Integer)) {
                    c.setData(FILL_KEY, c.getWidth());
                }
                others += (Integer) c.getData(FILL_KEY);
            }
        }
        int room = table.getClientArea().width;
        if (room <= 0) {
            return;
        }
        table.getColumn(flexible).setWidth(Math.max(min, room - others));
    }

    private static final String FILL_KEY = "vindplaats.fillWidth";

    public static GridData fillH() {
        return GridDataFactory.fillDefaults().grab(true, false).create();
    }
}
