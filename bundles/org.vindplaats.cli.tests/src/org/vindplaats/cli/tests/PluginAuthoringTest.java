package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.catalog.PluginInfo;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.model.Affordance;

/**
 * The round trip a knowledge centre makes without Java: scaffold, fill in, validate, build,
 * install (the catalog serves it at once), update, and uninstall.
 */
class PluginAuthoringTest {

    @Test
    void scaffoldValidateBuildInstallUpdateUninstall(@TempDir Path dir) throws Exception {
        var created = CliHarness.run("plugin", "new", "platform", "buurtapp", "--dir", dir.toString());
        assertEquals(ExitCodes.OK, created.exitCode(), created.err());
        Path folder = dir.resolve("buurtapp");
        assertTrue(Files.exists(folder.resolve("vindplaats-plugin.json")));
        assertTrue(Files.exists(folder.resolve("README.md")));

        // The scaffold is valid but every instruction left in is a warning.
        var check = CliHarness.run("plugin", "validate", folder.toString());
        assertEquals(ExitCodes.OK, check.exitCode(), check.out());
        assertTrue(check.out().contains("still contains the scaffold instruction"), check.out());

        // The author fills it in (here: replaces the instructions and sets anonymity to 4).
        Path json = folder.resolve("vindplaats-plugin.json");
        String text = Files.readString(json, StandardCharsets.UTF_8).replace("\u270E ", "").replace("/\u270E", "/buurtapp")
                .replaceFirst("(\"anonymity\" : \\{\\s*\"level\" : )2", "$14");
        Files.writeString(json, text, StandardCharsets.UTF_8);
        var clean = CliHarness.run("plugin", "validate", folder.toString(), "--format", "json").json();
        assertEquals(0, clean.get("warnings").asInt(), clean.toPrettyString());

        var build = CliHarness.run("plugin", "build", folder.toString(), "--output", dir.resolve("out").toString());
        assertEquals(ExitCodes.OK, build.exitCode(), build.out() + build.err());
        Path jar = dir.resolve("out/org.vindplaats.platform.buurtapp_1.0.0.jar");
        assertTrue(Files.exists(jar), build.out());
        byte[] first = Files.readAllBytes(jar);
        CliHarness.run("plugin", "build", folder.toString(), "--output", dir.resolve("out").toString());
        assertTrue(Arrays.equals(first, Files.readAllBytes(jar)), "builds are reproducible");

        var install = CliHarness.run("plugin", "install", jar.toString());
        assertEquals(ExitCodes.OK, install.exitCode(), install.out() + install.err());
        assertEquals(4, CliHarness.catalog().platform("buurtapp").orElseThrow().profile().level(Affordance.ANONYMITY)
                .orElseThrow());
        assertTrue(Files.exists(CliHarness.installer().folder().resolve("org.vindplaats.platform.buurtapp.jar")));

        // Update from the folder directly: version 1.1.0 with anonymity 1.
        Files.writeString(json, Files.readString(json).replace("\"version\" : \"1.0.0\"", "\"version\" : \"1.1.0\"")
                .replaceFirst("(\"anonymity\" : \\{\\s*\"level\" : )4", "$11"));
        var update = CliHarness.run("plugin", "install", folder.toString());
        assertEquals(ExitCodes.OK, update.exitCode(), update.out() + update.err());
        assertTrue(update.out().contains("Updated org.vindplaats.platform.buurtapp to 1.1.0"), update.out());
        assertEquals(1, CliHarness.catalog().platform("buurtapp").orElseThrow().profile().level(Affordance.ANONYMITY)
                .orElseThrow());

        var uninstall = CliHarness.run("plugin", "uninstall", "buurtapp");
        assertEquals(ExitCodes.OK, uninstall.exitCode(), uninstall.err());
        assertTrue(CliHarness.catalog().platform("buurtapp").isEmpty());
        assertFalse(Files.exists(CliHarness.installer().folder().resolve("org.vindplaats.platform.buurtapp.jar")));
    }

    @Test
    void brokenPluginIsRefusedAndNothingChanges(@TempDir Path dir) throws Exception {
        Path broken = CliHarness.fixture("broken-plugin", dir.resolve("broken"));
        long before = CliHarness.catalog().plugins().size();
        var r = CliHarness.run("plugin", "install", broken.toString());
        assertEquals(ExitCodes.PROBLEMS_FOUND, r.exitCode(), r.out());
        assertTrue(r.out().contains("Nothing was changed"), r.out());
        assertEquals(before, CliHarness.catalog().plugins().size());
        var b = CliHarness.run("plugin", "build", broken.toString());
        assertEquals(ExitCodes.PROBLEMS_FOUND, b.exitCode());
    }

    @Test
    void shippedPluginsCannotBeUninstalled() throws Exception {
        var r = CliHarness.run("plugin", "uninstall", "tiktok");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("comes with Vindplaats"), r.err());
        var unknown = CliHarness.run("plugin", "uninstall", "nope");
        assertEquals(ExitCodes.USAGE, unknown.exitCode());
    }

    @Test
    void folderChangesByAnotherProcessApplyLive(@TempDir Path dir) throws Exception {
        CliHarness.run("plugin", "new", "platform", "livefolder", "--dir", dir.toString());
        Path folder = dir.resolve("livefolder");
        Path json = folder.resolve("vindplaats-plugin.json");
        Files.writeString(json, Files.readString(json).replace("\u270E ", "").replace("/\u270E", "/x"));
        CliHarness.run("plugin", "build", folder.toString(), "--output", dir.toString());
        Path jar = dir.resolve("org.vindplaats.platform.livefolder_1.0.0.jar");
        // Another process drops the jar into the folder: the watcher installs it.
        Files.copy(jar, CliHarness.installer().folder().resolve("org.vindplaats.platform.livefolder.jar"));
        long deadline = System.currentTimeMillis() + 20_000;
        while (CliHarness.catalog().platform("livefolder").isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(CliHarness.catalog().platform("livefolder").isPresent(), "picked up by the folder watcher");
        Files.delete(CliHarness.installer().folder().resolve("org.vindplaats.platform.livefolder.jar"));
        deadline = System.currentTimeMillis() + 20_000;
        while (CliHarness.catalog().platform("livefolder").isPresent() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(CliHarness.catalog().platform("livefolder").isEmpty(), "removed when its jar is deleted");
        assertTrue(CliHarness.catalog().plugins().stream().map(PluginInfo::id).noneMatch("livefolder"::equals));
    }
}
