package org.vindplaats.ui;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.osgi.service.event.Event;
import org.vindplaats.app.PluginUpdateService;
import org.vindplaats.ui.parts.RepositoriesView;

import jakarta.inject.Inject;

/**
 * Background update check when the workbench starts, only if the user allowed it (the check box
 * in Plugins, Repositories and updates): reads the user's plugin repositories in a system job; the
 * application layer's {@link PluginUpdateService} keeps what they offer, and the repositories view
 * shows it when it opens. Never installs anything.
 */
public final class UpdateCheckAddon {

    /** Delay after start, so reading repositories never competes with opening the window. */
    static final long DELAY_MS = 3_000;

    private Job job;

    /** Once the workbench is up (services are certainly there then, and the window is open). */
    @Inject
    @Optional
    void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, PluginUpdateService updates) {
        start(updates);
    }

    /** Schedules the check when the user allowed it and has repositories; otherwise does nothing. */
    public void start(PluginUpdateService service) {
        if (!RepositoriesView.checkAtStart()) {
            return;
        }
        if (service.updates().repositories().list().isEmpty()) {
            return;
        }
        job = Job.create(RepoMessages.Repos_reading, (IProgressMonitor monitor) -> {
            try {
                service.check(monitor);
            } catch (OperationCanceledException e) {
                return Status.CANCEL_STATUS;
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule(DELAY_MS);
    }

    /** The job of the check, or null when the check is off or there are no repositories (tests). */
    public Job job() {
        return job;
    }
}
