package org.vindplaats.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.notes.testsupport.TestData;

/**
 * Notes are about young people: the workspace, its notes and everything else in it are
 * owner-only, whatever the umask (the build runs with 022, which without explicit modes gives
 * 644 files and 755 folders; the real product under umask 000 is checked by the crash harness).
 */
class FilePermissionsTest {

    @TempDir
    Path tmp;

    private static final Workspace.Settings SETTINGS = Workspace.Settings.DEFAULT.withClock(TestData.CLOCK);

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** Every file and folder under {@code root} that others could read, as "mode path". */
    static List<String> loose(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> !Files.isSymbolicLink(p)).map(p -> {
                try {
                    return mode(p) + " " + root.relativize(p);
                } catch (IOException e) {
                    return "? " + p;
                }
            }).filter(s -> !s.startsWith("rw-------") && !s.startsWith("rwx------")).toList();
        }
    }

    @Test
    void aNewWorkspaceAndItsNotesAreOwnerOnly() throws IOException {
        Path dir = tmp.resolve("nieuw/team");
        Workspace ws = Workspace.open(dir, SETTINGS);
        ws.notes().save(TestData.note("a", "Een notitie", "over een jongere"), NoteStore.NEW);
        ws.notes().save(TestData.note("b", "Nog een", "tekst"), NoteStore.NEW);
        assertEquals("rwx------", mode(dir));
        assertEquals("rwx------", mode(dir.resolve("notes")));
        assertEquals("rwx------", mode(dir.resolve("index")));
        assertEquals("rw-------", mode(dir.resolve("workspace.json")));
        assertEquals("rw-------", mode(dir.resolve("notes/a.md")));
        assertEquals(List.of(), loose(dir), "nothing in the workspace is readable by others");
        assertEquals(0, ws.tightened());
        assertNull(ws.tightenedMessage());
    }

    @Test
    void anExistingWorkspaceWithLooserModesIsTightenedOnOpenWithAMessageOnce() throws IOException {
        Path dir = tmp.resolve("oud");
        Workspace.open(dir, SETTINGS).notes().save(TestData.note("a", "Een notitie", "tekst"), NoteStore.NEW);
        // As an older version left it under umask 022, or a copy made it.
        for (Path p : List.of(dir, dir.resolve("notes"), dir.resolve("index"))) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(dir.resolve("notes/a.md"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(dir.resolve("workspace.json"), PosixFilePermissions.fromString("rw-rw-rw-"));

        Workspace again = Workspace.open(dir, SETTINGS);
        assertEquals(5, again.tightened(), again.tightenedMessage());
        assertEquals(List.of(), loose(dir));
        String message = again.tightenedMessage();
        assertTrue(message.contains(dir.toAbsolutePath().toString()) && message.contains("5"), message);
        assertEquals(0, Workspace.openExisting(dir).tightened(), "said once: the next open finds nothing to do");
    }

    @Test
    void aWorkspaceCreatedInAnEmptyFolderTheUserMadeIsPrivateWithoutAMessage() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("gekozen-map"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Workspace ws = Workspace.open(dir, SETTINGS);
        assertEquals("rwx------", mode(dir));
        assertEquals(0, ws.tightened());
        assertNull(ws.tightenedMessage());
    }

    @Test
    void theNoteStoreOnItsOwnCreatesOwnerOnlyFilesToo() throws IOException {
        NoteStore store = new NoteStore(tmp.resolve("losse-notes"), null, TestData.CLOCK);
        store.save(TestData.note("x", "Titel", "tekst"), NoteStore.NEW);
        assertEquals(List.of(), loose(tmp.resolve("losse-notes")));
    }
}
