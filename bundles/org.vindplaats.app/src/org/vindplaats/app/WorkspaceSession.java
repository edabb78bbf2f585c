package org.vindplaats.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.vindplaats.catalog.Catalog;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.Workspace;
import org.vindplaats.notes.WorkspaceException;
import org.vindplaats.notes.imports.ImportOptions;

/**
 * A trend-notes workspace opened for use, as a command of the command line and the workbench
 * (for as long as the folder is chosen) both hold one: the note store, which is the source of
 * truth, the search index kept in step with it ({@link WorkspaceIndex}) and the searches over it,
 * and the options notes are imported with (the catalog's platforms, the retention of the
 * organisation). Closing it closes the index, then the workspace.
 */
public final class WorkspaceSession implements AutoCloseable {

    private final Workspace workspace;
    private final Catalog catalog;
    private final WorkspaceIndex index;

    private WorkspaceSession(Workspace workspace, Catalog catalog, Consumer<String> problems) {
        this.workspace = workspace;
        this.catalog = catalog;
        this.index = new WorkspaceIndex(workspace, catalog, problems);
    }

    /**
     * Opens the workspace in {@code folder}. When it was readable by others and has just been made
     * private, {@link Workspace#tightenedMessage()} says so: the caller tells the worker once.
     *
     * @param create   whether a missing workspace may be created (an import may; a search or a
     *                 list says where it looked instead)
     * @param catalog  the installed plugins (null: the built-in configuration only)
     * @param problems told about unreadable notes and plugin files, with where and what to do
     * @throws WorkspaceException when the folder cannot be a workspace (the message says why and what to do)
     */
    public static WorkspaceSession open(Path folder, boolean create, Catalog catalog, Consumer<String> problems)
            throws WorkspaceException {
        Workspace ws = create ? Workspace.open(folder) : Workspace.openExisting(folder);
        return new WorkspaceSession(ws, catalog, problems);
    }

    public Workspace workspace() {
        return workspace;
    }

    public NoteStore store() {
        return workspace.notes();
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The search index of the workspace, opened on first use and closed with this session. */
    public WorkspaceIndex index() {
        return index;
    }

    /**
     * Searching the workspace's notes through its index.
     *
     * @param takeOver when another program holds the index: wait for it and take the index over (a
     *        workbench, which stays open), or search what that program committed (a command)
     */
    public NoteSearch search(boolean takeOver) {
        return new NoteSearch(index, takeOver);
    }

    /**
     * How notes are imported into this workspace: platforms the catalog knows are recognised, and
     * the retention of {@code organisation} (when it has one) sets each note's expiry.
     *
     * @param organisation the organisation the worker works for (null: none, the notes do not expire)
     */
    public ImportOptions importOptions(Organisation organisation) {
        Set<String> platforms = catalog == null ? Set.of()
                : catalog.platforms().stream().map(Platform::id).collect(Collectors.toSet());
        ImportOptions options = ImportOptions.DEFAULT.withKnownPlatforms(platforms);
        return organisation == null || organisation.retentionMonths() == null ? options
                : options.withRetentionMonths(organisation.retentionMonths());
    }

    /** Closes the index, then the workspace; the workspace is closed even when closing the index fails. */
    @Override
    public void close() throws IOException {
        try {
            index.close();
        } finally {
            workspace.close();
        }
    }
}
