import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.StoredNote;
import org.vindplaats.notes.Workspace;
import org.vindplaats.notes.imports.ImportOptions;
import org.vindplaats.notes.imports.NoteImporter;
import org.vindplaats.notes.pii.PiiScrubber;

/** One workspace on a memory disk (fsync is cheap there) that every fuzz input is imported into and cleared. */
final class ImportFuzzSupport {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
    /** The same checks as HtmlImportTest: no markup and no script URL may reach a note. */
    static final Pattern TAG = Pattern.compile("<\\s*[\\p{L}/!?]");
    static final Pattern SCRIPT_URL = Pattern.compile("(?i)(java|vb)\\s*script\\s*:|data\\s*:\\s*text");

    private final Path dir;
    private final NoteStore store;
    private final NoteImporter importer;

    ImportFuzzSupport(String name) {
        try {
            Path base = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir"));
            dir = Files.createTempDirectory(base, "vindplaats-fuzz-" + name);
            store = Workspace.open(dir.resolve("ws"), Workspace.Settings.DEFAULT.withClock(CLOCK)).notes();
            importer = new NoteImporter(store, ImportOptions.DEFAULT, PiiScrubber.standard(), CLOCK);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Imports {@code content} as a file called {@code fileName}; returns the stored notes, then clears the store. */
    List<StoredNote> importAndClear(String fileName, byte[] content) {
        try {
            Path file = dir.resolve(fileName);
            Files.write(file, content);
            importer.importPath(file, new NullProgressMonitor());
            NoteStore.LoadResult load = store.loadAll();
            if (load.problems().stream().anyMatch(org.vindplaats.notes.Problem::isError)) {
                throw new IllegalStateException("the store cannot read back what the importer wrote: " + load.problems());
            }
            for (String id : store.ids()) {
                store.delete(id);
            }
            return load.notes();
        } catch (IOException e) {
            throw new IllegalStateException("the importer threw instead of reporting: " + e, e);
        }
    }

    static List<String> fields(TrendNote n) {
        return java.util.stream.Stream.of(n.title(), n.body(), n.source(), n.author())
                .map(f -> f == null ? "" : f).toList();
    }
}
