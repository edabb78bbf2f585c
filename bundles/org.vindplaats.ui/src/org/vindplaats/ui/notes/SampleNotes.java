package org.vindplaats.ui.notes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.vindplaats.notes.imports.ImportReport;

/**
 * Imports the application layer's invented example notes ({@link org.vindplaats.app.SampleNotes})
 * once into an empty workspace, so a new worker sees what trend notes look like. Each workspace
 * folder gets them at most once (a preference remembers it), so deleting them is final.
 */
public final class SampleNotes {

    private SampleNotes() {
    }

    private static String key(Path workspace) {
        return "samplesOffered." + Integer.toHexString(workspace.toString().hashCode());
    }

    /**
     * Schedules the import of the samples when the workspace has no notes and never had the
     * samples; returns the job, or null when nothing is to be done.
     */
    public static ImportJob importIfEmpty(NotesWorkspace notes, Consumer<ImportReport> onDone) throws IOException {
        if (notes.store().isEmpty() || notes.store().get().count() != 0) {
            return null;
        }
        IEclipsePreferences prefs = InstanceScope.INSTANCE.getNode(NotesWorkspace.NODE);
        String key = key(notes.location());
        if (prefs.getBoolean(key, false)) {
            return null;
        }
        prefs.putBoolean(key, true);
        try {
            prefs.flush();
        } catch (org.osgi.service.prefs.BackingStoreException e) {
            // Worst case the samples are offered again next time; not worth stopping for.
        }
        ImportJob job = new ImportJob(notes, org.vindplaats.app.SampleNotes.extract(Locale.getDefault()), onDone);
        job.schedule();
        return job;
    }
}
