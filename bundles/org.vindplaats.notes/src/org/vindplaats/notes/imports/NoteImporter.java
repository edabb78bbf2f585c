package org.vindplaats.notes.imports;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.NoteStoreException;
import org.vindplaats.notes.internal.Messages;
import org.vindplaats.notes.pii.PiiScrubber;

/**
 * Imports trend notes into a {@link NoteStore} from a file or a folder (searched recursively,
 * hidden folders skipped). The format follows from the file name:
 * <ul>
 * <li>{@code .jsonl}, {@code .ndjson}: JSON Lines, one note per line</li>
 * <li>{@code .md}, {@code .markdown}: a Markdown note with optional YAML front matter</li>
 * <li>{@code .html}, {@code .htm}, {@code .xhtml}: a saved web page</li>
 * <li>{@code .rss}, {@code .atom}, and {@code .xml} files whose root is an RSS or Atom feed</li>
 * </ul>
 * Personal data is replaced by placeholders unless {@link ImportOptions#keepPii()}; importing the
 * same content again updates or leaves notes unchanged, never duplicates them.
 */
public final class NoteImporter {

    /** The formats this importer reads. */
    public enum Format {
        JSON_LINES, MARKDOWN, HTML, FEED
    }

    private static final int MAX_DEPTH = 16;

    private final NoteStore store;
    private final ImportOptions options;
    private final PiiScrubber scrubber;
    private final Clock clock;

    public NoteImporter(NoteStore store, ImportOptions options) {
        this(store, options, PiiScrubber.standard(), Clock.systemUTC());
    }

    public NoteImporter(NoteStore store, ImportOptions options, PiiScrubber scrubber, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.options = Objects.requireNonNull(options, "options");
        this.scrubber = Objects.requireNonNull(scrubber, "scrubber");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The format of a file by its name (and, for {@code .xml}, its root element); empty when unsupported. */
    public static Optional<Format> formatOf(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".jsonlines")) {
            return Optional.of(Format.JSON_LINES);
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return Optional.of(Format.MARKDOWN);
        }
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml") || name.endsWith(".shtml")) {
            return Optional.of(Format.HTML);
        }
        if (name.endsWith(".rss") || name.endsWith(".atom")) {
            return Optional.of(Format.FEED);
        }
        if (name.endsWith(".xml") && FeedReader.isFeed(file)) {
            return Optional.of(Format.FEED);
        }
        return Optional.empty();
    }

    /**
     * Imports one file or every supported file in a folder.
     *
     * @throws NoSuchFileException when {@code path} does not exist
     * @return what was imported; {@link ImportReport#cancelled()} when the monitor was cancelled
     *         (notes saved before that stay saved, and importing again finishes without duplicates)
     */
    public ImportReport importPath(Path path, IProgressMonitor monitor) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, NLS.bind(Messages.Import_noSuchPath, path));
        }
        ImportSession session = new ImportSession(store, options, scrubber, clock);
        List<Path> files = new ArrayList<>();
        int ignored = 0;
        if (Files.isDirectory(path)) {
            for (Path f : listFiles(path)) {
                if (formatOf(f).isPresent()) {
                    files.add(f);
                } else {
                    ignored++;
                }
            }
            if (ignored > 0) {
                session.warn(path, 0, NLS.bind(Messages.Import_ignoredFiles, ignored));
            }
            if (files.isEmpty()) {
                session.skip(path, 0, Messages.Import_nothingInFolder);
            }
        } else {
            files.add(path);
        }
        return run(session, files, null, monitor);
    }

    /** Imports one file in the given format, whatever its name. */
    public ImportReport importFile(Path file, Format format, IProgressMonitor monitor) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, NLS.bind(Messages.Import_noSuchPath, file));
        }
        return run(new ImportSession(store, options, scrubber, clock), List.of(file), format, monitor);
    }

    private ImportReport run(ImportSession session, List<Path> files, Format forced, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, Messages.Import_task, Math.max(1, files.size()));
        try (NoteStore.Batch batch = store.beginBatch()) {
            for (Path file : files) {
                if (progress.isCanceled()) {
                    throw new OperationCanceledException();
                }
                SubMonitor fileProgress = progress.split(1);
                Optional<Format> format = forced != null ? Optional.of(forced) : formatOf(file);
                if (format.isEmpty()) {
                    session.skip(file, 0, NLS.bind(Messages.Import_unsupported, file.getFileName()));
                    continue;
                }
                try {
                    switch (format.get()) {
                    case JSON_LINES -> JsonLinesReader.read(file, session, fileProgress);
                    case MARKDOWN -> MarkdownReader.read(file, session);
                    case HTML -> HtmlPageReader.read(file, session);
                    case FEED -> FeedReader.read(file, session, fileProgress);
                    }
                } catch (NoteStoreException e) {
                    // The store cannot write (disk full, no permission): every further note would fail too.
                    session.report().stoppedBecause = e.getMessage();
                    break;
                } catch (IOException e) {
                    session.skip(file, 0, NLS.bind(Messages.Import_cannotRead, e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage())));
                }
            }
        } catch (OperationCanceledException e) {
            // Eclipse convention would rethrow; the caller needs the partial report more (what was
            // saved stays saved), so it is returned with cancelled() == true instead.
            session.report().cancelled = true;
        }
        return session.finish();
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(dir, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                String name = d.getFileName() == null ? "" : d.getFileName().toString();
                return !d.equals(dir) && name.startsWith(".") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !f.getFileName().toString().startsWith(".")) {
                    files.add(f);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }
}
