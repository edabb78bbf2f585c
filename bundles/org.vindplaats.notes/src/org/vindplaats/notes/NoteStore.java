package org.vindplaats.notes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.eclipse.core.runtime.ISafeRunnable;
import org.eclipse.core.runtime.SafeRunner;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.io.OwnerOnly;
import org.vindplaats.notes.NoteChangeEvent.Kind;
import org.vindplaats.notes.internal.Messages;
import org.vindplaats.notes.pii.PiiMatch;
import org.vindplaats.notes.pii.PiiScrubber;

/**
 * The notes of a workspace: one file per note in {@code notes/} (see {@link NoteFileFormat}).
 * <ul>
 * <li>Every write is atomic ({@link AtomicFiles}): a crash or a full disk never leaves a partial
 * note, and the previous version stays intact when a write fails.</li>
 * <li>Writes are optimistic: {@link #save(TrendNote, long)} and {@link #update(StoredNote, TrendNote)}
 * say which version they are based on; when the file changed meanwhile (another worker on a shared
 * folder, a text editor, a sync tool) a {@link ConflictException} is thrown instead of overwriting.
 * Writers in this JVM are serialised by a lock; other processes by a lock file {@code notes/.lock}
 * where the file system supports locks.</li>
 * <li>Unless a note records that a worker chose to keep personal data ({@link TrendNote#piiKept()}),
 * its title and body are scrubbed by the {@link PiiScrubber} before they are written.</li>
 * <li>Unreadable files are reported as {@link Problem}s with file and line, never deleted or skipped
 * silently.</li>
 * <li>{@link NoteStoreListener}s hear every change after it is on disk.</li>
 * </ul>
 */
public final class NoteStore {

    /** Expected revision of a note that must not exist yet. */
    public static final long NEW = 0;
    /** Expected revision that accepts any current state; only for repair tools, never for edits. */
    public static final long ANY = -1;

    private static final String LOCK_FILE = ".lock";
    private static final long LOCK_TIMEOUT_MILLIS = 10_000;
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path directory;
    private final PiiScrubber scrubber;
    private final Clock clock;
    private final WriteHooks hooks;
    private final ReentrantLock lock;
    private final List<NoteStoreListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger batchDepth = new AtomicInteger();

    /**
     * A store on {@code directory} (created if missing).
     *
     * @param scrubber replaces personal data on save; null turns the guard off (tests, tools)
     * @param clock the source of created/updated times
     */
    public NoteStore(Path directory, PiiScrubber scrubber, Clock clock) throws IOException {
        this(directory, scrubber, clock, WriteHooks.NONE);
    }

    NoteStore(Path directory, PiiScrubber scrubber, Clock clock, WriteHooks hooks) throws IOException {
        OwnerOnly.createDirectories(directory);
        this.directory = directory.toRealPath();
        this.scrubber = scrubber;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.lock = JVM_LOCKS.computeIfAbsent(this.directory, d -> new ReentrantLock());
    }

    /** The {@code notes/} folder. */
    public Path directory() {
        return directory;
    }

    /** The file a note with this id lives in (whether or not it exists). */
    public Path fileFor(String id) {
        NoteIds.requireValid(id);
        return directory.resolve(id + NoteFileFormat.EXTENSION);
    }

    /**
     * Deletes temp files a crashed write left behind, while holding the store's locks (so a
     * concurrent writer's temp file is never touched).
     *
     * @return how many were deleted
     */
    public int cleanUpTempFiles() throws IOException {
        return locked(null, () -> AtomicFiles.deleteStaleTempFiles(directory));
    }

    // ------------------------------------------------------------------ reading

