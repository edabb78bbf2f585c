package org.vindplaats.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The invented example notes ("[Voorbeeld] ...", "[Example] ..." in English) shipped in this
 * bundle, for a new worker to see what trend notes look like and try search on: the workbench
 * imports them once into an empty workspace, the command line on request
 * ({@code notes import --samples}). They are made up and name no one.
 */
public final class SampleNotes {

    /** The Dutch samples; {@link #resource(Locale)} picks the English ones for English. */
    public static final String RESOURCE = "samples/sample-notes.jsonl";
    public static final String RESOURCE_EN = "samples/sample-notes_en.jsonl";

    private SampleNotes() {
    }

    /** The same invented notes in the user's language: Dutch first, English for English. */
    public static String resource(Locale locale) {
        return "en".equals(locale.getLanguage()) ? RESOURCE_EN : RESOURCE;
    }

    /** Copies the shipped sample file to a temporary file (the bundle may be a jar), to import. */
    public static Path extract(Locale locale) throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(SampleNotes.class);
        String resource = resource(locale);
        URL url = bundle == null ? null : bundle.getEntry(resource);
        if (url == null) {
            throw new IOException("The sample notes " + resource + " are missing from bundle org.vindplaats.app;"
                    + " reinstall Vindplaats.");
        }
        Path file = Files.createTempFile("vindplaats-sample-notes", ".jsonl");
        file.toFile().deleteOnExit();
        try (InputStream in = url.openStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
