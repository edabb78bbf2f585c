package org.vindplaats.ui.parts;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.widgets.Composite;
import org.vindplaats.app.TeamHub;
import org.vindplaats.ui.notes.NotesWorkspace;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The "Team hub" part (Beheer): connect the workspace to the team's hub, its outbox, push now. */
public final class HubPart {

    @Inject
    TeamHub hub;

    @Inject
    NotesWorkspace notes;

    private HubView view;

    @PostConstruct
    public void createControls(Composite parent) {
        view = new HubView(parent, hub, notes);
    }

    @Focus
    public void focus() {
        view.setFocus();
    }

    public HubView view() {
        return view;
    }
}
