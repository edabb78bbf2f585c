package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.osgi.util.NLS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.Messages;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Young people's own view: a team records it from a youth panel with 'plugin youth-view' (no JSON
 * by hand), and once the organisation plugin is installed it shows next to the platform's facts,
 * marked with who recorded it. A bad date or the wrong plugin changes nothing.
 */
class YouthViewTest {

    @TempDir
    Path dir;

    @Test
    void aRecordedYouthViewShowsWithThePlatformMarkedWithTheOrganisation() throws Exception {
        assertEquals(ExitCodes.OK, CliHarness.run("plugin", "new", "organisation", "jeugdhuis-test", "--dir", dir.toString()).exitCode());
        Path folder = dir.resolve("jeugdhuis-test");
        Path json = folder.resolve("vindplaats-plugin.json");
        // The author fills in the scaffold's placeholders first (as in PluginAuthoringTest).
        Files.writeString(json, Files.readString(json, StandardCharsets.UTF_8).replace("\u270E ", ""), StandardCharsets.UTF_8);

        var r = CliHarness.run("plugin", "youth-view", folder.toString(), "--platform", "snapchat", "--who",
                "12 jongeren, 14-16, jeugdhuis", "--when", "2026-11", "--method", "jongerenpanel", "--said",
                "Streaks houden voelt als een plicht, maar stoppen durft niemand als eerste.", "--said-en",
                "Keeping streaks feels like a duty, but nobody dares to stop first.", "--who-en", "12 young people, 14-16");
        assertEquals(ExitCodes.OK, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains(NLS.bind(Messages.YouthView_written, "snapchat", folder)), r.out());
        JsonNode written = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(json, StandardCharsets.UTF_8));
        assertEquals("snapchat", written.at("/organisation/youthViews/0/platform").asText());
        assertEquals("2026-11", written.at("/organisation/youthViews/0/when").asText());

        var install = CliHarness.run("plugin", "install", folder.toString());
        assertEquals(ExitCodes.OK, install.exitCode(), install.out() + install.err());
        try {
            String name = written.path("name").asText();
            var show = CliHarness.run("platform", "show", "snapchat");
            assertTrue(show.out().contains("Streaks houden voelt als een plicht") || show.out().contains("Keeping streaks"), show.out());
            assertTrue(show.out().contains(NLS.bind(Messages.Show_youthFrom, name)), show.out());
            var shown = CliHarness.run("platform", "show", "snapchat", "--format", "json");
            assertEquals(1, shown.out().split("\"youthViews\"", -1).length - 1, "one list of views: " + shown.out());
            JsonNode views = shown.json().get("youthViews");
            assertTrue(views.size() >= 1, views.toString());
            assertEquals(name, views.get(views.size() - 1).get("recordedBy").asText());
            for (JsonNode v : views) {
                assertTrue(v.has("who") && v.has("when") && v.has("said"), v.toString());
            }
        } finally {
            CliHarness.run("plugin", "uninstall", "jeugdhuis-test");
        }
    }

    @Test
    void aBadDateOrAPlatformPluginChangesNothing() throws Exception {
        CliHarness.run("plugin", "new", "organisation", "team-test", "--dir", dir.toString());
        Path folder = dir.resolve("team-test");
        String before = Files.readString(folder.resolve("vindplaats-plugin.json"), StandardCharsets.UTF_8);
        var bad = CliHarness.run("plugin", "youth-view", folder.toString(), "--platform", "tiktok", "--who", "8 jongeren",
                "--when", "november", "--said", "Alles gaat over de For You-pagina.");
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("YYYY-MM") || bad.err().contains("JJJJ-MM"), bad.err());
        assertEquals(before, Files.readString(folder.resolve("vindplaats-plugin.json"), StandardCharsets.UTF_8));

        CliHarness.run("plugin", "new", "platform", "appje", "--dir", dir.toString());
        String platformBefore = Files.readString(dir.resolve("appje/vindplaats-plugin.json"), StandardCharsets.UTF_8);
        var platform = CliHarness.run("plugin", "youth-view", dir.resolve("appje").toString(), "--platform", "tiktok",
                "--who", "8 jongeren", "--when", "2026-11", "--said", "Leuk.");
        assertEquals(ExitCodes.USAGE, platform.exitCode());
        assertTrue(platform.err().contains("plugin new organisation"), platform.err());
        assertEquals(platformBefore, Files.readString(dir.resolve("appje/vindplaats-plugin.json"), StandardCharsets.UTF_8));
    }
}
