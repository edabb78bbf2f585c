package org.vindplaats.ui;

import java.io.IOException;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.osgi.service.event.Event;
import org.vindplaats.app.NotesService;
import org.vindplaats.app.TeamHub;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.ui.notes.NotesWorkspace;
import org.vindplaats.ui.notes.SampleNotes;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Opens the trend-notes workspace once for the whole workbench and puts it in the application
 * context, where the Signaleren parts find it. Once the window is up, an empty workspace gets
 * the invented example notes (once per folder), in the background. A workspace connected to a
 * team hub sends its new and changed notes there in the background.
 */
public final class WorkspaceAddon {

    private NotesWorkspace notes;
    private TeamHub hub;

    @PostConstruct
    void open(MApplication app, NotesService workspaces, TeamHub hub) {
        Catalog catalog = workspaces.catalog().catalog();
        // The catalog reads and validates its plugin descriptors on first use. Start that now, on
        // the second core, while the window is being built: the Platforms part then finds it done
        // (or waits only for the rest) instead of the reading delaying the whole start.
        Job warm = Job.create(Messages.Startup_readingCatalog, (IProgressMonitor monitor) -> {
            catalog.platforms();
        });
        warm.setSystem(true);
        warm.setPriority(Job.INTERACTIVE);
        warm.schedule();
        // Opened in the background too: the parts that read notes wait for it, the others do not.
        notes = NotesWorkspace.openInBackground(NotesWorkspace.preferredLocation(workspaces), workspaces);
        app.getContext().set(NotesWorkspace.class, notes);
        // Connected to a team hub: saves and imports go there in the background.
        notes.pushChangesTo(hub);
        this.hub = hub;
        // The Note editor, the inbox and the needs map share one suggester: the application
        // layer's NoteSuggestions service, trained again when the notes or the plugins change.
    }

    @Inject
    @Optional
    void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication app) {
        // Unsaved work from a session that ended badly (a crash, a power cut) comes first: the Note
        // part opens and offers it back.
        if (notes.workspace().flatMap(w -> w.drafts().read()).isPresent() && !app.getChildren().isEmpty()) {
            EPartService parts = app.getChildren().get(0).getContext().get(EPartService.class);
            if (parts != null) {
                parts.switchPerspective(Ids.PERSPECTIVE_SIGNAL);
                parts.showPart(Ids.PART_NOTE_EDITOR, EPartService.PartState.ACTIVATE);
            }
        }
        // What waited for the hub since the last session (offline, or quit before it went) goes now.
        hub.pushSoon(notes.location(), notes.store().orElse(null));
        try {
            SampleNotes.importIfEmpty(notes, null);
        } catch (IOException e) {
            ILog.of(WorkspaceAddon.class).error("The sample notes could not be imported: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        if (notes != null) {
            notes.close();
        }
    }
}
