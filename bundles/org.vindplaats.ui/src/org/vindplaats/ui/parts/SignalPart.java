package org.vindplaats.ui.parts;

import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.widgets.Composite;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.widgets.Ui;

import jakarta.annotation.PostConstruct;

/** Signaleren: a placeholder until the trend-notes engine lands (search, note editor, needs map). */
public final class SignalPart {

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(16, 16).applyTo(parent);
        Ui.heading(parent, Messages.Signal_title, 1);
        Ui.text(parent, Messages.Signal_placeholder, 1);
    }
}
