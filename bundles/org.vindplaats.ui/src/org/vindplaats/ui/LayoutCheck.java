package org.vindplaats.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/**
 * Finds what a worker on a small screen would see cut off in a window: a one-line label or a
 * button narrower than its text, a control that sticks out of the area its parent shows, a table
 * whose columns need a horizontal scroll bar. Content inside a scrolled area is left alone (it
 * scrolls on purpose), and so are hidden controls. Used by screenshot mode to check every part
 * of the product at laptop sizes (releng/reliability/workbench-layout.sh).
 */
public final class LayoutCheck {

    /** A pixel or two of rounding is not a cut-off word. */
    private static final int SLACK = 2;

    private LayoutCheck() {
    }

    /** One line per problem, naming the control by its text (or its kind) and the missing pixels. */
    public static List<String> clipped(Composite root) {
        List<String> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private static void walk(Composite parent, List<String> out) {
        Rectangle area = parent.getClientArea();
        for (Control c : parent.getChildren()) {
            if (!c.isVisible()) {
                continue;
            }
            Rectangle b = c.getBounds();
            if (b.width <= 0 || b.height <= 0) {
                continue; // a collapsed section: not shown at all
            }
            if (!(parent instanceof ScrolledComposite)) {
                int right = b.x + b.width - (area.x + area.width);
                int bottom = b.y + b.height - (area.y + area.height);
                if (right > SLACK && b.x < area.x + area.width) {
                    out.add(name(c) + ": " + right + " px cut off on the right");
                }
                if (bottom > SLACK && b.y < area.y + area.height && !(c instanceof Table)) {
                    out.add(name(c) + ": " + bottom + " px cut off at the bottom");
                }
            }
            if ((c instanceof Label l && (l.getStyle() & (SWT.WRAP | SWT.SEPARATOR)) == 0 && !l.getText().isEmpty())
                    || (c instanceof Button bt && !bt.getText().isEmpty())) {
                Point want = c.computeSize(SWT.DEFAULT, SWT.DEFAULT);
                if (want.x - b.width > SLACK) {
                    out.add(name(c) + ": text needs " + want.x + " px, has " + b.width);
                }
            }
            if (c instanceof Table t && t.getColumnCount() > 1) {
                int sum = 0;
                for (TableColumn col : t.getColumns()) {
                    sum += col.getWidth();
                }
                int room = t.getClientArea().width;
                if (room > 0 && sum - room > SLACK) {
                    out.add(name(c) + ": columns need " + sum + " px, the table shows " + room);
                }
            }
            if (c instanceof Composite comp && !(c instanceof Table) && !(c instanceof ScrolledComposite)) {
                walk(comp, out);
            }
        }
    }

    private static String name(Control c) {
        String kind = c.getClass().getSimpleName();
        String text = c instanceof Label l ? l.getText() : c instanceof Button b ? b.getText() : null;
        if (c instanceof Table t && t.getColumnCount() > 0) {
            text = t.getColumn(0).getText();
        }
        return text == null || text.isEmpty() ? kind : kind + " \"" + text.replace('\n', ' ') + "\"";
    }
}
