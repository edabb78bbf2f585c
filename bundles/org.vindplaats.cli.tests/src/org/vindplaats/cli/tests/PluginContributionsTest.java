package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.app.PluginContributions;
import org.vindplaats.index.IndexConfig;

/**
 * What the installed example knowledge centre adds to search and need mapping, read once for the
 * command line and the workbench alike.
 */
class PluginContributionsTest {

    @TempDir
    Path tmp;

    @Test
    void theKnowledgeCentreContributesItsLexiconAndLabelledNotes() throws Exception {
        List<String> problems = new ArrayList<>();
        PluginContributions.Training t = PluginContributions.training(CliHarness.catalog(), problems::add);
        assertEquals(List.of(), problems);
        assertTrue(t.sources().stream().anyMatch(s -> s.startsWith("kenniscentrum-voorbeeld:") && s.endsWith("lexicon.json")),
                t.sources().toString());
        assertTrue(t.sources().stream().anyMatch(s -> s.endsWith("labelled-examples.jsonl")), t.sources().toString());
        assertTrue(t.examples().size() >= 30, "labelled examples and curated notes: " + t.examples().size());
        assertFalse(t.lexicon().slang().isEmpty());
        assertTrue(PluginContributions.platformAliases(CliHarness.catalog()).get("instagram").contains("insta"));
    }

    @Test
    void searchKnowsTheKnowledgeCentresSlang() throws Exception {
        assertFalse(IndexConfig.defaults().slang().containsKey("geldezel"), "not built in: it comes from the plugin");
        IndexConfig config = PluginContributions.searchConfig(CliHarness.catalog(), problem -> {
            throw new AssertionError(problem);
        });
        assertTrue(config.slang().get("geldezel").contains("money mule"), config.slang().get("geldezel").toString());
        assertTrue(config.platforms().containsKey("tiktok"));

        // End to end: the slang word finds a note that only uses the plain words.
        Path notes = tmp.resolve("notes.jsonl");
        Files.writeString(notes, """
                {"id":"mule-1","title":"Bankrekening uitlenen","body":"Jongeren worden via Snapchat gevraagd hun rekening te verhuren als money mule voor snel geld.","platforms":["snapchat"],"observed":"2026-10-01","lang":"nl","source":"team observation"}
                {"id":"other-1","title":"Streaks","body":"Leerlingen houden dagelijks hun streaks bij en voelen druk om niets te missen.","platforms":["snapchat"],"observed":"2026-10-02","lang":"nl","source":"team observation"}
                """);
        String ws = tmp.resolve("ws").toString();
        assertEquals(0, CliHarness.run("notes", "import", "--workspace", ws, notes.toString()).exitCode());
        var r = CliHarness.run("search", "--workspace", ws, "--format", "jsonl", "geldezel");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("{\"id\":\"mule-1\""), r.out());
        assertEquals(1, r.out().strip().lines().count(), r.out());
    }
}
