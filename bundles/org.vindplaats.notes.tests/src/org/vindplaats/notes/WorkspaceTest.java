package org.vindplaats.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.notes.testsupport.TestData;

class WorkspaceTest {

    @TempDir
    Path tmp;

    private static final Workspace.Settings SETTINGS = Workspace.Settings.DEFAULT.withClock(TestData.CLOCK);

    @Test
    void createsTheLayoutAndReopensIt() throws IOException {
        Path dir = tmp.resolve("team");
        Workspace ws = Workspace.open(dir, SETTINGS);
        assertTrue(Files.isDirectory(dir.resolve("notes")));
        assertTrue(Files.isDirectory(dir.resolve("index")));
        assertEquals(dir.resolve("index"), ws.indexDirectory());
        String descriptor = Files.readString(dir.resolve("workspace.json"));
        assertTrue(descriptor.contains("\"format\" : 1"), descriptor);
        assertTrue(Files.readString(dir.resolve(".gitignore")).startsWith("/index/\n"));
        assertEquals(java.time.Instant.parse("2025-06-30T12:00:00Z"), ws.created());
        ws.notes().save(TestData.note("a", "A", "x"), NoteStore.NEW);

        Workspace again = Workspace.openExisting(dir);
        assertEquals(1, again.format());
        assertEquals(1, again.notes().ids().size());
    }

    @Test
    void refusesFoldersThatAreNotWorkspacesOrTooNew() throws IOException {
        Path missing = tmp.resolve("missing");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.openExisting(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertFalse(Files.exists(missing), "a read-only command must not create a folder");

        Path documents = Files.createDirectories(tmp.resolve("documents"));
        Files.writeString(documents.resolve("cv.docx"), "mine");
        WorkspaceException notEmpty = assertThrows(WorkspaceException.class, () -> Workspace.open(documents));
        assertTrue(notEmpty.getMessage().contains("cv.docx"), notEmpty.getMessage());
        assertFalse(Files.exists(documents.resolve("notes")));

        Path newer = Files.createDirectories(tmp.resolve("newer"));
        Files.writeString(newer.resolve("workspace.json"), "{\"format\": 7}");
        WorkspaceException tooNew = assertThrows(WorkspaceException.class, () -> Workspace.open(newer));
        assertTrue(tooNew.getMessage().contains("7"), tooNew.getMessage());

        Path corrupt = Files.createDirectories(tmp.resolve("corrupt"));
        Files.writeString(corrupt.resolve("workspace.json"), "{\n  \"format\": 1,,\n}");
        WorkspaceException bad = assertThrows(WorkspaceException.class, () -> Workspace.open(corrupt));
        assertTrue(bad.getMessage().contains("workspace.json:2:"), bad.getMessage());
    }

    @Test
    void aSharedNotesFolderWithoutDescriptorBecomesAWorkspace() throws IOException {
        Path shared = Files.createDirectories(tmp.resolve("shared/notes"));
        Files.writeString(shared.resolve("x.md"), "---\nid: x\nrevision: 1\ntitle: t\n---\n");
        Workspace ws = Workspace.open(tmp.resolve("shared"), SETTINGS);
        assertEquals("t", ws.notes().get("x").orElseThrow().note().title());
    }

    @Test
    void locatorPrefersArgumentThenEnvironmentThenPerUserDefault() {
        Path home = tmp.resolve("home");
        Map<String, String> env = Map.of(WorkspaceLocator.ENVIRONMENT_VARIABLE, "/srv/team-ws");
        WorkspaceLocator.Location arg = WorkspaceLocator.locate("~/ws", env, "Linux", home);
        assertEquals(home.resolve("ws").toAbsolutePath(), arg.directory());
        assertEquals(WorkspaceLocator.Origin.ARGUMENT, arg.origin());

        WorkspaceLocator.Location fromEnv = WorkspaceLocator.locate(null, env, "Linux", home);
        assertEquals(Path.of("/srv/team-ws"), fromEnv.directory());
        assertEquals(WorkspaceLocator.Origin.ENVIRONMENT, fromEnv.origin());

        WorkspaceLocator.Location linux = WorkspaceLocator.locate(" ", Map.of(), "Linux", home);
        assertEquals(home.resolve(".local/share/vindplaats/workspace").toAbsolutePath(), linux.directory());
        assertEquals(WorkspaceLocator.Origin.DEFAULT, linux.origin());

        assertEquals(Path.of("/data/xdg/vindplaats/workspace"),
                WorkspaceLocator.defaultDirectory(Map.of("XDG_DATA_HOME", "/data/xdg"), "Linux", home));
        assertEquals(home.resolve(".local/share/vindplaats/workspace").toAbsolutePath(),
                WorkspaceLocator.defaultDirectory(Map.of("XDG_DATA_HOME", "relative/not/allowed"), "Linux", home));
        assertEquals(home.resolve("Library/Application Support/Vindplaats/workspace").toAbsolutePath(),
                WorkspaceLocator.defaultDirectory(Map.of(), "Mac OS X", home));
        assertTrue(WorkspaceLocator.defaultDirectory(Map.of("LOCALAPPDATA", "/c/Users/x/AppData/Local"),
                "Windows 11", home).endsWith(Path.of("Vindplaats", "workspace")));
    }
}
