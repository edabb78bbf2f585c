package org.vindplaats.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stamp by which the resident server notices that installed plugins or settings changed
 * between commands (then it makes way for a fresh server): what changes it and what does not.
 */
class ServerStateStampTest {

    @TempDir
    Path dir;

    @Test
    void unchangedFoldersGiveTheSameStamp() throws IOException {
        Path plugins = folderWithAPlugin();
        Path settings = Files.createDirectories(dir.resolve("settings"));
        Files.writeString(settings.resolve("org.vindplaats.ui.prefs"), "a=b\n");
        assertEquals(CliServer.stamp(plugins, settings), CliServer.stamp(plugins, settings));
        assertEquals(CliServer.stamp(plugins, null), CliServer.stamp(plugins, null));
    }

    @Test
    void anAddedRemovedResizedOrTouchedFileChangesIt() throws IOException {
        Path plugins = folderWithAPlugin();
        Path descriptor = plugins.resolve("nl.example.demo/plugin.json");

        Object before = CliServer.stamp(plugins);
        Files.writeString(plugins.resolve("nl.example.demo/icons/new.svg"), "<svg/>");
        Object added = CliServer.stamp(plugins);
        assertNotEquals(before, added);

        Files.writeString(descriptor, "{\"id\": \"nl.example.demo\", \"version\": \"2\"}");
        Object resized = CliServer.stamp(plugins);
        assertNotEquals(added, resized);

        Files.setLastModifiedTime(descriptor, FileTime.fromMillis(Files.getLastModifiedTime(descriptor).toMillis() - 60_000));
        Object touched = CliServer.stamp(plugins);
        assertNotEquals(resized, touched);

        Files.delete(plugins.resolve("nl.example.demo/icons/new.svg"));
        assertNotEquals(touched, CliServer.stamp(plugins));
    }

    @Test
    void aFolderThatAppearsChangesIt() throws IOException {
        Path settings = dir.resolve("settings");
        Object none = CliServer.stamp(settings);
        Files.createDirectories(settings);
        Files.writeString(settings.resolve("org.vindplaats.ui.prefs"), "a=b\n");
        assertNotEquals(none, CliServer.stamp(settings));
    }

    @Test
    void aLinkCountsAsTheFileItPointsTo() throws IOException {
        Path plugins = folderWithAPlugin();
        Path target = Files.writeString(dir.resolve("elsewhere.json"), "{}");
        Files.createSymbolicLink(plugins.resolve("nl.example.demo/linked.json"), target);
        Object before = CliServer.stamp(plugins);
        Files.writeString(target, "{\"changed\": true}");
        assertNotEquals(before, CliServer.stamp(plugins));
    }

    @Test
    void filesBelowFourLevelsAreNotLookedAt() throws IOException {
        Path plugins = folderWithAPlugin();
        Path deep = Files.createDirectories(plugins.resolve("a/b/c/d"));
        Files.writeString(deep.resolve("too-deep.txt"), "x");
        Object before = CliServer.stamp(plugins);
        Files.writeString(deep.resolve("too-deep.txt"), "longer");
        assertEquals(before, CliServer.stamp(plugins));
    }

    private Path folderWithAPlugin() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path plugin = Files.createDirectories(plugins.resolve("nl.example.demo/icons"));
        Files.writeString(plugin.getParent().resolve("plugin.json"), "{\"id\": \"nl.example.demo\"}");
        Files.writeString(plugin.resolve("icon.svg"), "<svg></svg>");
        return plugins;
    }
}
