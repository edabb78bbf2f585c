package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.commands.NotesCommand;
import org.vindplaats.cli.commands.RootCommand;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Platform;

import com.fasterxml.jackson.databind.JsonNode;

/** The catalog commands end to end: output, JSON contract and exit codes. */
class CatalogCommandsTest {

    @Test
    void platformsListsTheShippedPlatforms() throws Exception {
        var r = CliHarness.run("platforms");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        for (String id : List.of("tiktok", "discord", "whatsapp")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(id + " ")), id + " missing in:\n" + r.out());
        }
    }

    @Test
    void platformsJsonMatchesTheCatalog() throws Exception {
        var r = CliHarness.run("platforms", "--format", "json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        JsonNode json = r.json();
        assertEquals(CliHarness.catalog().platforms().size(), json.size());
        for (JsonNode p : json) {
            Platform platform = CliHarness.catalog().platform(p.get("id").asText()).orElseThrow();
            for (Affordance a : Affordance.values()) {
                assertEquals(platform.profile().level(a).orElseThrow(), p.get("affordances").get(a.id()).asInt());
            }
        }
    }

    @Test
    void compareJsonPrintsTheAffordanceLevels() throws Exception {
        var r = CliHarness.run("compare", "tiktok", "discord", "--format", "json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        JsonNode json = r.json();
        Platform tiktok = CliHarness.catalog().platform("tiktok").orElseThrow();
        Platform discord = CliHarness.catalog().platform("discord").orElseThrow();
        List<String> differing = new ArrayList<>();
        for (Affordance a : Affordance.values()) {
            int t = tiktok.profile().level(a).orElseThrow();
            int d = discord.profile().level(a).orElseThrow();
            assertEquals(t, json.get("affordances").get(a.id()).get("tiktok").asInt());
            assertEquals(d, json.get("affordances").get(a.id()).get("discord").asInt());
            if (Math.abs(t - d) >= 2) {
                differing.add(a.id());
            }
        }
        List<String> reported = new ArrayList<>();
        json.get("notableDifferences").forEach(n -> reported.add(n.asText()));
        assertEquals(differing, reported);
    }

    @Test
    void compareTextMarksBigDifferencesAndSpeaksDutch() throws Exception {
        var r = CliHarness.run(Locale.of("nl"), "compare", "tiktok", "whatsapp");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("Anonimiteit"), r.out());
        assertTrue(r.out().contains("TikTok") && r.out().contains("WhatsApp"), r.out());
    }

    @Test
    void compareNeedsAtLeastTwoPlatforms() throws Exception {
        var r = CliHarness.run("compare", "tiktok");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("2 to 4"), r.err());
    }

    /** Mistakes on the command line are said in Vindplaats's own (translated) words, not picocli's. */
    @Test
    void commandLineMistakesSayWhatToFix() throws Exception {
        var unknown = CliHarness.run("platforms", "--fromat", "json");
        assertEquals(ExitCodes.USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown option or argument: --fromat"), unknown.err());
        assertTrue(unknown.err().contains("Did you mean \"--format\"?"), unknown.err());
        assertTrue(unknown.err().contains("'vindplaats platforms --help' shows every option."), unknown.err());

        var missing = CliHarness.run("platform", "show");
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertTrue(missing.err().contains("missing: <platform>"), missing.err());

        var bad = CliHarness.run("platforms", "--format", "xml");
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("'xml' is not a valid value for --format; choose one of: "), bad.err());
        for (var r : java.util.List.of(unknown, missing, bad)) {
            assertFalse(r.err().contains("Unknown option") || r.err().contains("Missing required") || r.err().contains("Invalid value"),
                    "no English picocli sentence: " + r.err());
        }
    }

    @Test
    void unknownPlatformGetsDidYouMean() throws Exception {
        var r = CliHarness.run("platform", "show", "tikok");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("Did you mean \"tiktok\"?"), r.err());
        var alias = CliHarness.run("compare", "tiktok", "insta");
        assertEquals(ExitCodes.USAGE, alias.exitCode());
        assertTrue(alias.err().contains("\"instagram\""), "nicknames point to the platform: " + alias.err());
    }

    @Test
    void platformShowPrintsEverySection() throws Exception {
        var r = CliHarness.run("platform", "show", "discord");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        Platform discord = CliHarness.catalog().platform("discord").orElseThrow();
        for (String expected : List.of("Affordance profile", "Report and block", "Guidance per methodical step",
                "Orientation questions", discord.reportAndBlock().en(),
                discord.profile().score(Affordance.ANONYMITY).orElseThrow().sources().get(0).url())) {
            assertTrue(r.out().contains(expected), "missing: " + expected);
        }
        var json = CliHarness.run("platform", "show", "discord", "--format", "json").json();
        assertEquals(7, json.get("affordances").size());
        assertEquals(6, json.get("needs").size());
        assertEquals(7, json.get("stepGuidance").size());
    }

    @Test
    void validateBrokenPluginPrintsLocationAndFixAndFails(@TempDir Path dir) throws Exception {
        Path plugin = CliHarness.fixture("broken-plugin", dir.resolve("broken"));
        var r = CliHarness.run("validate", plugin.toString());
        assertEquals(ExitCodes.PROBLEMS_FOUND, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains(plugin.resolve("vindplaats-plugin.json") + ":93:18: error: value 5"), r.out());
        assertTrue(r.out().contains("fix: Use a value from 0 to 4."), r.out());
        var json = CliHarness.run("validate", plugin.toString(), "--format", "json").json();
        assertEquals(false, json.get("valid").asBoolean());
        JsonNode firstError = null;
        for (JsonNode p : json.get("problems")) {
            if (firstError == null && "error".equals(p.get("severity").asText())) {
                firstError = p;
            }
        }
        assertEquals(93, firstError.get("line").asInt(), json.toPrettyString());
    }

    @Test
    void validateMissingPathIsAUsageError() throws Exception {
        var r = CliHarness.run("validate", "/no/such/plugin");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("/no/such/plugin"), r.err());
    }

    @Test
    void unknownCommandIsAUsageErrorWithSuggestion() throws Exception {
        var r = CliHarness.run("platfroms");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("platforms"), r.err());
    }

    @Test
    void helpListsEveryCommandAlthoughACommandLineBuildsOnlyTheOneItNames() throws Exception {
        var r = CliHarness.run("--help");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        for (Class<?> c : RootCommand.COMMANDS) {
            String name = c.getAnnotation(picocli.CommandLine.Command.class).name();
            assertTrue(r.out().contains("  " + name + " ") || r.out().contains("  " + name + ", "),
                    name + " missing in\n" + r.out());
        }
        assertEquals(List.of(NotesCommand.class), RootCommand.commandsFor("notes", "list", "--format", "json"));
        assertEquals(RootCommand.COMMANDS, RootCommand.commandsFor("--version"));
        assertEquals(RootCommand.COMMANDS, RootCommand.commandsFor("notse"));
        assertEquals(RootCommand.COMMANDS, RootCommand.commandsFor());
    }

    @Test
    void dutchHelpSaysGebruikNotUsage() throws Exception {
        for (String[] args : new String[][] { { "--help" }, { "notes", "--help" }, { "search", "--help" } }) {
            var r = CliHarness.run(Locale.forLanguageTag("nl"), args);
            assertEquals(ExitCodes.OK, r.exitCode(), r.err());
            assertTrue(r.out().contains("Gebruik: vindplaats"), r.out());
            assertFalse(r.out().contains("Usage:"), r.out());
        }
        var typo = CliHarness.run(Locale.forLanguageTag("nl"), "platform", "shwo");
        assertFalse(typo.err().contains("Usage:"), typo.err());
    }

    @ParameterizedTest
    @ValueSource(strings = { "platforms", "platform show", "compare", "plugins", "validate" })
    void everyCommandHasHelp(String command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        var r = CliHarness.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("Usage: vindplaats " + command), r.out());
    }

    @Test
    void pluginsJsonShowsEveryShippedPluginActive() throws Exception {
        var r = CliHarness.run("plugins", "--format", "json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        int platforms = 0;
        for (JsonNode p : r.json()) {
            if (p.get("bundle").asText().startsWith("org.vindplaats.platform.")) {
                platforms++;
                assertEquals("active", p.get("state").asText(), p.toString());
            }
        }
        assertTrue(platforms >= 3, "shipped platform plugins: " + platforms);
    }
}
