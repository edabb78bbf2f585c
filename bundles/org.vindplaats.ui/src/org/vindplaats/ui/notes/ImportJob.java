package org.vindplaats.ui.notes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.ProgressMonitorWrapper;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.app.WorkspaceSession;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.imports.ImportOptions;
import org.vindplaats.notes.imports.ImportReport;
import org.vindplaats.notes.imports.NoteImporter;
import org.vindplaats.ui.Messages;

/**
 * Imports a file or folder of notes (JSON Lines, Markdown, HTML pages, RSS/Atom feeds) into the
 * workspace as a background job with progress and cancel. Personal data is replaced on the way
 * in; the retention of the active organisation sets each note's expiry. The report (imported,
 * skipped with file:line, personal data replaced) goes to {@code onDone} on the job's thread.
 */
public final class ImportJob extends Job {

    private final NotesWorkspace notes;
    private final Path source;
    private final Consumer<ImportReport> onDone;
    private volatile ImportReport report;
    private volatile ProgressListener progress = (done, total, task) -> {
    };

    /** Hears the import's progress (on the job's thread): work done, total work, current task. */
    public interface ProgressListener {
        void progress(int done, int total, String task);
    }

    public void setProgressListener(ProgressListener listener) {
        progress = listener;
    }

    public ImportJob(NotesWorkspace notes, Path source, Consumer<ImportReport> onDone) {
        super(NLS.bind(Messages.Import_job, source.getFileName() == null ? source : source.getFileName()));
        this.notes = notes;
        this.source = source;
        this.onDone = onDone == null ? r -> {
        } : onDone;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        WorkspaceSession session = notes.session().orElse(null);
        if (session == null) {
            return Status.error(NLS.bind(Messages.Import_noWorkspace, notes.problem()));
        }
        NoteStore store = session.store();
        ImportOptions options = notes.importOptions().orElseThrow(); // the session is open (above)
        try {
            report = new NoteImporter(store, options).importPath(source, new ProgressMonitorWrapper(monitor) {
                private int total;
                private double done;
                private String task = "";

                @Override
                public void beginTask(String name, int totalWork) {
                    super.beginTask(name, totalWork);
                    total = totalWork;
                    task = name == null ? "" : name;
                    progress.progress((int) done, total, task);
                }

                @Override
                public void subTask(String name) {
                    super.subTask(name);
                    task = name == null ? task : name;
                }

                @Override
                public void worked(int work) {
                    super.worked(work);
                    done += work;
                    progress.progress((int) done, total, task);
                }

                @Override
                public void internalWorked(double work) {
                    // SubMonitor reports fractions here instead of through worked(int).
                    super.internalWorked(work);
                    done += work;
                    progress.progress((int) done, total, task);
                }
            });
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (IOException e) {
            return Status.error(NLS.bind(Messages.Import_failed, source, e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
        onDone.accept(report);
        return report.cancelled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
    }

    /** The report once the job has finished (null before, or when the import could not start). */
    public ImportReport report() {
        return report;
    }
}
