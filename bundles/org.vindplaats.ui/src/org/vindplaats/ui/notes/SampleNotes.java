package org.vindplaats.ui.notes;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.vindplaats.notes.imports.ImportReport;

/**
 * The invented example notes ("[Voorbeeld] ...", "[Example] ..." in an English UI) shipped in this bundle, imported once into an
 * empty workspace so a new worker sees what trend notes look like. Each workspace folder gets
 * them at most once (a preference remembers it), so deleting them is final.
 */
public final class SampleNotes {

    /** The Dutch samples; {@link #resource(Locale)} picks the English ones for an English UI. */
    public static final String RESOURCE = "samples/sample-notes.jsonl";
    public static final String RESOURCE_EN = "samples/sample-notes_en.jsonl";

    /** The same invented notes in the user's language: Dutch first, English for an English UI. */
    public static String resource(Locale locale) {
        return "en".equals(locale.getLanguage()) ? RESOURCE_EN : RESOURCE;
    }

    private SampleNotes() {
    }

    /** Copies the shipped sample file to a temporary file (the bundle may be a jar). */
    public static Path extract(Locale locale) throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(SampleNotes.class);
        String resource = resource(locale);
        URL url = bundle == null ? null : bundle.getEntry(resource);
        if (url == null) {
            throw new IOException("The sample notes " + resource + " are missing from bundle org.vindplaats.ui;"
                    + " reinstall Vindplaats.");
        }
        Path file = Files.createTempFile("vindplaats-sample-notes", ".jsonl");
        file.toFile().deleteOnExit();
        try (InputStream in = url.openStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
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
        ImportJob job = new ImportJob(notes, extract(Locale.getDefault()), onDone);
        job.schedule();
        return job;
    }
}
