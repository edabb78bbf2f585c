package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.app.NoteQuery;
import org.vindplaats.app.WorkspaceSession;
import org.vindplaats.catalog.PluginRegistry;
import org.vindplaats.model.Organisation;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.WorkspaceException;
import org.vindplaats.notes.imports.ImportOptions;

/** The application layer's workspace session, which both front ends open a workspace with. */
class WorkspaceSessionTest {

    @TempDir
    Path dir;

    @Test
    void opensOnlyAnExistingWorkspaceUnlessAskedToCreateOne() throws Exception {
        Path folder = dir.resolve("ws");
        assertThrows(WorkspaceException.class, () -> WorkspaceSession.open(folder, false, null, p -> {
        }), "a search or a list says where it looked instead");
        assertFalse(Files.exists(folder));
        try (WorkspaceSession s = WorkspaceSession.open(folder, true, null, p -> {
        })) {
            assertEquals(0, s.store().count());
        }
        try (WorkspaceSession s = WorkspaceSession.open(folder, false, null, p -> {
        })) {
            assertEquals(folder.toAbsolutePath().normalize(), s.workspace().directory().toAbsolutePath().normalize());
        }
    }

    @Test
    void importOptionsKnowTheCatalogsPlatformsAndTheOrganisationsRetention() throws Exception {
        PluginRegistry catalog = new PluginRegistry();
        catalog.put("t", "loc", "1", CliHarness.plugin("tiktok"));
        Organisation city = CliHarness.catalog().organisation("stad-voorbeeld").orElseThrow();
        try (WorkspaceSession s = WorkspaceSession.open(dir.resolve("ws"), true, catalog, p -> {
        })) {
            ImportOptions none = s.importOptions(null);
            assertTrue(none.knownPlatforms().contains("tiktok"), none.knownPlatforms().toString());
            assertNull(none.retentionMonths(), "without an organisation notes do not expire");
            assertTrue(city.retentionMonths() != null, "the example city keeps notes for a set time");
            assertEquals(city.retentionMonths(), s.importOptions(city).retentionMonths());
        }
    }

    @Test
    void theSearchUsesTheSessionsIndexWhichClosesWithIt() throws Exception {
        WorkspaceSession s = WorkspaceSession.open(dir.resolve("ws"), true, null, p -> {
        });
        s.store().save(NoteBuilder.create("a").title("Dansje").body("Een nieuwe dans.").build(), NoteStore.NEW);
        assertEquals(1, s.search(false).search(NoteQuery.of("dans"), new NullProgressMonitor()).total());
        assertTrue(s.index().isOpen());
        s.close();
        assertFalse(s.index().isOpen(), "closing the session closes its index");
    }
}
