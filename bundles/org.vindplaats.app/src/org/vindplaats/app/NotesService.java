package org.vindplaats.app;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vindplaats.notes.WorkspaceException;
import org.vindplaats.notes.WorkspaceLocator;
import org.vindplaats.notes.imports.ImportOptions;

/**
 * Trend-notes workspaces for both front ends: which folder a worker means, opening it for use (a
 * {@link WorkspaceSession}: the note store, its index kept in step, searches over it), and the
 * options notes are imported with (the catalog's platforms, the retention of the active
 * organisation). An OSGi Declarative Services component; a session belongs to whoever opened it
 * (the workbench for as long as the folder is chosen, a command for its run) and is closed by it.
 */
@Component(service = NotesService.class)
public final class NotesService {

    private final CatalogQueries catalog;

    @Activate
    public NotesService(@Reference CatalogQueries catalog) {
        this.catalog = catalog;
    }

    /**
     * The workspace folder: {@code chosen} (a --workspace argument or the workbench's setting;
     * relative to {@code workingDirectory}), else $VINDPLAATS_WORKSPACE, else the per-user default.
     */
    public WorkspaceLocator.Location locate(String chosen, Path workingDirectory) {
        return WorkspaceLocator.locate(chosen, workingDirectory);
    }

    /**
     * Opens the workspace in {@code folder} with the installed plugins (see
     * {@link WorkspaceSession#open}).
     *
     * @param create   whether a missing workspace may be created (an import may; a search or a list
     *                 says where it looked instead)
     * @param problems told about unreadable notes and plugin files, with where and what to do
     * @throws WorkspaceException when the folder cannot be a workspace (the message says why and what to do)
     */
    public WorkspaceSession open(Path folder, boolean create, Consumer<String> problems) throws WorkspaceException {
        return WorkspaceSession.open(folder, create, catalog.catalog(), problems);
    }

    /** How notes are imported into {@code session}: the catalog's platforms and the active organisation's retention. */
    public ImportOptions importOptions(WorkspaceSession session) {
        return session.importOptions(catalog.activeOrganisation().orElse(null));
    }

    public CatalogQueries catalog() {
        return catalog;
    }
}
