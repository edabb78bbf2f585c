package org.vindplaats.ui.handlers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.MessageDialogWithToggle;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.vindplaats.app.CatalogQueries;
import org.vindplaats.app.OrientationBriefs;
import org.vindplaats.model.Platform;
import org.vindplaats.model.UserFolders;
import org.vindplaats.ui.Ids;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.notes.NotesWorkspace;

import jakarta.inject.Named;

/**
 * File &gt; Export orientation brief: the chosen platform as an HTML page for a team meeting, written
 * by the application layer's {@link OrientationBriefs} (as {@code vindplaats platform brief}).
 */
public final class ExportBriefHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(Ids.SELECTED_PLATFORM) String id) {
        return id != null;
    }

    @Execute
    public void execute(Shell shell, CatalogQueries catalog, OrientationBriefs briefs,
            @Optional @Named(Ids.SELECTED_PLATFORM) String id, @Optional NotesWorkspace notes) {
        Platform p = id == null ? null : catalog.platform(id).orElse(null);
        if (p == null) {
            MessageDialog.openInformation(shell, Messages.Export_title, Messages.Export_choosePlatform);
            return;
        }
        // Notes leave the workspace only when the worker ticks it (off by default), and then scrubbed.
        MessageDialogWithToggle ask = MessageDialogWithToggle.openOkCancelConfirm(shell, Messages.Export_title,
                Messages.Export_includeNotesQuestion, Messages.Export_includeNotes, false, null, null);
        if (ask.getReturnCode() != IDialogConstants.OK_ID) {
            return;
        }
        boolean withNotes = ask.getToggleState();
        FileDialog d = new FileDialog(shell, SWT.SAVE);
        d.setText(Messages.Export_title);
        d.setFileName(p.id() + "-" + Messages.Export_fileSuffix + ".html");
        d.setFilterExtensions(new String[] { "*.html" });
        d.setOverwrite(true);
        // Starts in the worker's documents folder, not wherever the program was started from.
        d.setFilterPath(UserFolders.currentDocuments().toString());
        String chosen = d.open();
        if (chosen == null) {
            return;
        }
        Path target = Path.of(chosen);
        OrientationBriefs.Request brief = OrientationBriefs.Request.of(p, catalog.activeOrganisation().orElse(null),
                Locale.getDefault());
        Job job = Job.create(NLS.bind(Messages.Export_running, p.name()), (IProgressMonitor monitor) -> {
            try {
                // The brief reads the notes in the job: a large workspace must not freeze the window.
                var store = withNotes && notes != null ? notes.store().orElse(null) : null;
                briefs.write(target, store == null ? brief : brief.withNotes(store),
                        problem -> ILog.of(ExportBriefHandler.class).warn(problem));
                String done = doneMessage(target, withNotes && store == null, notes == null ? null : notes.problem());
                shell.getDisplay().asyncExec(() -> MessageDialog.openInformation(shell, Messages.Export_title, done));
            } catch (IOException e) {
                shell.getDisplay().asyncExec(() -> MessageDialog.openError(shell, Messages.Export_title,
                        NLS.bind(Messages.Export_failed, target, e.getMessage())));
            }
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
    }

    /**
     * What the worker is told when the brief is written: where it is, and when the notes asked for
     * could not be added, that they are missing, why, and what to do (never a brief silently
     * without them).
     */
    static String doneMessage(Path target, boolean notesLeftOut, String workspaceProblem) {
        if (!notesLeftOut) {
            return NLS.bind(Messages.Export_done, target);
        }
        String why = NLS.bind(Messages.Export_notesNotOpen, workspaceProblem == null ? "" : workspaceProblem).strip();
        return NLS.bind(Messages.Export_doneWithoutNotes, target, why.replaceAll("\\s{2,}", " "));
    }
}
