package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.cli.ExitCodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** vindplaats notes suggest | evaluate on the dev evaluation set (org.vindplaats.testing, test data only). */
class SuggestCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A worker confirms a note's phenomena from the command line: the suggested ones, named ones,
     * or none; the note file keeps them, search follows them, and a bad name is refused with a
     * guess. Run against the shipped knowledge centre's thesaurus.
     */
    @Test
    void phenomenaConfirmSavesTheWorkersWordAndSearchFollowsIt(@TempDir Path tmp) throws Exception {
        Path data = CliHarness.fixture("eval-dev", tmp.resolve("data"));
        String ws = tmp.resolve("ws").toString();
        var imported = CliHarness.run("notes", "import", "--workspace", ws, data.resolve("notes.jsonl").toString());
        assertEquals(ExitCodes.OK, imported.exitCode(), imported.out() + imported.err());

        // The suggestion for dev-001 (an anonymous account exposing girls) taken as it is.
        var accepted = CliHarness.run("phenomena", "confirm", "dev-001", "--workspace", ws);
        assertEquals(ExitCodes.OK, accepted.exitCode(), accepted.err());
        String file = java.nio.file.Files.readString(tmp.resolve("ws/notes/dev-001.md"));
        assertTrue(file.contains("phenomena:\n- exposing_pages") && file.contains("- phenomena\n"), file);

        // Named by name or id; then search by phenomenon finds the note, whatever its words.
        var named = CliHarness.run("phenomena", "confirm", "dev-002", "geldezels", "--workspace", ws);
        assertEquals(ExitCodes.OK, named.exitCode(), named.err());
        assertTrue(named.out().contains("dev-002"), named.out());
        var found = CliHarness.run("search", "--workspace", ws, "--format", "jsonl", "--limit", "100", "fenomeen:money_mules");
        assertTrue(found.out().contains("\"id\":\"dev-002\""), found.out() + found.err());

        // None of these: the tagger's phenomena go too.
        var none = CliHarness.run("phenomena", "confirm", "dev-001", "--none", "--workspace", ws);
        assertEquals(ExitCodes.OK, none.exitCode(), none.err());
        var gone = CliHarness.run("search", "--workspace", ws, "--format", "jsonl", "--limit", "100", "fenomeen:exposing_pages");
        assertFalse(gone.out().contains("\"id\":\"dev-001\""), gone.out());

        var typo = CliHarness.run("phenomena", "confirm", "dev-003", "grooomin", "--workspace", ws);
        assertEquals(ExitCodes.USAGE, typo.exitCode());
        assertTrue(typo.err().contains("grooomin") && typo.err().contains("grooming"), typo.err());
        var both = CliHarness.run("phenomena", "confirm", "dev-003", "grooming", "--none", "--workspace", ws);
        assertEquals(ExitCodes.USAGE, both.exitCode(), both.err());
    }

    @Test
    void suggestGivesOneContractLinePerNote(@TempDir Path tmp) throws Exception {
        Path data = CliHarness.fixture("eval-dev", tmp.resolve("data"));
        String ws = tmp.resolve("ws").toString();
        var imported = CliHarness.run("notes", "import", "--workspace", ws, data.resolve("notes.jsonl").toString());
        assertEquals(ExitCodes.OK, imported.exitCode(), imported.out() + imported.err());

        var r = CliHarness.run("notes", "suggest", "--workspace", ws, "--format", "jsonl");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(90, lines.length);
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            JsonNode n = JSON.readTree(line);
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            assertEquals(List.of("id", "needs", "affordances", "platforms", "polarity", "urgency", "explain", "phenomena"), keys, line);
            for (JsonNode p : n.get("phenomena")) {
                // At or above the suggester's bar (PhenomenonSuggester.THRESHOLD), with a reason.
                assertTrue(p.get("confidence").asDouble() >= org.vindplaats.suggest.PhenomenonSuggester.THRESHOLD
                        && !p.get("because").asText().isBlank(), line);
            }
            if (n.get("id").asText().equals("dev-001")) {
                // an anonymous account exposing girls from two schools
                assertEquals("exposing_pages", n.get("phenomena").get(0).get("id").asText(), line);
                // Its needs resemble the thesaurus' examples of the phenomenon, which teach needs;
                // the id names the example as `phenomena show` numbers it.
                JsonNode similar = n.get("explain").get("needs").get("privacy_safety").get("similar").get(0);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("thesaurus-exposing_pages-(\\d+)")
                        .matcher(similar.get("id").asText());
                assertTrue(m.matches(), line);
                String shown = CliHarness.run("phenomena", "show", "exposing_pages").out();
                String start = similar.get("title").asText().replace("\u2026", "");
                assertTrue(shown.lines().anyMatch(l -> l.matches("  " + m.group(1) + "\\. \\[(nl|en)\\] .*")
                        && l.substring(l.indexOf("] ") + 2).startsWith(start)), shown);
            }
            ids.add(n.get("id").asText());
            assertTrue(n.get("needs").size() >= 1 && n.get("needs").size() <= 3, line);
            assertTrue(n.get("affordances").size() >= 1, line);
            assertTrue(Set.of("opportunity", "risk", "mixed").contains(n.get("polarity").asText()), line);
            assertTrue(Set.of("immediate", "concern", "info").contains(n.get("urgency").asText()), line);
            String need = n.get("needs").get(0).asText();
            assertTrue(n.get("explain").get("needs").get(need).get("confidence").asDouble() > 0, line);
        }
        assertEquals(90, ids.size());
        assertTrue(ids.contains("dev-001") && ids.contains("dev-090"));

        // One note by id; the author's platform tags are kept.
        var one = CliHarness.run("notes", "suggest", "--workspace", ws, "--format", "jsonl", "dev-002");
        String[] oneLine = one.out().strip().split("\n");
        assertEquals(1, oneLine.length, one.out());
        JsonNode n = JSON.readTree(oneLine[0]);
        assertEquals("dev-002", n.get("id").asText());
        List<String> platforms = new ArrayList<>();
        n.get("platforms").forEach(p -> platforms.add(p.asText()));
        assertTrue(platforms.containsAll(List.of("instagram", "snapchat")), platforms.toString());

        var text = CliHarness.run("notes", "suggest", "--workspace", ws, "dev-002");
        assertTrue(text.out().startsWith("dev-002  "), text.out());
        assertTrue(text.out().contains("needs"), text.out());
        // The text is for people: names in their language, not ids (those are in the JSON).
        assertTrue(text.out().contains("Instagram") && text.out().contains("Snapchat"), text.out());
        assertFalse(text.out().contains("privacy_safety") || text.out().contains(" snapchat "), text.out());
        var dutch = CliHarness.run(java.util.Locale.of("nl"), "notes", "suggest", "--workspace", ws, "dev-002");
        assertTrue(dutch.out().contains("behoeften") && dutch.out().contains("gebruiksmogelijkheden"), dutch.out());
        assertTrue(dutch.out().contains(" 0,"), "decimal comma in Dutch: " + dutch.out());

        // The commands used the application's suggestions service, which keeps what it trained: a
        // served command (or the workbench) asking about the same notes trains nothing.
        var store = org.vindplaats.notes.Workspace.open(Path.of(ws), org.vindplaats.notes.Workspace.Settings.DEFAULT).notes();
        List<String> tasks = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.vindplaats.testing.Services.await(org.vindplaats.app.NoteSuggestions.class).labels(store,
                new org.eclipse.core.runtime.NullProgressMonitor() {
                    @Override
                    public void beginTask(String name, int totalWork) {
                        tasks.add(name);
                    }
                });
        assertEquals(List.of(), tasks, "trained by the commands already");
    }

    @Test
    void unknownIdsAndFormatsAreUsageErrors(@TempDir Path tmp) throws Exception {
        Path data = CliHarness.fixture("eval-dev", tmp.resolve("data"));
        String ws = tmp.resolve("ws").toString();
        CliHarness.run("notes", "import", "--workspace", ws, data.resolve("notes.jsonl").toString());
        var unknown = CliHarness.run("notes", "suggest", "--workspace", ws, "--format", "jsonl", "dev-999");
        assertEquals(ExitCodes.USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("dev-999"), unknown.err());
        var format = CliHarness.run("notes", "suggest", "--workspace", ws, "--format", "xml");
        assertEquals(ExitCodes.USAGE, format.exitCode());
        assertTrue(format.err().contains("jsonl"), format.err());
    }

    @Test
    void evaluatePrintsMacroF1PerFamily(@TempDir Path tmp) throws Exception {
        Path data = CliHarness.fixture("eval-dev", tmp.resolve("data"));
        var r = CliHarness.run("notes", "evaluate", data.resolve("notes.jsonl").toString(),
                data.resolve("gold.jsonl").toString(), "--folds", "5", "--seed", "42");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        System.out.println(r.out());
        for (String family : List.of("needs", "affordances", "platforms", "polarity", "urgency")) {
            assertTrue(r.out().lines().anyMatch(l -> l.matches(family + "\\s+0\\.\\d{3}")), family + " in:\n" + r.out());
        }
        assertTrue(r.out().contains("kenniscentrum-voorbeeld"), "the plugin training is named: " + r.out());

        var json = CliHarness.run("notes", "evaluate", data.resolve("notes.jsonl").toString(),
                data.resolve("gold.jsonl").toString(), "--format", "json").json();
        assertEquals(90, json.get("notes").asInt());
        assertTrue(json.get("macroF1").get("needs").asDouble() >= 0.6, json.toPrettyString());
        assertTrue(json.get("macroF1").get("affordances").asDouble() >= 0.55, json.toPrettyString());
        assertFalse(json.get("labels").get("needs").isEmpty());

        var tooFew = CliHarness.run("notes", "evaluate", data.resolve("notes.jsonl").toString(), "--folds", "1");
        assertEquals(ExitCodes.USAGE, tooFew.exitCode());
        var noGold = CliHarness.run("notes", "evaluate", data.resolve("notes.jsonl").toString());
        assertEquals(ExitCodes.USAGE, noGold.exitCode(), "the notes file alone has no needs labels: " + noGold.out());
    }
}
