package org.vindplaats.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.index.OpenReport.Reason;
import org.vindplaats.index.internal.Analysis;
import org.vindplaats.index.internal.Fields;
import org.vindplaats.index.internal.Messages;
import org.vindplaats.index.internal.OwnerOnlyDirectory;
import org.vindplaats.index.internal.PhenomenonMatcher;
import org.vindplaats.index.internal.QueryTranslator;
import org.vindplaats.index.internal.Stamp;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.io.OwnerOnly;

/**
 * The Lucene index of a workspace's trend notes: a derived cache of the note store, never the
 * source of truth.
 *
 * <h2>Layout</h2> {@code dir/CURRENT} names the live generation folder ({@code gen-N}); each
 * generation holds Lucene's files and a stamp ({@value Stamp#FILE}) with the Lucene version,
 * analyzer ids, schema version and configuration fingerprint. A rebuild writes a new generation
 * and then swaps {@code CURRENT} atomically, so a crash mid-rebuild leaves the old index in place
 * (the half-built folder is removed at the next open).
 *
 * <h2>When it rebuilds</h2> On {@link #open}: no index, damaged files, a missing or unreadable
 * stamp, another version or configuration, or a lock left by a process that died. The
 * {@link #openReport()} says which.
 *
 * <h2>Sharing a workspace (the concurrency rule)</h2> One process at a time writes: the first to
 * open the folder takes an OS-level lock ({@code vindplaats-index.lock}; the OS drops it when that
 * process dies, so a crash never blocks the index) and records who it is in {@code owner.txt}.
 * Every other instance (another command, the workbench on a shared workspace, a second
 * {@code NoteIndex} in the same JVM) opens read-only: searching works and sees the writer's
 * committed changes; a change ({@link #index}, {@link #delete}, {@link #sync}, {@link #rebuild})
 * waits up to {@value #LOCK_WAIT_MILLIS} ms for the writer to finish, takes over when it has,
 * and otherwise fails with an {@link IndexInUseException} saying who holds the index.
 *
 * <h2>Parts</h2> This class keeps the life cycle (open or rebuild, the lock and read-only mode,
 * the writer, sync, close); {@code GenerationFolder} keeps the folder's files, {@code NoteDocuments}
 * turns a note into a Lucene document and {@code NoteSearcher} answers searches on a searcher
 * acquired here.
 */
public final class NoteIndex implements AutoCloseable {

    static final long LOCK_WAIT_MILLIS = 2000;
    /** How long a second process waits for another to build the first index (see {@link #awaitFirstBuild}). */
    static final long FIRST_BUILD_WAIT_MILLIS = 10 * 60 * 1000L;
    private static final String LOCK = "vindplaats-index.lock";
    /** Below this size the checksums of every file are verified at open; above it only structure. */
    private static final long FULL_CHECK_BYTES = 64L << 20;

    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    /** Notes handed to a worker at a time during a rebuild, and how many such batches may wait. */
    private static final int BATCH = 256;
    private static final int BATCHES_IN_FLIGHT = 2 * THREADS;

