package org.vindplaats.index;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.index.OpenReport.Reason;
import org.vindplaats.index.internal.Analysis;
import org.vindplaats.index.internal.SampleQuery;
import org.vindplaats.index.internal.Fields;
import org.vindplaats.index.internal.Messages;
import org.vindplaats.index.internal.OwnerOnlyDirectory;
import org.vindplaats.index.internal.PhenomenonMatcher;
import org.vindplaats.index.internal.QueryTranslator;
import org.vindplaats.index.internal.Snippets;
import org.vindplaats.index.internal.Stamp;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.io.FileReplacement;
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
 */
public final class NoteIndex implements AutoCloseable {

    static final long LOCK_WAIT_MILLIS = 2000;
    /** How long a second process waits for another to build the first index (see {@link #awaitFirstBuild}). */
    static final long FIRST_BUILD_WAIT_MILLIS = 10 * 60 * 1000L;
    private static final String CURRENT = "CURRENT";
    private static final String LOCK = "vindplaats-index.lock";
    private static final String OWNER = "owner.txt";
    private static final String GEN_PREFIX = "gen-";
    /** How many of a phenomenon's distinctive words a note must share to resemble its examples. */
    private static final int LIKE_MIN_TERMS = 3;
    /** Below this size the checksums of every file are verified at open; above it only structure. */
    private static final long FULL_CHECK_BYTES = 64L << 20;

    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    /** Notes handed to a worker at a time during a rebuild, and how many such batches may wait. */
    private static final int BATCH = 256;
    private static final int BATCHES_IN_FLIGHT = 2 * THREADS;

    private final Path dir;
    private final NoteSource source;
    private final IndexConfig config;
    private final Analysis analysis;
    private final QueryTranslator translator;
    private final PhenomenonMatcher phenomena;
    private final NoteDocuments documents;
    private final Stamp stamp;
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final Object facetLock = new Object();
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

    /**
     * Above this many matches a faceted search counts its facets in a sample of the matching
     * notes (see {@link #run}); up to it they are exact. Tests lower both to exercise sampling.
     */
    volatile long sampleAbove = 50_000;
    /** About how many matching notes the facet sample should hold. */
    volatile long sampleSize = 10_000;
    /** Hits are counted while collecting up to here; beyond that WAND may skip and count() counts. */
    private static final int EXACT_TOTAL_UP_TO = 1000;

    private FSDirectory lockDirectory;
    private Lock lock;
    private boolean locked;
    private Generation gen;
    private OpenReport report;
    private volatile FacetCache facetCache;
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

