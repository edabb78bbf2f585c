package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.ui.notes.NotesWorkspace;

/**
 * The workbench opens its notes workspace in the background while it builds its window: whoever
 * reads the workspace meanwhile waits and then sees it open (or the reason it could not be), never
 * half open.
 */
class NotesWorkspaceOpeningTest {

    @TempDir
    Path dir;

    @Test
    void readersWaitForTheBackgroundOpeningAndThenSeeTheWorkspace() throws Exception {
        Path ws = dir.resolve("ws");
        NotesWorkspace notes = NotesWorkspace.openInBackground(ws, TestData.notes(TestData.tiktokAndSnapchat()));
        try {
            assertEquals(ws.toAbsolutePath().normalize(), notes.location(), "the folder is known at once");
            AtomicInteger changes = new AtomicInteger();
            notes.addListener(changes::incrementAndGet); // a part registering while the workspace opens
            NoteStore store = notes.store().orElseThrow(() -> new AssertionError("not open: " + notes.problem()));
            assertNull(notes.problem());
            assertTrue(notes.search().isPresent(), "its search too");
            assertTrue(Files.isRegularFile(ws.resolve("workspace.json")), "a new workspace was made");
            store.save(NoteBuilder.create("n-1").title("Groepschat").body("Ruzie in de groepschat.").build(), NoteStore.NEW);
            assertEquals(1, changes.get(), "the listener added before it was open hears the save");
        } finally {
            notes.close();
        }
    }

    @Test
    void aFolderThatCannotBeAWorkspaceIsSaidAfterWaitingNotAsAnEmptyWorkspace() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder.txt"), "hello");
        NotesWorkspace notes = NotesWorkspace.openInBackground(file, TestData.notes(TestData.tiktokAndSnapchat()));
        try {
            assertTrue(notes.store().isEmpty());
            String problem = notes.problem();
            assertTrue(problem != null && problem.contains("not-a-folder.txt"), "names the folder: " + problem);
            // Choosing another folder afterwards works as before.
            notes.moveTo(dir.resolve("elders"));
            assertTrue(notes.store().isPresent(), "moved: " + notes.problem());
        } finally {
            notes.close();
            // moveTo remembered the folder: forget it, as a new user has none.
            org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE.getNode(NotesWorkspace.NODE).remove(NotesWorkspace.KEY);
        }
    }
}
