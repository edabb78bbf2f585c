package org.vindplaats.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Test data: the dev evaluation set every fragment shares (this bundle's {@code testdata/eval-dev},
 * one copy instead of one per fragment) and a fragment's own fixture folders, copied to a
 * temporary folder where a test may change them.
 */
public final class TestFiles {

    /** The dev evaluation set's files. */
    public static final String NOTES = "notes.jsonl";
    public static final String GOLD = "gold.jsonl";
    public static final String QUERIES = "queries.jsonl";

    private TestFiles() {
    }

    /** A file of the dev evaluation set ({@link #NOTES}, {@link #GOLD}, {@link #QUERIES}), to read. */
    public static InputStream evalDev(String file) {
        URL url = FrameworkUtil.getBundle(TestFiles.class).getEntry("testdata/eval-dev/" + file);
        if (url == null) {
            throw new IllegalArgumentException("no testdata/eval-dev/" + file + " in org.vindplaats.testing");
        }
        try {
            return url.openStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The non-blank lines of a file of the dev evaluation set. */
    public static List<String> evalDevLines(String file) {
        try (InputStream in = evalDev(file)) {
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dev evaluation set's notes and gold labels copied into {@code target} (for commands that read files). */
    public static Path copyEvalDev(Path target) throws IOException {
        return copy(FrameworkUtil.getBundle(TestFiles.class), "testdata/eval-dev", target);
    }

    /**
     * Copies a folder of a bundle or fragment (e.g. a test fragment's {@code fixtures/notes}) with
     * everything under it into {@code target}.
     *
     * @param bundle the bundle by symbolic name: a fragment's own entries are found under its name
     */
    public static Path copy(String bundle, String folder, Path target) throws IOException {
        return copy(bundle(bundle), folder, target);
    }

    private static Path copy(Bundle bundle, String folder, Path target) throws IOException {
        Enumeration<URL> entries = bundle.findEntries(folder, "*", true);
        if (entries == null) {
            throw new IllegalArgumentException("no folder " + folder + " in " + bundle.getSymbolicName());
        }
        String prefix = "/" + folder + "/";
        Files.createDirectories(target);
        while (entries.hasMoreElements()) {
            URL url = entries.nextElement();
            if (url.getPath().endsWith("/")) {
                continue;
            }
            Path out = target.resolve(url.getPath().substring(url.getPath().indexOf(prefix) + prefix.length()));
            Files.createDirectories(out.getParent());
            try (InputStream in = url.openStream()) {
                Files.copy(in, out);
            }
        }
        return target;
    }

    /** The installed bundle or fragment with this symbolic name. */
    public static Bundle bundle(String symbolicName) {
        for (Bundle b : Services.context().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new IllegalArgumentException(symbolicName + " is not installed");
    }
}
