package org.vindplaats.ui.handlers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

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
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.PluginDescriptor;
import org.vindplaats.catalog.PluginInstaller;
import org.vindplaats.catalog.PluginProvenance;
import org.vindplaats.model.Platform;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.UserFolders;
import org.vindplaats.model.io.OwnerOnly;
import org.vindplaats.ui.Ids;
import org.vindplaats.ui.Messages;
import org.vindplaats.app.BriefWriter;
import org.vindplaats.ui.notes.NotesWorkspace;

import jakarta.inject.Named;

/** File &gt; Export orientation brief: the chosen platform as an HTML page for a team meeting. */
public final class ExportBriefHandler {

    /** How many of the latest notes about the platform a brief shows. */
    private static final int BRIEF_NOTES = 5;

    @CanExecute
    public boolean canExecute(@Optional @Named(Ids.SELECTED_PLATFORM) String id) {
        return id != null;
    }

    @Execute
    public void execute(Shell shell, Catalog catalog, @Optional @Named(Ids.SELECTED_PLATFORM) String id,
            @Optional NotesWorkspace notes, @Optional PluginInstaller installer) {
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
        var org = Ids.activeOrganisation(catalog).orElse(null);
        Locale locale = Locale.getDefault();
        Job job = Job.create(NLS.bind(Messages.Export_running, p.name()), (IProgressMonitor monitor) -> {
            try {
                // The brief reads the notes in the job: a large workspace must not freeze the window.
                BriefWriter writer = new BriefWriter(locale)
                        .suppliedBy(PluginProvenance.of(catalog, installer, PluginDescriptor.Kind.PLATFORM, p.id()).orElse(null));
                String html;
                if (withNotes) {
                    List<TrendNote> latest = notes == null || notes.store().isEmpty() ? List.of()
                            : BriefWriter.latestNotes(notes.store().get().notes(problem -> { }), p.id(), BRIEF_NOTES);
                    html = writer.html(p, org, LocalDate.now(), latest);
                } else {
                    html = writer.html(p, org, LocalDate.now());
                }
                // Owner-only like the notes it may quote; the worker shares it deliberately.
                OwnerOnly.write(target, html.getBytes(StandardCharsets.UTF_8));
                shell.getDisplay().asyncExec(() -> MessageDialog.openInformation(shell, Messages.Export_title,
                        NLS.bind(Messages.Export_done, target)));
            } catch (IOException e) {
                shell.getDisplay().asyncExec(() -> MessageDialog.openError(shell, Messages.Export_title,
                        NLS.bind(Messages.Export_failed, target, e.getMessage())));
            }
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
    }
}
