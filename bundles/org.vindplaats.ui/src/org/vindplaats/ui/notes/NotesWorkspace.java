package org.vindplaats.ui.notes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.vindplaats.app.NoteSearch;
import org.vindplaats.app.NotesService;
import org.vindplaats.app.TeamHub;
import org.vindplaats.app.WorkspaceSession;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.notes.NoteChangeEvent;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.NoteStoreListener;
import org.vindplaats.notes.Workspace;
import org.vindplaats.notes.WorkspaceException;
import org.vindplaats.notes.imports.ImportOptions;
import org.vindplaats.ui.Messages;

/**
 * The trend-notes workspace of the workbench, opened once and shared by the Signaleren parts (it
 * sits in the application context). The folder is a preference; without one it is the same
 * per-user default the CLI uses ({@link NotesService#locate}). Listeners hear when notes change
 * through this workbench (once per import, not per note) and when another folder is chosen.
 */
public final class NotesWorkspace implements AutoCloseable {

    /** Preference node and key of the chosen workspace folder. */
    public static final String NODE = "org.vindplaats.ui";
    public static final String KEY = "workspace";

    private final NotesService service;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger batch = new AtomicInteger();
    private final NoteStoreListener forward = new NoteStoreListener() {
        @Override
        public void noteChanged(NoteChangeEvent event) {
            if (batch.get() == 0) {
                fire();
            }
        }

        @Override
        public void batchStarted() {
            batch.incrementAndGet();
        }

        @Override
        public void batchFinished() {
            if (batch.decrementAndGet() == 0) {
                fire();
            }
        }
    };
    private volatile Path location;
    private volatile WorkspaceSession session;
    private volatile NoteSearch search;
    private volatile String problem;
    /** Done once the first folder is open (or could not be opened); what reads the workspace waits for it. */
    private final CompletableFuture<Void> opened = new CompletableFuture<>();

    private NotesWorkspace(NotesService service) {
        this.service = service;
    }

    /** Opens the workspace in {@code folder}; when that fails the object says why ({@link #problem()}). */
    public static NotesWorkspace open(Path folder, NotesService service) {
        NotesWorkspace w = new NotesWorkspace(service);
        w.openAt(folder);
        w.opened.complete(null);
        return w;
    }

    /**
     * The same, with the opening (reading the workspace file, checking its folder, the privacy
     * rules) in a background job: the workbench builds its window meanwhile, on the other core.
     * Everything that reads the workspace waits until it is open, so nobody sees it half open;
     * only {@link #location()} answers at once.
     */
    public static NotesWorkspace openInBackground(Path folder, NotesService service) {
        NotesWorkspace w = new NotesWorkspace(service);
        w.location = folder.toAbsolutePath().normalize();
        Job opening = Job.create(Messages.Startup_openingWorkspace, (IProgressMonitor monitor) -> {
            try {
                w.openAt(folder);
            } finally {
                w.opened.complete(null);
            }
        });
        opening.setSystem(true);
        opening.setPriority(Job.INTERACTIVE);
        opening.schedule();
        return w;
    }

    /** Waits until the first folder is open (at once when it was opened in the caller's thread). */
    private void awaitOpen() {
        opened.join();
    }

    /** The folder from the preference, else the CLI's default ($VINDPLAATS_WORKSPACE or the per-user folder). */
    public static Path preferredLocation(NotesService service) {
        String chosen = preferences().get(KEY, null);
        return service.locate(chosen, Path.of("").toAbsolutePath()).directory();
    }

    private static IEclipsePreferences preferences() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }

    private synchronized void openAt(Path folder) {
        closeCurrent();
        location = folder.toAbsolutePath().normalize();
        try {
            session = service.open(location, true, p -> ILog.of(NotesWorkspace.class).warn(p));
            if (session.workspace().tightenedMessage() != null) {
                // The workspace was readable by others and is now private: say so once, in the log.
                ILog.of(NotesWorkspace.class).info(session.workspace().tightenedMessage());
            }
            session.store().addListener(forward);
            // The workbench stays open: it takes the index over from a command that held it.
            search = session.search(true);
            problem = null;
        } catch (WorkspaceException e) {
            session = null;
            search = null;
            problem = e.getMessage();
        }
    }

    private void closeCurrent() {
        if (session != null) {
            session.store().removeListener(forward);
            try {
                session.close();
            } catch (IOException e) {
                // The index is a cache; the next open repairs it.
            }
        }
    }

    /**
     * Switches to another folder and remembers it. The folder is opened first: a folder that
     * cannot be a workspace leaves the preference unchanged and {@link #problem()} says why.
     */
    public void moveTo(Path folder) throws BackingStoreException {
        awaitOpen();
        openAt(folder);
        if (problem == null) {
            IEclipsePreferences p = preferences();
            p.put(KEY, location.toString());
            p.flush();
        }
        fire();
    }

    public Path location() {
        return location;
    }

    public Optional<Workspace> workspace() {
        return session().map(WorkspaceSession::workspace);
    }

    /** The open workspace as the application layer holds it; empty when it could not be opened. */
    public Optional<WorkspaceSession> session() {
        awaitOpen();
        return Optional.ofNullable(session);
    }

    /** The note store; empty when the workspace could not be opened. */
    public Optional<NoteStore> store() {
        return workspace().map(Workspace::notes);
    }

    /** The search engine for this workspace; empty when it could not be opened. */
    public Optional<NoteSearch> search() {
        awaitOpen();
        return Optional.ofNullable(search);
    }

    /** Why the workspace could not be opened (with the folder and what to do), or null. */
    public String problem() {
        awaitOpen();
        return problem;
    }

    public Catalog catalog() {
        return service.catalog().catalog();
    }

    /** How notes are imported here: the catalog's platforms, the active organisation's retention. */
    public Optional<ImportOptions> importOptions() {
        return session().map(service::importOptions);
    }

    /**
     * Sends what changed (a save, an import, another folder) to the team hub a few seconds later,
     * in the background, when the workspace is connected to one. Returns what stops it.
     */
    public Runnable pushChangesTo(TeamHub hub) {
        Runnable push = () -> hub.pushSoon(location, store().orElse(null));
        addListener(push);
        return () -> removeListener(push);
    }

    /** Called (on the thread that made the change) after notes changed or the folder moved. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void fire() {
        for (Runnable r : listeners) {
            try {
                r.run();
            } catch (RuntimeException e) {
                // One broken view must not stop the others from refreshing.
            }
        }
    }

    @Override
    public void close() {
        awaitOpen();
        synchronized (this) {
            closeCurrent();
        }
        listeners.clear();
    }
}
