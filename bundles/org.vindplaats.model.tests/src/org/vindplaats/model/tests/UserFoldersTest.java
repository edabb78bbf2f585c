package org.vindplaats.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.model.UserFolders;

class UserFoldersTest {

    private static final Path PASSWD_HOME = Path.of("/home/real");

    @Test
    void homeFromTheEnvironmentWinsOverThePasswordDatabase() {
        UserFolders f = UserFolders.of(Map.of("HOME", "/tmp/other"), "Linux", PASSWD_HOME);
        assertEquals(Path.of("/tmp/other/.local/share/vindplaats"), f.data());
        assertEquals(Path.of("/tmp/other/.cache/vindplaats"), f.cache());
        assertEquals(Path.of("/tmp/other/.config/vindplaats"), f.config());
        assertEquals(Path.of("/tmp/other/.local/share/vindplaats/plugins"), f.plugins());
        assertEquals(Path.of("/tmp/other/.local/share/vindplaats/workspace"), f.defaultWorkspace());
    }

    @Test
    void passwordHomeOnlyWithoutAnAbsoluteHome() {
        assertEquals(Path.of("/home/real/.local/share/vindplaats"), UserFolders.of(Map.of(), "Linux", PASSWD_HOME).data());
        assertEquals(Path.of("/home/real/.cache/vindplaats"),
                UserFolders.of(Map.of("HOME", "relative"), "Linux", PASSWD_HOME).cache());
    }

    @Test
    void xdgFoldersWhenAbsoluteAndIgnoredWhenRelative() {
        UserFolders f = UserFolders.of(Map.of("HOME", "/h", "XDG_DATA_HOME", "/x/data", "XDG_CACHE_HOME", "/x/cache",
                "XDG_CONFIG_HOME", "/x/config"), "Linux", PASSWD_HOME);
        assertEquals(Path.of("/x/data/vindplaats"), f.data());
        assertEquals(Path.of("/x/cache/vindplaats"), f.cache());
        assertEquals(Path.of("/x/config/vindplaats"), f.config());
        UserFolders relative = UserFolders.of(Map.of("HOME", "/h", "XDG_DATA_HOME", "data", "XDG_CACHE_HOME", " "),
                "Linux", PASSWD_HOME);
        assertEquals(Path.of("/h/.local/share/vindplaats"), relative.data());
        assertEquals(Path.of("/h/.cache/vindplaats"), relative.cache());
    }

    @Test
    void macAndWindowsUseTheirOwnPlaces() {
        UserFolders mac = UserFolders.of(Map.of("HOME", "/Users/a"), "Mac OS X", PASSWD_HOME);
        assertEquals(Path.of("/Users/a/Library/Application Support/Vindplaats"), mac.data());
        assertEquals(Path.of("/Users/a/Library/Caches/Vindplaats"), mac.cache());
        UserFolders win = UserFolders.of(Map.of("LOCALAPPDATA", "/c/Users/a/AppData/Local"), "Windows 11", PASSWD_HOME);
        assertEquals(Path.of("/c/Users/a/AppData/Local/Vindplaats/workspace"), win.defaultWorkspace());
    }

    @Test
    void documentsFolderFromUserDirsThenDocumentsThenHome(@TempDir Path home) throws Exception {
        Map<String, String> env = Map.of("HOME", home.toString());
        assertEquals(home, UserFolders.documents(env, PASSWD_HOME));
        Files.createDirectories(home.resolve("Documents"));
        assertEquals(home.resolve("Documents"), UserFolders.documents(env, PASSWD_HOME));
        Files.createDirectories(home.resolve("Documenten"));
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"),
                "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Bureaublad\"\nXDG_DOCUMENTS_DIR=\"$HOME/Documenten\"\n");
        assertEquals(home.resolve("Documenten"), UserFolders.documents(env, PASSWD_HOME));
    }
}
