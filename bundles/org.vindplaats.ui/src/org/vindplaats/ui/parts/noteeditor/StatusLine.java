package org.vindplaats.ui.parts.noteeditor;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.vindplaats.model.PolicyStatus;
import org.vindplaats.ui.widgets.Palette;
import org.vindplaats.ui.widgets.Ui;

/** The line under the note editor's form that says how saving, suggesting or accepting went. */
public final class StatusLine {

    private final Label label;

    public StatusLine(Composite parent) {
        label = Ui.name(new Label(parent, SWT.WRAP), "note.status");
        GridDataFactory.fillDefaults().grab(true, false).indent(8, 0).hint(10, SWT.DEFAULT).applyTo(label);
    }

    /** Shows an outcome; the label grows to fit a long message. */
    public void say(String message) {
        label.setForeground(null);
        label.setText(message);
        label.getParent().layout(true);
    }

    /** Shows what went wrong, in the colour of a ban. */
    public void error(String message) {
        say(message);
        label.setForeground(Palette.color(Palette.bannerForeground(PolicyStatus.BANNED)));
    }
}