    private record FacetCache(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    private NoteIndex(Path dir, NoteSource source, IndexConfig config) {
        this.dir = dir.toAbsolutePath().normalize();
        this.source = source;
        this.config = config;
        this.analysis = new Analysis(config.synonyms());
        this.stamp = Stamp.current(config.fingerprint());
        this.phenomena = new PhenomenonMatcher(config.thesaurus(), analysis);
        this.translator = new QueryTranslator(analysis, QueryTranslator.platformNames(config, analysis), phenomena);
        this.documents = new NoteDocuments(new NoteLabels(config, analysis, translator, phenomena));
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
        String previousOwner = readOwner();
        writeOwner();
        Reason reason = Reason.NONE;
        String detail = "";
        String name = readCurrent();
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
        removeStrayGenerations();
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
        if (!committedIndexPresent()) {
            OpenReport took = awaitFirstBuild(monitor);
            if (took != null) {
                return took;
            }
        }
        String owner = ownerText();
        String name = readCurrent();
        try {
            if (name == null) {
                throw new NoSuchFileException(dir.resolve(CURRENT).toString());
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

    /** Whether {@code CURRENT} names a generation whose stamp is there (written before CURRENT). */
    private boolean committedIndexPresent() {
        String name = readCurrent();
        return name != null && Files.isRegularFile(dir.resolve(name).resolve(Stamp.FILE));
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
        monitor.subTask(NLS.bind(Messages.Open_waitingForFirstBuild, dir, ownerText()));
        while (!committedIndexPresent()) {
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
                String owner = ownerText();
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
                        String owner = ownerText();
                        throw new IndexInUseException(NLS.bind(Messages.InUse, dir, owner), owner);
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new IndexInUseException(NLS.bind(Messages.InUse, dir, ownerText()), ownerText());
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
        String name = GEN_PREFIX + nextGeneration();
        Path p = dir.resolve(name);
        deleteRecursively(p);
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
                deleteRecursively(p);
            }
            throw e;
        }
        writeCurrent(name);
        Generation old = gen;
        gen = new Generation(name, d, w, new SearcherManager(w, searchers));
        if (old != null) {
            closeQuietly(old);
            if (!old.name().equals(name)) {
                deleteRecursively(dir.resolve(old.name()));
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
        return withSearcher(s -> {
            Map<String, Set<String>> out = new HashMap<>();
            for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
                LeafReader leaf = ctx.reader();
                Terms ids = leaf.terms(Fields.ID);
                if (ids == null) {
                    continue;
                }
                TermsEnum te = ids.iterator();
                Bits live = leaf.getLiveDocs();
                StoredFields stored = leaf.storedFields();
                PostingsEnum postings = null;
                for (TrendNote n : notes) {
                    if (out.containsKey(n.id()) || !te.seekExact(new BytesRef(n.id()))) {
                        continue;
                    }
                    postings = te.postings(postings, PostingsEnum.NONE);
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        if (live != null && !live.get(doc)) {
                            continue;
                        }
                        NumericDocValues upd = leaf.getNumericDocValues(Fields.UPDATED);
                        if (upd != null && upd.advanceExact(doc) && upd.longValue() == NoteDocuments.updatedStamp(n)) {
                            // otherwise changed since it was indexed: worked out anew by the caller
                            Document d = stored.document(doc, Set.of(Fields.PHENOMENON));
                            out.put(n.id(), new LinkedHashSet<>(List.of(d.getValues(Fields.PHENOMENON))));
                        }
                    }
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- searching

    /** Searches; never throws for bad query syntax (see {@link SearchResult#hints()}). */
    public SearchResult search(SearchRequest request) throws IOException {
        return withSearcher(s -> {
            IndexReader r = s.getIndexReader();
            Predicate<String> knownWord = w -> docFreq(r, Fields.ALL, w) > 0;
            Predicate<String> platformIndexed = p -> docFreq(r, Fields.PLATFORM, p) > 0;
            // Built once per phenomenon: the query uses them, and the hits are explained with the same ones.
            Map<String, Query> likes = new LinkedHashMap<>();
            QueryTranslator.Translated t = translator.translate(request, knownWord, platformIndexed,
                    id -> likes.computeIfAbsent(id, k -> phenomenonLike(r, k)));
            try {
                SearchResult result = run(s, t.query(), t.highlight(), request, t.hints()).withRecognised(t.recognised());
                result = withSidewaysFacets(s, request, result, knownWord, platformIndexed, likes);
                return t.recognised().isEmpty() ? didYouMeanPhenomenon(request, result) : withResemblance(s, result, likes);
            } catch (IndexSearcher.TooManyClauses e) {
                // Thousands of words, wildcards or fuzzy terms: search a simpler query, never fail.
                QueryTranslator.Translated simple = translator.simplified(request, knownWord, platformIndexed);
                try {
                    return run(s, simple.query(), simple.highlight(), request, simple.hints());
                } catch (IndexSearcher.TooManyClauses again) {
                    return run(s, new MatchNoDocsQuery(), null, request, simple.hints());
                }
            }
        });
    }

    /**
     * Counts of a field a filter was chosen on, as if that filter were not there ("drill sideways"):
     * choosing Snapchat in the platform filter keeps the other platforms and their counts visible,
     * so the worker can switch or compare without clearing the filter first.
     */
    private SearchResult withSidewaysFacets(IndexSearcher s, SearchRequest request, SearchResult result,
            Predicate<String> knownWord, Predicate<String> platformIndexed, Map<String, Query> likes) throws IOException {
        if (!request.facets() || request.filters().isEmpty()) {
            return result;
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>(result.facets());
        Set<String> done = new HashSet<>();
        for (SearchRequest.Filter f : request.filters()) {
            String field = QueryTranslator.fieldOf(f.field());
            if (field == null || !facets.containsKey(field) || !done.add(field)) {
                continue;
            }
            SearchRequest without = request.withoutFilters(name -> field.equals(QueryTranslator.fieldOf(name))).limit(0);
            QueryTranslator.Translated t = translator.translate(without, knownWord, platformIndexed,
                    id -> likes.computeIfAbsent(id, k -> phenomenonLike(s.getIndexReader(), k)));
            facets.put(field, run(s, t.query(), null, without, List.of()).facets().getOrDefault(field, Map.of()));
        }
        return new SearchResult(result.total(), result.hits(), facets, result.hints(), result.estimated(),
                result.recognised());
    }

    /**
     * Nothing found and no phenomenon recognised: propose the phenomenon whose name is closest to
     * what was typed ("sexortie" -> Sextortion), as a hint the user can follow.
     */
    private SearchResult didYouMeanPhenomenon(SearchRequest request, SearchResult result) {
        String q = request.query() == null ? "" : request.query().strip().toLowerCase(Locale.ROOT);
        if (result.total() > 0 || q.isEmpty() || q.contains(":") || config.thesaurus().isEmpty()) {
            return result;
        }
        Map<String, org.vindplaats.model.Phenomenon> byLabel = new LinkedHashMap<>();
        for (var p : config.thesaurus().all()) {
            p.allLabels().forEach(l -> byLabel.putIfAbsent(l.strip().toLowerCase(Locale.ROOT), p));
        }
        var guess = org.vindplaats.model.Terms.didYouMean(q, byLabel.keySet());
        if (guess.isEmpty()) {
            return result;
        }
        var p = byLabel.get(guess.get());
        List<String> hints = new ArrayList<>(result.hints());
        hints.add(NLS.bind(Messages.Hint_didYouMeanPhenomenon, new Object[] { guess.get(), p.label().get(Locale.getDefault()), p.id() }));
        return new SearchResult(result.total(), result.hits(), result.facets(), hints, result.estimated(), result.recognised());
    }

    /** Hits explained this way at most: the first screen of results. */
    private static final int EXPLAINED_HITS = 20;

    /**
     * Says for each of the first hits which recognised phenomena it resembles without being
     * indexed with them (found through their examples, see {@link #phenomenonLike}), so every
     * hit can say why it was found.
     */
    private SearchResult withResemblance(IndexSearcher s, SearchResult result, Map<String, Query> likes) throws IOException {
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (int i = 0; i < result.hits().size(); i++) {
            SearchResult.Hit h = result.hits().get(i);
            List<String> resembles = new ArrayList<>();
            if (i < EXPLAINED_HITS && !likes.isEmpty()) {
                TopDocs d = s.search(new TermQuery(new Term(Fields.ID, h.id())), 1);
                if (d.scoreDocs.length > 0) {
                    for (Map.Entry<String, Query> e : likes.entrySet()) {
                        if (!h.phenomena().contains(e.getKey()) && s.explain(e.getValue(), d.scoreDocs[0].doc).isMatch()) {
                            resembles.add(e.getKey());
                        }
                    }
                }
            }
            hits.add(resembles.isEmpty() ? h : h.withResembles(resembles));
        }
        return new SearchResult(result.total(), hits, result.facets(), result.hints(), result.estimated(), result.recognised());
    }

    /**
     * Notes resembling what the thesaurus says about a phenomenon (its labels, description and
     * example notes, and those of its narrower phenomena): their most distinctive words, weighted
     * as Lucene's MoreLikeThis weighs them against this index. Null when nothing is known.
     */
    private Query phenomenonLike(IndexReader r, String id) {
        var p = config.thesaurus().get(id);
        if (p.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        List<org.vindplaats.model.Phenomenon> all = new ArrayList<>();
        all.add(p.get());
        config.thesaurus().descendants(id).forEach(d -> config.thesaurus().get(d).ifPresent(all::add));
        for (var x : all) {
            x.allLabels().forEach(l -> text.append(l).append(".\n"));
            text.append(x.description().nl() == null ? "" : x.description().nl()).append('\n');
            text.append(x.description().en() == null ? "" : x.description().en()).append('\n');
            x.examples().forEach(e -> text.append(e.text()).append('\n'));
        }
        try {
            MoreLikeThis mlt = new MoreLikeThis(r);
            mlt.setAnalyzer(analysis.indexAnalyzer());
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMinWordLen(3);
            mlt.setMaxQueryTerms(50);
            mlt.setBoost(true);
            BooleanQuery.Builder like = new BooleanQuery.Builder();
            for (String f : new String[] { Fields.BODY_NL, Fields.BODY_EN }) {
                mlt.setFieldNames(new String[] { f });
                Query q = mlt.like(f, new StringReader(text.toString()));
                if (q instanceof BooleanQuery terms && terms.clauses().size() > 1) {
                    // Sharing one common word ("jongeren") with the examples is no resemblance.
                    BooleanQuery.Builder two = new BooleanQuery.Builder();
                    terms.clauses().forEach(two::add);
                    two.setMinimumNumberShouldMatch(LIKE_MIN_TERMS);
                    q = two.build();
                }
                like.add(q, Occur.SHOULD);
            }
            return like.build();
        } catch (IOException e) {
            return null;
        }
    }

    /** The notes most like note {@code id} (by its distinctive words), the note itself excluded. */
    public SearchResult moreLikeThis(String id, int limit) throws IOException {
        return withSearcher(s -> {
            TopDocs found = s.search(new TermQuery(new Term(Fields.ID, id)), 1);
            if (found.scoreDocs.length == 0) {
                return new SearchResult(0, List.of(), Map.of(), List.of(NLS.bind(Messages.Hint_unknownNote, id)));
            }
            Document doc = s.storedFields().document(found.scoreDocs[0].doc);
            String lang = doc.get(Fields.LANG);
            String body = doc.get(Fields.BODY_NL) != null ? doc.get(Fields.BODY_NL) : doc.get(Fields.BODY_EN);
            String text = doc.get(Fields.TITLE) + "\n" + (body == null ? "" : body);
            MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
            mlt.setAnalyzer(analysis.indexAnalyzer());
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(2);
            mlt.setMinWordLen(3);
            mlt.setMaxQueryTerms(25);
            mlt.setBoost(true);
            BooleanQuery.Builder like = new BooleanQuery.Builder();
            List<String> fields = new ArrayList<>();
            if (!"en".equals(lang)) {
                fields.add(Fields.BODY_NL);
            }
            if (!"nl".equals(lang)) {
                fields.add(Fields.BODY_EN);
            }
            for (String f : fields) {
                mlt.setFieldNames(new String[] { f });
                like.add(mlt.like(f, new StringReader(text)), Occur.SHOULD);
            }
            Query likeQuery = like.build();
            Query q = new BooleanQuery.Builder().add(likeQuery, Occur.MUST)
                    .add(new TermQuery(new Term(Fields.ID, id)), Occur.MUST_NOT).build();
            return run(s, q, likeQuery, SearchRequest.of("").limit(limit), List.of());
        });
    }

    private SearchResult run(IndexSearcher s, Query q, Query highlight, SearchRequest request, List<String> hints)
            throws IOException {
        int n = Math.max(1, request.limit());
        Sort sort = switch (request.sort()) {
        case RELEVANCE -> null;
        case NEWEST -> byDate(true);
        case OLDEST -> byDate(false);
        };
        TopDocs top;
        long total;
        Map<String, Map<String, Long>> facets = Map.of();
        boolean estimated = false;
        long matches = request.facets() ? s.count(q) : -1;
        if (request.facets() && matches <= sampleAbove) {
            FacetsCollectorManager fcm = new FacetsCollectorManager();
            FacetsCollectorManager.FacetsResult r = sort == null ? FacetsCollectorManager.search(s, q, n, fcm)
                    : FacetsCollectorManager.search(s, q, n, sort, true, fcm);
            top = r.topDocs();
            total = matches;
            facets = facets(s.getIndexReader(), r.facetsCollector(), 1);
        } else {
            // The best n with block-max WAND, which skips notes that cannot reach the top, and
            // the exact total from a separate count: counting without scores is several times
            // cheaper than scoring every match (benchmark: 1M notes, broad two-word queries).
            top = sort == null ? s.search(q, new TopScoreDocCollectorManager(n, null, EXACT_TOTAL_UP_TO))
                    : s.search(q, new TopFieldCollectorManager(sort, n, null, EXACT_TOTAL_UP_TO));
            if (sort != null) {
                TopFieldCollector.populateScores(top.scoreDocs, s, q);
            }
            total = matches >= 0 ? matches
                    : top.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? top.totalHits.value() : s.count(q);
            if (request.facets()) {
                // Counting facets over every match is what a broad query costs on a large index:
                // above sampleAbove matches they are counted in a random sample of about
                // sampleSize matching notes and scaled up.
                int every = (int) Math.max(2, Math.min(Integer.MAX_VALUE, matches / sampleSize));
                Query sample = new BooleanQuery.Builder().add(q, Occur.MUST).add(new SampleQuery(every), Occur.FILTER)
                        .build();
                facets = facets(s.getIndexReader(), s.search(sample, new FacetsCollectorManager()), every);
                estimated = true;
            }
        }
        ScoreDoc[] docs = request.limit() == 0 ? new ScoreDoc[0] : top.scoreDocs;
        return new SearchResult(total, hits(s, docs, highlight), facets, hints, estimated);
    }

    private static Sort byDate(boolean newestFirst) {
        SortField f = LongField.newSortField(Fields.OBSERVED, newestFirst, SortedNumericSelector.Type.MIN,
                newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
        return new Sort(f, SortField.FIELD_SCORE);
    }

    private List<SearchResult.Hit> hits(IndexSearcher s, ScoreDoc[] docs, Query highlight) throws IOException {
        if (docs.length == 0) {
            return List.of();
        }
        int[] ids = new int[docs.length];
        for (int i = 0; i < docs.length; i++) {
            ids[i] = docs[i].doc;
        }
        Map<String, Object[]> highlighted = highlight == null ? Map.of()
                : Snippets.highlight(s, analysis.indexAnalyzer(), highlight,
                        new String[] { Fields.BODY_NL, Fields.BODY_EN }, ids);
        List<SearchResult.Hit> out = new ArrayList<>(docs.length);
        var stored = s.storedFields();
        for (int i = 0; i < docs.length; i++) {
            Document doc = stored.document(ids[i],
                    Set.of(Fields.ID, Fields.TITLE, Fields.BODY_NL, Fields.BODY_EN, Fields.PHENOMENON));
            String body = doc.get(Fields.BODY_NL) != null ? doc.get(Fields.BODY_NL) : doc.get(Fields.BODY_EN);
            Snippets.Snippet snippet = null;
            for (String f : new String[] { Fields.BODY_NL, Fields.BODY_EN }) {
                Object[] arr = highlighted.get(f);
                if (snippet == null && arr != null && arr[i] instanceof Snippets.Snippet sn && !sn.ranges().isEmpty()) {
                    snippet = sn;
                }
            }
            if (snippet == null) {
                snippet = Snippets.lead(body == null ? "" : body);
            }
            float score = Float.isNaN(docs[i].score) ? 0f : docs[i].score;
            out.add(new SearchResult.Hit(doc.get(Fields.ID), score, doc.get(Fields.TITLE), snippet.text(), snippet.ranges(),
                    List.of(doc.getValues(Fields.PHENOMENON))));
        }
        return out;
    }

    /** The facet counts of the notes {@code fc} collected, each multiplied by {@code scale}. */
    private Map<String, Map<String, Long>> facets(IndexReader reader, FacetsCollector fc, int scale) throws IOException {
        SortedSetDocValuesReaderState state = facetState(reader);
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        if (state == null) {
            for (String dim : Fields.FACETS) {
                out.put(dim, Map.of());
            }
            return out;
        }
        Facets counts = new SortedSetDocValuesFacetCounts(state, fc);
        for (String dim : Fields.FACETS) {
            Map<String, Long> values = new LinkedHashMap<>();
            FacetResult r;
            try {
                r = counts.getTopChildren(1000, dim);
            } catch (IllegalArgumentException e) {
                r = null; // no note has this dimension yet
            }
            if (r != null) {
                for (LabelAndValue lv : r.labelValues) {
                    values.put(lv.label, lv.value.longValue() * scale);
                }
            }
            if (dim.equals(Fields.MONTH)) {
                Map<String, Long> byMonth = new TreeMap<>(Collections.reverseOrder());
                byMonth.putAll(values);
                values = new LinkedHashMap<>(byMonth);
            }
            out.put(dim, Collections.unmodifiableMap(values));
        }
        return out;
    }

    /**
     * The ordinal map of the facet field is costly to build (it spans all segments), so it is
     * built once per reader and reused by every query until the index changes.
     */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetCache c = facetCache;
        if (c != null && c.reader() == reader) {
            return c.state();
        }
        synchronized (facetLock) {
            c = facetCache;
            if (c != null && c.reader() == reader) {
                return c.state();
            }
            SortedSetDocValuesReaderState state;
            try {
                state = new DefaultSortedSetDocValuesReaderState(reader, documents.facetsConfig());
            } catch (IllegalArgumentException e) {
                state = null; // an empty index has no facet field yet
            }
            facetCache = new FacetCache(reader, state);
            return state;
        }
    }

    private static int docFreq(IndexReader r, String field, String value) {
        try {
            return r.docFreq(new Term(field, value));
        } catch (IOException e) {
            return 0;
        }
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
        String name = readCurrent();
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

    // ---------------------------------------------------------------- files

    private String readCurrent() {
        try {
            String s = Files.readString(dir.resolve(CURRENT), StandardCharsets.UTF_8).strip();
            return s.startsWith(GEN_PREFIX) && !s.contains("/") && !s.contains("\\") ? s : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void writeCurrent(String name) throws IOException {
        FileReplacement.write(dir.resolve(CURRENT), (name + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private int nextGeneration() throws IOException {
        int max = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, GEN_PREFIX + "*")) {
            for (Path p : ds) {
                try {
                    max = Math.max(max, Integer.parseInt(p.getFileName().toString().substring(GEN_PREFIX.length())));
                } catch (NumberFormatException e) {
                    // not ours
                }
            }
        }
        return max + 1;
    }

    private void removeStrayGenerations() {
        try {
            // A crash between writing and renaming CURRENT's temp file leaves it; this process
            // holds the writer lock, so no other program is writing one now.
            FileReplacement.deleteLeftovers(dir.resolve(CURRENT), Duration.ZERO);
        } catch (IOException e) {
            // as below: only disk space
        }
        String current = gen == null ? null : gen.name();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, GEN_PREFIX + "*")) {
            for (Path p : ds) {
                if (!p.getFileName().toString().equals(current)) {
                    deleteRecursively(p);
                }
            }
        } catch (IOException e) {
            // Leftovers only cost disk space; the next open tries again.
        }
    }

    private void writeOwner() {
        ProcessHandle me = ProcessHandle.current();
        String program = System.getProperty("eclipse.application",
                me.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("java"));
        String text = "pid=" + me.pid() + "\nhost=" + host() + "\nprogram=" + program + "\nsince="
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n";
        try {
            OwnerOnly.write(dir.resolve(OWNER), text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Only used to name the holder in messages.
        }
    }

    /** The owner file left by the previous writer, described, or null when it closed cleanly. */
    private String readOwner() {
        return Files.exists(dir.resolve(OWNER)) ? ownerText() : null;
    }

    private String ownerText() {
        try {
            Map<String, String> m = new HashMap<>();
            for (String line : Files.readAllLines(dir.resolve(OWNER), StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    m.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            if (!m.containsKey("pid")) {
                return Messages.InUse_unknownOwner;
            }
            return "process " + m.get("pid") + " (" + m.getOrDefault("program", "?") + ") on "
                    + m.getOrDefault("host", "?") + ", since " + m.getOrDefault("since", "?");
        } catch (IOException e) {
            return Messages.InUse_unknownOwner;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static void deleteRecursively(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try {
            Files.walkFileTree(p, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Best effort (e.g. files still open elsewhere on Windows); retried at the next open.
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
                        Files.deleteIfExists(dir.resolve(OWNER));
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

    /** For tests and diagnostics: the folder of the live generation. */
    Path generationDirectory() {
        return gen == null ? null : dir.resolve(gen.name());
    }

}