    private final Path dir;
    private final GenerationFolder files;
    private final NoteSource source;
    private final IndexConfig config;
    private final Analysis analysis;
    private final NoteDocuments documents;
    private final NoteSearcher noteSearcher;
    private final Stamp stamp;
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    /**
     * One thread per core: a large index is searched segment slice by segment slice in parallel,
     * and a rebuild analyses notes on every core while the calling thread reads them. Null on a
     * single core, where both run on the calling thread.
     */
    private final ExecutorService workers = THREADS > 1 ? Executors.newFixedThreadPool(THREADS, NoteIndex::workerThread) : null;
    private final SearcherFactory searchers = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
            return workers == null ? new IndexSearcher(reader) : new IndexSearcher(reader, workers);
        }
    };

    private FSDirectory lockDirectory;
    private Lock lock;
    private boolean locked;
    private Generation gen;
    private OpenReport report;
    private boolean closed;

    private record Generation(String name, Directory directory, IndexWriter writer, SearcherManager manager) {
        void close() throws IOException {
            try {
                manager.close();
            } finally {
                try {
                    if (writer != null) {
                        writer.close();
                    }
                } finally {
                    directory.close();
                }
            }
        }
    }

    private NoteIndex(Path dir, NoteSource source, IndexConfig config) {
        this.dir = dir.toAbsolutePath().normalize();
        this.files = new GenerationFolder(this.dir);
        this.source = source;
        this.config = config;
        this.analysis = new Analysis(config.synonyms());
        this.stamp = Stamp.current(config.fingerprint());
        PhenomenonMatcher phenomena = new PhenomenonMatcher(config.thesaurus(), analysis);
        QueryTranslator translator = new QueryTranslator(analysis, QueryTranslator.platformNames(config, analysis), phenomena);
        this.documents = new NoteDocuments(new NoteLabels(config, analysis, translator, phenomena));
        this.noteSearcher = new NoteSearcher(config, analysis, translator, documents.facetsConfig());
    }

    /**
     * Opens (and when needed rebuilds, with progress on {@code monitor}) the index in {@code dir}.
     *
     * @throws OperationCanceledException when the monitor is cancelled during a rebuild (the
     *                                    previous index, if any, stays in place)
     * @throws IOException                when the notes cannot be read during a rebuild
     */
    public static NoteIndex open(Path dir, NoteSource source, IndexConfig config, IProgressMonitor monitor)
            throws IOException {
        NoteIndex index = new NoteIndex(dir, source, config);
        try {
            index.report = index.start(monitor == null ? new NullProgressMonitor() : monitor);
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
        return index;
    }

    public OpenReport openReport() {
        return report;
    }

    /** Whether another live process holds the index, so this instance only searches. */
    public boolean isReadOnly() {
        return !locked;
    }

    public Path directory() {
        return dir;
    }

    public IndexConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- opening

    private OpenReport start(IProgressMonitor monitor) throws IOException {
        try {
            OwnerOnly.createDirectories(dir);
            if (OwnerOnly.isLoose(dir)) {
                OwnerOnly.tighten(dir); // made by an older version: the index holds the notes' text
            }
            lockDirectory = FSDirectory.open(dir);
        } catch (IOException e) {
            return inMemory(describe(e), monitor, true);
        }
        try {
            OwnerOnly.prepareLockFile(dir.resolve(LOCK));
            lock = lockDirectory.obtainLock(LOCK);
            locked = true;
        } catch (LockObtainFailedException e) {
            return openReadOnly(monitor);
        } catch (IOException e) {
            return inMemory(describe(e), monitor, true);
        }
        return openWriter(monitor);
    }

    private OpenReport openWriter(IProgressMonitor monitor) throws IOException {
        String previousOwner = files.readOwner();
        files.writeOwner();
        Reason reason = Reason.NONE;
        String detail = "";
        String name = files.readCurrent();
        if (name == null || !Files.isDirectory(dir.resolve(name))) {
            reason = Reason.MISSING;
        } else {
            try {
                Stamp found = Stamp.read(dir.resolve(name));
                if (!found.sameVersion(stamp)) {
                    reason = Reason.OTHER_VERSION;
                    detail = found.describe();
                } else if (!found.config().equals(stamp.config())) {
                    reason = Reason.OTHER_CONFIG;
                }
            } catch (IOException | RuntimeException e) {
                reason = Reason.BAD_STAMP;
                detail = describe(e);
            }
            if (reason == Reason.NONE) {
                try {
                    gen = openGeneration(name, true);
                    verify(gen);
                    if (previousOwner != null) {
                        reason = Reason.STALE_LOCK;
                        detail = previousOwner;
                    }
                } catch (IOException | RuntimeException e) {
                    reason = Reason.CORRUPT;
                    detail = describe(e);
                    closeQuietly(gen);
                    gen = null;
                }
            }
        }
        if (reason != Reason.NONE) {
            rebuildFromSource(monitor);
        }
        files.removeStrayGenerations(gen == null ? null : gen.name());
        String message = switch (reason) {
        case NONE -> Messages.Open_ok;
        case MISSING -> NLS.bind(Messages.Open_missing, dir);
        case CORRUPT -> NLS.bind(Messages.Open_corrupt, dir, detail);
        case BAD_STAMP -> NLS.bind(Messages.Open_badStamp, dir, detail);
        case OTHER_VERSION -> NLS.bind(Messages.Open_otherVersion, new Object[] { dir, detail, stamp.describe() });
        case OTHER_CONFIG -> NLS.bind(Messages.Open_otherConfig, dir);
        case STALE_LOCK -> NLS.bind(Messages.Open_staleLock, dir, detail);
        case IN_MEMORY -> "";
        };
        return new OpenReport(reason != Reason.NONE, reason, false, null, message);
    }

    private OpenReport openReadOnly(IProgressMonitor monitor) throws IOException {
        if (!files.committedGenerationPresent()) {
            OpenReport took = awaitFirstBuild(monitor);
            if (took != null) {
                return took;
            }
        }
        String owner = files.ownerText();
        String name = files.readCurrent();
        try {
            if (name == null) {
                throw new NoSuchFileException(files.currentFile().toString());
            }
            Stamp found = Stamp.read(dir.resolve(name));
            if (!found.sameVersion(stamp) || !found.config().equals(stamp.config())) {
                throw new IOException(found.describe());
            }
            gen = openGeneration(name, false);
        } catch (IOException | RuntimeException e) {
            // The writer will repair its index; meanwhile this process searches a copy in memory.
            OpenReport r = inMemory(describe(e), monitor, false);
            return new OpenReport(true, Reason.IN_MEMORY, true, owner, r.message());
        }
        return new OpenReport(false, Reason.NONE, true, owner, NLS.bind(Messages.Open_readOnly, dir, owner));
    }

    /**
     * The index is locked by a live writer but has no committed generation yet: that writer is
     * building the first index (two first imports into a new workspace at once). Found by the
     * crash harness: the second process used to give up at once and search a temporary copy in
     * memory. Instead wait until the writer has committed (then search it read-only) or let go
     * (then take over as the writer). A writer that dies drops its OS lock, so the wait ends;
     * one that is alive but stuck for {@value #FIRST_BUILD_WAIT_MILLIS} ms gets an
     * {@link IndexInUseException} naming it, never a silent in-memory index.
     *
     * @return the report when this process became the writer, null when the writer committed
     */
    private OpenReport awaitFirstBuild(IProgressMonitor monitor) throws IOException {
        long deadline = System.nanoTime() + FIRST_BUILD_WAIT_MILLIS * 1_000_000L;
        monitor.subTask(NLS.bind(Messages.Open_waitingForFirstBuild, dir, files.ownerText()));
        while (!files.committedGenerationPresent()) {
            try {
                lock = lockDirectory.obtainLock(LOCK);
                locked = true;
                return openWriter(monitor);
            } catch (LockObtainFailedException e) {
                // still building
            }
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            if (System.nanoTime() > deadline) {
                String owner = files.ownerText();
                throw new IndexInUseException(NLS.bind(Messages.Open_firstBuildTooLong, new Object[] { dir, owner,
                        FIRST_BUILD_WAIT_MILLIS / 1000 }), owner);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationCanceledException();
            }
        }
        return null;
    }

    private OpenReport inMemory(String why, IProgressMonitor monitor, boolean writable) throws IOException {
        ByteBuffersDirectory d = new ByteBuffersDirectory();
        IndexWriter w = new IndexWriter(d, writerConfig(IndexWriterConfig.OpenMode.CREATE));
        try {
            fill(w, source, monitor);
            w.commit();
        } catch (IOException | RuntimeException e) {
            w.rollback();
            d.close();
            throw e;
        }
        gen = new Generation("memory", d, w, new SearcherManager(w, searchers));
        locked = writable && lock == null && lockDirectory == null;
        return new OpenReport(true, Reason.IN_MEMORY, !writable, null, NLS.bind(Messages.Open_inMemory, dir, why));
    }

    private Generation openGeneration(String name, boolean writable) throws IOException {
        Directory d = OwnerOnlyDirectory.open(dir.resolve(name));
        try {
            if (writable) {
                IndexWriter w = new IndexWriter(d, writerConfig(IndexWriterConfig.OpenMode.APPEND));
                try {
                    return new Generation(name, d, w, new SearcherManager(w, searchers));
                } catch (IOException | RuntimeException e) {
                    w.rollback();
                    throw e;
                }
            }
            return new Generation(name, d, null, new SearcherManager(d, searchers));
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    /**
     * Lucene checks structure, headers and footers when it opens segments; for indexes of modest
     * size it is cheap to verify every file's checksum too, which also catches garbage in the
     * middle of a file.
     */
    private void verify(Generation g) throws IOException {
        long size = 0;
        for (String f : g.directory().listAll()) {
            size += g.directory().fileLength(f);
        }
        if (size > FULL_CHECK_BYTES) {
            return;
        }
        IndexSearcher s = g.manager().acquire();
        try {
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                leaf.reader().checkIntegrity();
            }
        } finally {
            g.manager().release(s);
        }
    }

    private IndexWriterConfig writerConfig(IndexWriterConfig.OpenMode mode) {
        IndexWriterConfig c = new IndexWriterConfig(analysis.indexAnalyzer());
        c.setOpenMode(mode);
        c.setRAMBufferSizeMB(64);
        c.setCommitOnClose(true);
        // Privacy: a deleted or replaced note's text stays in its segment until that segment is
        // merged. expungeDeletes() below merges every segment with a deletion (0 % allowed).
        org.apache.lucene.index.TieredMergePolicy merges = new org.apache.lucene.index.TieredMergePolicy();
        merges.setForceMergeDeletesPctAllowed(0);
        c.setMergePolicy(merges);
        return c;
    }

    /**
     * Rewrites the segments that hold deleted or replaced notes, so a purged note (retention) or
     * the old text of an edited one (a worker removed a name) is gone from the files on disk, not
     * only from search results. Costs a rewrite of those segments; changes are rare next to searches.
     */
    private static void expungeDeletes(IndexWriter w) throws IOException {
        if (w.hasDeletions()) {
            w.forceMergeDeletes(true);
        }
    }

    // ---------------------------------------------------------------- writing

    /** Adds or replaces one note. */
    public void index(TrendNote note) throws IOException {
        withWriter(w -> {
            w.updateDocument(new Term(Fields.ID, note.id()), documents.document(note));
            expungeDeletes(w);
            return null;
        });
    }

    /** Removes one note; true when it was in the index. */
    public boolean delete(String id) throws IOException {
        return withWriter(w -> {
            boolean present = contains(id);
            w.deleteDocuments(new Term(Fields.ID, id));
            expungeDeletes(w);
            return present;
        });
    }

    /** Empties the index. */
    public void deleteAll() throws IOException {
        withWriter(w -> {
            w.deleteAll();
            return null;
        });
    }

    /**
     * Makes the index equal to {@code from}: adds notes it lacks, re-indexes notes whose updated
     * time differs, removes notes that are gone. Cancelling keeps what was done so far (the next
     * sync finishes the job) and removes nothing.
     */
    public SyncReport sync(NoteSource from, IProgressMonitor monitor) throws IOException {
        IProgressMonitor m = monitor == null ? new NullProgressMonitor() : monitor;
        return withWriter(w -> {
            Map<String, Long> indexed = indexedStamps();
            long count = from.count();
            SubMonitor sub = SubMonitor.convert(m, NLS.bind(Messages.Task_sync, count), (int) Math.min(count, Integer.MAX_VALUE));
            Set<String> seen = new HashSet<>();
            int added = 0;
            int updated = 0;
            int unchanged = 0;
            try (Stream<TrendNote> notes = from.notes()) {
                Iterator<TrendNote> it = notes.iterator();
                while (it.hasNext()) {
                    TrendNote n = it.next();
                    if ((seen.size() & 63) == 0 && sub.isCanceled()) {
                        w.commit();
                        throw new OperationCanceledException();
                    }
                    if (!seen.add(n.id())) {
                        continue;
                    }
                    Long old = indexed.get(n.id());
                    if (old == null) {
                        w.addDocument(documents.document(n));
                        added++;
                    } else if (old != NoteDocuments.updatedStamp(n)) {
                        w.updateDocument(new Term(Fields.ID, n.id()), documents.document(n));
                        updated++;
                    } else {
                        unchanged++;
                    }
                    sub.worked(1);
                }
            } catch (UncheckedIOException e) {
                w.commit();
                throw e.getCause();
            }
            int removed = 0;
            for (String id : indexed.keySet()) {
                if (!seen.contains(id)) {
                    w.deleteDocuments(new Term(Fields.ID, id));
                    removed++;
                }
            }
            if (removed > 0 || updated > 0) {
                expungeDeletes(w);
            }
            return new SyncReport(added, updated, removed, unchanged);
        });
    }

    /** Rebuilds the index from the source this index was opened with, in a fresh folder. */
    public void rebuild(IProgressMonitor monitor) throws IOException {
        ensureWritable();
        rw.writeLock().lock();
        try {
            ensureOpen();
            if (gen != null && gen.name().equals("memory")) {
                gen.writer().deleteAll();
                fill(gen.writer(), source, monitor == null ? new NullProgressMonitor() : monitor);
                gen.writer().commit();
                gen.manager().maybeRefreshBlocking();
                return;
            }
            rebuildFromSource(monitor == null ? new NullProgressMonitor() : monitor);
        } finally {
            rw.writeLock().unlock();
        }
    }

    /** How many notes the index holds (as last committed). */
    public long count() throws IOException {
        return withSearcher(s -> (long) s.getIndexReader().numDocs());
    }

    private interface WriterWork<T> {
        T run(IndexWriter w) throws IOException;
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher s) throws IOException;
    }

    private <T> T withWriter(WriterWork<T> work) throws IOException {
        ensureWritable();
        rw.writeLock().lock();
        try {
            ensureOpen();
            T result = work.run(gen.writer());
            gen.writer().commit();
            gen.manager().maybeRefreshBlocking();
            return result;
        } finally {
            rw.writeLock().unlock();
        }
    }

    /**
     * Read-only instances wait briefly for the writing process to let go, then take over (and
     * repair or rebuild like a fresh open would); if it does not, the change is refused.
     */
    private void ensureWritable() throws IOException {
        rw.writeLock().lock();
        try {
            ensureOpen();
            if (locked) {
                return;
            }
            if (lockDirectory == null) {
                throw new IndexInUseException(NLS.bind(Messages.Unwritable, dir, "-"), null);
            }
            long deadline = System.nanoTime() + LOCK_WAIT_MILLIS * 1_000_000L;
            while (true) {
                try {
                    lock = lockDirectory.obtainLock(LOCK);
                    locked = true;
                    break;
                } catch (LockObtainFailedException e) {
                    if (System.nanoTime() > deadline) {
                        String owner = files.ownerText();
                        throw new IndexInUseException(NLS.bind(Messages.InUse, dir, owner), owner);
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new IndexInUseException(NLS.bind(Messages.InUse, dir, files.ownerText()), files.ownerText());
                    }
                }
            }
            Generation old = gen;
            gen = null;
            closeQuietly(old);
            report = openWriter(new NullProgressMonitor());
        } finally {
            rw.writeLock().unlock();
        }
    }

    private void rebuildFromSource(IProgressMonitor monitor) throws IOException {
        String name = files.newGenerationName();
        Path p = dir.resolve(name);
        GenerationFolder.deleteRecursively(p);
        Directory d = OwnerOnlyDirectory.open(p);
        IndexWriter w;
        try {
            w = new IndexWriter(d, writerConfig(IndexWriterConfig.OpenMode.CREATE));
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
        try {
            fill(w, source, monitor);
            w.commit();
            stamp.write(p);
        } catch (IOException | RuntimeException e) {
            try {
                w.rollback();
            } finally {
                d.close();
                GenerationFolder.deleteRecursively(p);
            }
            throw e;
        }
        files.writeCurrent(name);
        Generation old = gen;
        gen = new Generation(name, d, w, new SearcherManager(w, searchers));
        if (old != null) {
            closeQuietly(old);
            if (!old.name().equals(name)) {
                GenerationFolder.deleteRecursively(dir.resolve(old.name()));
            }
        }
    }

    private void fill(IndexWriter w, NoteSource from, IProgressMonitor monitor) throws IOException {
        long count = from.count();
        SubMonitor sub = SubMonitor.convert(monitor, NLS.bind(Messages.Task_rebuild, count), (int) Math.min(count, Integer.MAX_VALUE));
        if (workers == null) {
            fillSequentially(w, from, sub);
            return;
        }
        // Reading a note (file and front matter) is cheaper than analysing it in two languages
        // plus compound parts: this thread reads and hands batches to the workers, which analyse
        // and add them (IndexWriter is thread-safe). A bounded queue of batches bounds the memory.
        ArrayDeque<Future<Integer>> inFlight = new ArrayDeque<>();
        AtomicBoolean stop = new AtomicBoolean();
        try (Stream<TrendNote> notes = from.notes()) {
            Iterator<TrendNote> it = notes.iterator();
            while (it.hasNext()) {
                if (sub.isCanceled()) {
                    throw new OperationCanceledException();
                }
                List<TrendNote> batch = new ArrayList<>(BATCH);
                while (batch.size() < BATCH && it.hasNext()) {
                    batch.add(it.next());
                }
                inFlight.add(workers.submit(() -> {
                    for (TrendNote n : batch) {
                        if (stop.get()) {
                            break;
                        }
                        w.addDocument(documents.document(n));
                    }
                    return batch.size();
                }));
                while (inFlight.size() >= BATCHES_IN_FLIGHT) {
                    sub.worked(await(inFlight.poll()));
                }
            }
            while (!inFlight.isEmpty()) {
                if (sub.isCanceled()) {
                    throw new OperationCanceledException();
                }
                sub.worked(await(inFlight.poll()));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            // On cancel or failure: let running batches stop early, and wait for them, so no
            // worker still adds to a writer the caller is about to roll back.
            stop.set(true);
            for (Future<Integer> f : inFlight) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    // the first failure was already thrown, or the work was cancelled
                }
            }
        }
    }

    private void fillSequentially(IndexWriter w, NoteSource from, SubMonitor sub) throws IOException {
        long n = 0;
        try (Stream<TrendNote> notes = from.notes()) {
            Iterator<TrendNote> it = notes.iterator();
            while (it.hasNext()) {
                if ((n++ & 255) == 0 && sub.isCanceled()) {
                    throw new OperationCanceledException();
                }
                w.addDocument(documents.document(it.next()));
                sub.worked(1);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The result of one rebuild batch; its failure is rethrown as it was. */
    private static int await(Future<Integer> batch) throws IOException {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c);
        }
    }

    private static Thread workerThread(Runnable r) {
        Thread t = new Thread(r, "vindplaats-index-worker");
        t.setDaemon(true);
        return t;
    }

    /** The Lucene document of a note (public for the benchmark, which feeds raw Lucene the same). */
    public Document document(TrendNote n) throws IOException {
        return documents.document(n);
    }

    private Map<String, Long> indexedStamps() throws IOException {
        Map<String, Long> out = new HashMap<>();
        try (DirectoryReader r = DirectoryReader.open(gen.writer())) {
            for (LeafReaderContext ctx : r.leaves()) {
                LeafReader leaf = ctx.reader();
                SortedDocValues ids = leaf.getSortedDocValues(Fields.ID);
                NumericDocValues upd = leaf.getNumericDocValues(Fields.UPDATED);
                Bits live = leaf.getLiveDocs();
                if (ids == null) {
                    continue;
                }
                for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                    if ((live == null || live.get(doc)) && ids.advanceExact(doc)) {
                        String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
                        long u = upd != null && upd.advanceExact(doc) ? upd.longValue() : 0;
                        out.put(id, u);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The phenomena this index holds for those of {@code notes} it holds as they are now (the same
     * last change); the others are left out of the map. Reading them back costs a lookup, tagging
     * again costs the tagger's model: the team hub's push reuses what the index worked out with
     * the same rule ({@link NoteLabels}) and configuration (the index is rebuilt when that changes).
     */
    public Map<String, Set<String>> indexedPhenomena(Collection<TrendNote> notes) throws IOException {
        return withSearcher(s -> noteSearcher.indexedPhenomena(s, notes));
    }

    // ---------------------------------------------------------------- searching

    /** Searches; never throws for bad query syntax (see {@link SearchResult#hints()}). */
    public SearchResult search(SearchRequest request) throws IOException {
        return withSearcher(s -> noteSearcher.search(s, request));
    }

    /** The notes most like note {@code id} (by its distinctive words), the note itself excluded. */
    public SearchResult moreLikeThis(String id, int limit) throws IOException {
        return withSearcher(s -> noteSearcher.moreLikeThis(s, id, limit));
    }

    private boolean contains(String id) throws IOException {
        try (DirectoryReader r = DirectoryReader.open(gen.writer())) {
            return new IndexSearcher(r).count(new TermQuery(new Term(Fields.ID, id))) > 0;
        }
    }

    private <T> T withSearcher(SearcherWork<T> work) throws IOException {
        refreshReadOnly();
        rw.readLock().lock();
        try {
            ensureOpen();
            SearcherManager m = gen.manager();
            m.maybeRefresh();
            IndexSearcher s = m.acquire();
            try {
                return work.run(s);
            } finally {
                m.release(s);
            }
        } finally {
            rw.readLock().unlock();
        }
    }

    /** A read-only instance follows the writer when it swaps in a rebuilt generation. */
    private void refreshReadOnly() throws IOException {
        if (locked || lockDirectory == null) {
            return;
        }
        String name = files.readCurrent();
        if (name == null || gen == null || name.equals(gen.name())) {
            return;
        }
        rw.writeLock().lock();
        try {
            if (closed || name.equals(gen.name()) || locked) {
                return;
            }
            Generation next;
            try {
                next = openGeneration(name, false);
            } catch (IOException | RuntimeException e) {
                return; // mid-swap or being repaired: keep searching the previous generation
            }
            Generation old = gen;
            gen = next;
            closeQuietly(old);
        } finally {
            rw.writeLock().unlock();
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static void closeQuietly(Generation g) {
        if (g != null) {
            try {
                g.close();
            } catch (IOException | RuntimeException e) {
                // Closing a damaged or already closed generation; nothing more to do.
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The search index " + dir + " is closed.");
        }
    }

    /** Commits and releases the index (and the write lock, so another process may take over). */
    @Override
    public void close() throws IOException {
        rw.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (gen != null) {
                    gen.close();
                }
            } finally {
                gen = null;
                if (lock != null) {
                    try {
                        files.deleteOwner();
                    } finally {
                        lock.close();
                        lock = null;
                    }
                }
                if (lockDirectory != null) {
                    lockDirectory.close();
                }
                if (workers != null) {
                    workers.shutdown();
                }
            }
        } finally {
            rw.writeLock().unlock();
        }
    }

    /** For tests: the searches, whose facet sampling knobs they turn. */
    NoteSearcher noteSearcher() {
        return noteSearcher;
    }

    /** For tests and diagnostics: the folder of the live generation. */
    Path generationDirectory() {
        return gen == null ? null : dir.resolve(gen.name());
    }

}
