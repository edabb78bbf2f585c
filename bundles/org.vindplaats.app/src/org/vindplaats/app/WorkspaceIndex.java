package org.vindplaats.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.index.IndexConfig;
import org.vindplaats.index.NoteIndex;
import org.vindplaats.index.NoteSource;
import org.vindplaats.index.SyncReport;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.Problem;
import org.vindplaats.notes.Workspace;

/**
 * A workspace's search index as the command line and the workbench both use it: opened on first
 * use with the installed plugins' search configuration (and rebuilt by the index itself when it is
 * missing, damaged, locked by a dead process or from another version, in memory when the folder
 * cannot hold it), and brought up to date with the note files, which stay the source of truth.
 * Both front ends configure it alike, so they can share one index folder without rebuilding it.
 */
public final class WorkspaceIndex implements AutoCloseable {

    private final Workspace workspace;
    private final Catalog catalog;
    private final Consumer<String> problems;
    private NoteIndex index;
    /** The note files' stamps the index was last synced with; null or another value means sync first. */
    private Integer synced;

    /**
     * @param catalog  the installed plugins (null: the built-in configuration only)
     * @param problems told about unreadable notes and plugin files, with where and what to do
     */
    public WorkspaceIndex(Workspace workspace, Catalog catalog, Consumer<String> problems) {
        this.workspace = workspace;
        this.catalog = catalog;
        this.problems = problems;
    }

    public Workspace workspace() {
        return workspace;
    }

    /** The notes of the store as the index reads them; unreadable notes are reported when the stream closes. */
    public NoteSource noteSource() {
        NoteStore store = workspace.notes();
        return NoteSource.of(() -> {
            List<Problem> found = new ArrayList<>();
            return store.notes(found::add).onClose(() -> found.forEach(p -> problems.accept(p.toString())));
        }, Math.max(0, store.count()));
    }

    /** Whether the index has been opened (the first {@link #index} call opens it). */
    public synchronized boolean isOpen() {
        return index != null;
    }

    /** The index, opened on first use; its {@link NoteIndex#openReport()} says whether it was rebuilt. */
    public synchronized NoteIndex index(IProgressMonitor monitor) throws IOException {
        if (index == null) {
            IndexConfig config = catalog == null ? IndexConfig.defaults()
                    : PluginContributions.searchConfig(catalog, problems);
            index = NoteIndex.open(workspace.indexDirectory(), noteSource(), config, monitor);
        }
        return index;
    }

    /**
     * Brings the index up to date with the note files after a change.
     *
     * @throws org.vindplaats.index.IndexInUseException when another program holds the index: the
     *         notes are safe in the store and the index catches up at its next change
     */
    public synchronized SyncReport sync(IProgressMonitor monitor) throws IOException {
        return syncAt(NoteFiles.stamp(workspace.notes()), monitor);
    }

    /** Syncs and remembers {@code stamp}, the note files' stamp taken before reading them. */
    private SyncReport syncAt(int stamp, IProgressMonitor monitor) throws IOException {
        // The whole monitor for the sync when the index is open already (the usual case).
        SubMonitor sub = SubMonitor.convert(monitor, index == null ? 2 : 1);
        NoteIndex idx = index == null ? index(sub.split(1)) : index;
        SyncReport report = idx.sync(noteSource(), sub.split(1));
        synced = stamp;
        return report;
    }

    /**
     * The index, synced first when the note files changed since the last sync (through this
     * program, another one or a team mate on a shared folder: one listing tells). When another
     * program holds the index the search runs on what it committed and the next call tries again.
     */
    public synchronized NoteIndex current(IProgressMonitor monitor) throws IOException {
        return current(monitor, true);
    }

    /**
     * {@link #current(IProgressMonitor)}, saying what to do when another program holds the index.
     *
     * @param takeOver true: wait briefly for it to let go, then take the index over and sync (a
     *        workbench, which stays open); false: search what that program committed, which keeps
     *        the index in step itself (a command, which ends in a moment)
     */
    public synchronized NoteIndex current(IProgressMonitor monitor, boolean takeOver) throws IOException {
        SubMonitor sub = SubMonitor.convert(monitor, 2);
        NoteIndex idx = index(sub.split(1));
        if (!takeOver && idx.isReadOnly()) {
            return idx;
        }
        int now = NoteFiles.stamp(workspace.notes()); // one listing per search
        if (synced == null || now != synced) {
            try {
                syncAt(now, sub.split(1));
            } catch (IOException | RuntimeException e) {
                // Held by another program, or a transient failure: the committed index still answers.
            }
        }
        return idx;
    }

    /** Closes the index (not the workspace, which its owner closes). */
    @Override
    public synchronized void close() throws IOException {
        if (index != null) {
            NoteIndex i = index;
            index = null;
            i.close();
        }
    }
}