    /**
     * The note with this id, or empty when there is none.
     *
     * @throws NoteFormatException when the file exists but cannot be read (the problem says where)
     * @throws IllegalArgumentException when {@code id} is not a valid note id
     */
    public Optional<StoredNote> get(String id) throws NoteStoreException {
        Path file = fileFor(id);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new NoteStoreException(id, NLS.bind(Messages.NoteStore_readFailed, file, reason(e)), e);
        }
        return Optional.of(parse(file, bytes));
    }

    public boolean contains(String id) {
        return Files.isRegularFile(fileFor(id));
    }

    /** The ids of all note files, sorted; cheap (no file is read). Invalid file names are skipped. */
    public List<String> ids() throws IOException {
        List<String> ids = new ArrayList<>();
        for (Path f : noteFiles()) {
            String id = NoteFileFormat.idFromFileName(f);
            if (NoteIds.isValid(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Id, file, modification time and size of every note file, sorted by id; no file is read. */
    public List<NoteStamp> stamps() throws IOException {
        List<NoteStamp> stamps = new ArrayList<>();
        for (Path f : noteFiles()) {
            String id = NoteFileFormat.idFromFileName(f);
            if (!NoteIds.isValid(id)) {
                continue;
            }
            try {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                stamps.add(new NoteStamp(id, f, a.lastModifiedTime(), a.size()));
            } catch (NoSuchFileException e) {
                // deleted while listing
            }
        }
        return stamps;
    }

    /**
     * All notes, read lazily in id order; files that cannot be read are passed to {@code problems}
     * (with file and line) and left alone. Close the stream (try-with-resources).
     */
    public Stream<StoredNote> stream(Consumer<Problem> problems) throws IOException {
        List<Path> files = noteFiles();
        return files.stream().map(f -> {
            String id = NoteFileFormat.idFromFileName(f);
            var idProblem = NoteIds.problem(id);
            if (idProblem.isPresent()) {
                problems.accept(Problem.error(f, 0,
                        NLS.bind(Messages.NoteStore_badFileName, f.getFileName(), idProblem.get())));
                return null;
            }
            try {
                StoredNote note = parse(f, Files.readAllBytes(f));
                note.warnings().forEach(problems);
                return note;
            } catch (NoSuchFileException e) {
                return null; // deleted since the listing
            } catch (NoteFormatException e) {
                problems.accept(e.problem());
                return null;
            } catch (IOException e) {
                problems.accept(Problem.error(f, 0, NLS.bind(Messages.NoteStore_readFailed, f, reason(e))));
                return null;
            }
        }).filter(Objects::nonNull);
    }

    /**
     * The notes themselves, for an index rebuild: like {@link #stream(Consumer)} but mapped to
     * {@link TrendNote} and without a checked exception (a failure to list the folder becomes an
     * {@link java.io.UncheckedIOException}). Close the stream. Example for the index engine:
     * {@code NoteSource.of(() -> store.notes(problems::add), store.count())}.
     */
    public Stream<TrendNote> notes(Consumer<Problem> problems) {
        try {
            return stream(problems).map(StoredNote::note);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** How many note files there are (no file is read); -1 when the folder cannot be listed. */
    public long count() {
        try {
            return noteFiles().size();
        } catch (IOException e) {
            return -1;
        }
    }

    /** All readable notes and the problems with the others. Fine for thousands; stream for more. */
    public LoadResult loadAll() throws IOException {
        List<Problem> problems = new ArrayList<>();
        List<StoredNote> notes;
        try (Stream<StoredNote> s = stream(problems::add)) {
            notes = s.toList();
        }
        return new LoadResult(notes, problems);
    }

    /** The result of {@link #loadAll()}. */
    public record LoadResult(List<StoredNote> notes, List<Problem> problems) {
        public LoadResult {
            notes = List.copyOf(notes);
            problems = List.copyOf(problems);
        }
    }

    private List<Path> noteFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory, "*" + NoteFileFormat.EXTENSION)) {
            for (Path f : ds) {
                String name = f.getFileName().toString();
                if (!name.startsWith(".") && Files.isRegularFile(f)) {
                    files.add(f);
                }
            }
        }
        Collections.sort(files);
        return files;
    }

    private static StoredNote parse(Path file, byte[] bytes) throws NoteFormatException {
        String id = NoteFileFormat.idFromFileName(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new NoteFormatException(id, Problem.error(file, 0, Messages.NoteStore_notUtf8));
        }
        NoteFileFormat.Parsed parsed = NoteFileFormat.parse(text, file, NoteFileFormat.Mode.STORE);
        return new StoredNote(parsed.note(), parsed.revision(), file, fingerprint(bytes), parsed.warnings());
    }

    static String fingerprint(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ writing

    /**
     * Saves a note, based on revision {@code expectedRevision} ({@link #NEW} for a note that must
     * not exist yet, else the {@link StoredNote#revision()} you read). Sets {@code updated} to now
     * and {@code created} when missing, scrubs personal data unless the note keeps it by choice,
     * writes atomically and tells the listeners.
     *
     * @throws ConflictException when the note's revision on disk is not {@code expectedRevision}
     * @throws NoteStoreException when the write fails (the previous version is intact)
     */
    public SaveResult save(TrendNote note, long expectedRevision) throws NoteStoreException {
        return write(note, expectedRevision, null);
    }

    /**
     * Saves {@code changed} as the next version of {@code base}, also detecting edits to the file
     * that did not change the revision (a text editor): the file must still be byte-for-byte the
     * one {@code base} was read from.
     */
    public SaveResult update(StoredNote base, TrendNote changed) throws NoteStoreException {
        if (!base.id().equals(changed.id())) {
            throw new IllegalArgumentException("Cannot update note " + base.id() + " with note " + changed.id());
        }
        return write(changed, base.revision(), base.fingerprint());
    }

    private SaveResult write(TrendNote input, long expectedRevision, String expectedFingerprint)
            throws NoteStoreException {
        String id = input.id();
        Path file = fileFor(id);
        List<PiiMatch> replaced = List.of();
        TrendNote note = input;
        if (scrubber != null && !note.piiKept()) {
            PiiScrubber.NoteScrub scrub = scrubber.scrub(note);
            note = scrub.note();
            replaced = scrub.replaced();
        }
        TrendNote toWrite = note;
        StoredNote[] previous = new StoredNote[1];
        StoredNote stored;
        try {
            stored = locked(id, () -> {
                byte[] currentBytes = readIfExists(file);
                StoredNote current = null;
                long actual = NEW;
                if (currentBytes != null) {
                    try {
                        current = parse(file, currentBytes);
                        actual = current.revision();
                    } catch (NoteFormatException e) {
                        if (expectedRevision != ANY) {
                            throw new NoteStoreException(id,
                                    NLS.bind(Messages.NoteStore_cannotOverwriteUnreadable, id, e.problem()), e);
                        }
                    }
                }
                if (expectedRevision != ANY && expectedRevision != actual) {
                    throw conflict(id, file, expectedRevision, actual);
                }
                if (expectedFingerprint != null && currentBytes != null
                        && !expectedFingerprint.equals(fingerprint(currentBytes))) {
                    throw conflict(id, file, expectedRevision, actual);
                }
                previous[0] = current;
                Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                // The index tells a changed note by its last change, which the file keeps to the
                // second: a save within the same second as the one before moves it on by one,
                // so no save goes unseen (two quick confirms from a script did).
                if (current != null && current.note().updated() != null && !now.isAfter(current.note().updated())) {
                    now = current.note().updated().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
                }
                Instant created = toWrite.created() != null ? toWrite.created()
                        : current != null && current.note().created() != null ? current.note().created() : now;
                TrendNote finalNote = NoteBuilder.from(toWrite).created(created.truncatedTo(ChronoUnit.SECONDS))
                        .updated(now).body(NoteFileFormat.canonicalBody(toWrite.body()))
                        .title(NoteFileFormat.oneLine(toWrite.title())).build();
                long revision = Math.max(actual, NEW) + 1;
                byte[] bytes = NoteFileFormat.toBytes(finalNote, revision);
                try {
                    AtomicFiles.write(file, bytes, hooks, batchDepth.get() == 0);
                } catch (IOException e) {
                    throw new NoteStoreException(id, NLS.bind(Messages.NoteStore_writeFailed,
                            new Object[] { id, file, reason(e) }), e);
                }
                // Re-read what we wrote so the caller gets exactly what the file says.
                return parse(file, bytes);
            });
        } catch (NoteStoreException e) {
            throw e;
        } catch (IOException e) {
            throw new NoteStoreException(id, NLS.bind(Messages.NoteStore_writeFailed,
                    new Object[] { id, file, reason(e) }), e);
        }
        fire(new NoteChangeEvent(previous[0] == null ? Kind.ADDED : Kind.UPDATED, id, stored));
        return new SaveResult(stored, previous[0] == null, replaced);
    }

    private static ConflictException conflict(String id, Path file, long expected, long actual) {
        String message = actual == NEW && expected != NEW
                ? NLS.bind(Messages.NoteStore_conflictDeleted, id, file)
                : NLS.bind(Messages.NoteStore_conflict, new Object[] { id, file, expected, actual });
        return new ConflictException(id, file, expected, actual, message);
    }

    private static byte[] readIfExists(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * Deletes a note whatever its revision (retention purge, a worker's explicit delete).
     *
     * @return false when there was no such note
     */
    public boolean delete(String id) throws NoteStoreException {
        return delete(id, ANY);
    }

    /**
     * Deletes a note if it is still at {@code expectedRevision} ({@link #ANY} for any).
     *
     * @throws ConflictException when it changed meanwhile
     */
    public boolean delete(String id, long expectedRevision) throws NoteStoreException {
        Path file = fileFor(id);
        boolean deleted;
        try {
            deleted = locked(id, () -> {
                if (expectedRevision != ANY) {
                    byte[] bytes = readIfExists(file);
                    long actual = bytes == null ? NEW : parse(file, bytes).revision();
                    if (actual != expectedRevision) {
                        throw conflict(id, file, expectedRevision, actual);
                    }
                }
                boolean existed = Files.deleteIfExists(file);
                if (existed && batchDepth.get() == 0) {
                    AtomicFiles.syncDirectory(directory);
                }
                return existed;
            });
        } catch (NoteStoreException e) {
            throw e;
        } catch (IOException e) {
            throw new NoteStoreException(id, NLS.bind(Messages.NoteStore_deleteFailed, id, reason(e)), e);
        }
        if (deleted) {
            fire(new NoteChangeEvent(Kind.DELETED, id, null));
        }
        return deleted;
    }

    // ------------------------------------------------------------------ locking

    private interface IoAction<T> {
        T run() throws IOException;
    }

    private <T> T locked(String id, IoAction<T> action) throws IOException {
        lock.lock();
        try (FileChannel channel = openLockFile()) {
            FileLock fileLock = channel == null ? null : acquire(channel, id);
            try {
                return action.run();
            } finally {
                if (fileLock != null && fileLock.isValid()) {
                    fileLock.release();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private FileChannel openLockFile() {
        try {
            return OwnerOnly.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            return null; // read-only folder: writes will fail with their own clear message
        }
    }

    private FileLock acquire(FileChannel channel, String id) throws NoteStoreException {
        long deadline = System.nanoTime() + LOCK_TIMEOUT_MILLIS * 1_000_000;
        while (true) {
            try {
                FileLock l = channel.tryLock();
                if (l != null) {
                    return l;
                }
            } catch (OverlappingFileLockException e) {
                // another store object in this JVM on a different path to the same folder; wait
            } catch (IOException e) {
                return null; // the file system has no locks (some network shares): rely on revisions
            }
            if (System.nanoTime() > deadline) {
                throw new NoteStoreException(id, NLS.bind(Messages.NoteStore_busy, directory));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NoteStoreException(id, NLS.bind(Messages.NoteStore_busy, directory), e);
            }
        }
    }

    // ------------------------------------------------------------------ listeners and batches

    public void addListener(NoteStoreListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(NoteStoreListener listener) {
        listeners.remove(listener);
    }

    /**
     * Groups changes: listeners hear {@link NoteStoreListener#batchStarted()} and
     * {@link NoteStoreListener#batchFinished()} around them, and the folder is forced to disk once
     * at the end instead of after every note (each note file is still forced before its rename, so
     * no note is ever half-written; a power cut during a batch can undo renames of that batch).
     * Batches nest; close them (try-with-resources).
     */
    public final class Batch implements AutoCloseable {
        private boolean closed;

        private Batch() {
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (batchDepth.decrementAndGet() == 0) {
                    // Writes inside the batch forced their files but not the folder: do that once now.
                    AtomicFiles.syncDirectory(directory);
                    for (NoteStoreListener l : listeners) {
                        safely(l::batchFinished);
                    }
                }
            }
        }
    }

    public Batch beginBatch() {
        if (batchDepth.getAndIncrement() == 0) {
            for (NoteStoreListener l : listeners) {
                safely(l::batchStarted);
            }
        }
        return new Batch();
    }

    private void fire(NoteChangeEvent event) {
        for (NoteStoreListener l : listeners) {
            safely(() -> l.noteChanged(event));
        }
    }

    private static void safely(Runnable r) {
        SafeRunner.run(new ISafeRunnable() {
            @Override
            public void run() {
                r.run();
            }

            @Override
            public void handleException(Throwable e) {
                // SafeRunner logs it; the change itself is already safely on disk.
            }
        });
    }

    static String reason(IOException e) {
        String m = e.getMessage();
        String type = e.getClass().getSimpleName();
        return m == null || m.isBlank() ? type : type + ": " + m;
    }
}
