package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.cli.ExitCodes;

import com.fasterxml.jackson.databind.JsonNode;

/** The notes commands of the CLI contract, end to end on a temporary workspace. */
class NotesCommandsTest {

    @Test
    void importReportsBadLinesScrubsPiiAndDoesNotDuplicate(@TempDir Path tmp) throws Exception {
        Path data = CliHarness.fixture("notes", tmp.resolve("data"));
        String ws = tmp.resolve("ws").toString();
        var r = CliHarness.run("notes", "import", "--workspace", ws, "--format", "json", data.resolve("notes.jsonl").toString());
        assertEquals(ExitCodes.PROBLEMS_FOUND, r.exitCode(), "a skipped line is reported: " + r.out() + r.err());
        JsonNode report = r.json();
        assertEquals(3, report.get("imported").asInt(), report.toPrettyString());
        assertTrue(report.get("skipped").get(0).asText().contains(":3"), "line number of the bad line: " + report);
        assertTrue(report.get("piiReplaced").get("phone").asInt() >= 1, report.toPrettyString());

        var show = CliHarness.run("notes", "show", "t-001", "--workspace", ws, "--format", "json").json();
        assertFalse(show.get("body").asText().contains("0470 12 34 56"), show.get("body").asText());
        assertTrue(show.get("body").asText().contains("[telefoon]"), show.get("body").asText());
        assertEquals("concern", show.get("urgency").asText());

        var again = CliHarness.run("notes", "import", "--workspace", ws, "--format", "json",
                data.resolve("notes.jsonl").toString()).json();
        assertEquals(0, again.get("imported").asInt(), "re-import does not duplicate: " + again);
        var list = CliHarness.run("notes", "list", "--workspace", ws, "--format", "json").json();
        assertEquals(3, list.size());
        assertEquals("t-001", list.get(0).get("id").asText(), "newest first");
    }

    /**
     * A new user tries the command line without notes of their own: the missing workspace says how
     * to get the invented examples, --samples imports them in the user's language (once: again
     * changes nothing), and search finds a phenomenon in them.
     */
    @Test
    void theSampleNotesLetANewUserTrySearch(@TempDir Path tmp) throws Exception {
        String ws = tmp.resolve("ws").toString();
        var none = CliHarness.run("search", "--workspace", ws, "grooming");
        assertTrue(none.err().contains("vindplaats notes import --samples"), none.err());

        var dutch = CliHarness.run(java.util.Locale.of("nl"), "notes", "import", "--samples", "--workspace", ws, "--format", "json");
        assertEquals(ExitCodes.OK, dutch.exitCode(), dutch.err());
        assertEquals(8, dutch.json().get("imported").asInt(), dutch.out());
        var again = CliHarness.run(java.util.Locale.of("nl"), "notes", "import", "--samples", "--workspace", ws, "--format", "json");
        assertEquals(0, again.json().get("imported").asInt() + again.json().get("updated").asInt(),
                "the same notes again: nothing new " + again.out());
        var list = CliHarness.run("notes", "list", "--workspace", ws, "--format", "json").json();
        assertEquals(8, list.size());
        list.forEach(n -> assertTrue(n.get("title").asText().startsWith("[Voorbeeld] "), n.toString()));
        var found = CliHarness.run("search", "--workspace", ws, "--format", "jsonl", "grooming");
        assertTrue(found.out().contains("\"id\""), "a sample note about grooming is found: " + found.out() + found.err());

        String en = tmp.resolve("en").toString();
        var english = CliHarness.run(java.util.Locale.ENGLISH, "notes", "import", "--samples", "--workspace", en);
        assertEquals(ExitCodes.OK, english.exitCode(), english.err());
        CliHarness.run("notes", "list", "--workspace", en, "--format", "json").json()
                .forEach(n -> assertTrue(n.get("title").asText().startsWith("[Example] "), n.toString()));

        var neither = CliHarness.run("notes", "import", "--workspace", ws);
        assertEquals(ExitCodes.USAGE, neither.exitCode());
        assertTrue(neither.err().contains("--samples"), neither.err());
        var both = CliHarness.run("notes", "import", "--samples", "--workspace", ws, tmp.toString());
        assertEquals(ExitCodes.USAGE, both.exitCode(), both.err());
        var shared = CliHarness.run("notes", "import", "--samples", "--share", "--workspace", ws);
        assertEquals(ExitCodes.USAGE, shared.exitCode());
        assertTrue(shared.err().contains("--share"), shared.err());
    }

    @Test
    void ackPrintsOneLinePerNoteThatIsOnDisk(@TempDir Path tmp) throws Exception {
        Path data = CliHarness.fixture("notes", tmp.resolve("data"));
        String ws = tmp.resolve("ws").toString();
        var r = CliHarness.run("notes", "import", "--ack", "--workspace", ws, data.resolve("notes.jsonl").toString());
        java.util.List<String> acks = r.out().lines().filter(l -> l.startsWith("stored ")).toList();
        assertEquals(3, acks.size(), r.out());
        for (String ack : acks) {
            String[] parts = ack.split(" ");
            assertEquals("1", parts[2], "first revision: " + ack);
            assertTrue(Files.isRegularFile(Path.of(ws, "notes", parts[1] + ".md")), ack);
        }
        var again = CliHarness.run("notes", "import", "--ack", "--workspace", ws, data.resolve("notes.jsonl").toString());
        assertFalse(again.out().contains("stored "), "unchanged notes are not written, so not acknowledged: " + again.out());
    }

    @Test
    void keepPiiIsADeliberateRecordedChoice(@TempDir Path tmp) throws Exception {
        Path data = CliHarness.fixture("notes", tmp.resolve("data"));
        String ws = tmp.resolve("ws").toString();
        CliHarness.run("notes", "import", "--keep-pii", "--workspace", ws, data.resolve("notes.jsonl").toString());
        var show = CliHarness.run("notes", "show", "t-001", "--workspace", ws, "--format", "json").json();
        assertTrue(show.get("body").asText().contains("0470 12 34 56"));
        assertTrue(show.get("piiKept").asBoolean());
    }

    @Test
    void aNoteWithPersonalDataKeptIsNeverChosenForSharing(@TempDir Path tmp) throws Exception {
        Path data = CliHarness.fixture("notes", tmp.resolve("data"));
        Path ws = tmp.resolve("ws");
        // --keep-pii keeps whatever personal data the notes hold: none of them may leave the workspace.
        var kept = CliHarness.run("notes", "import", "--keep-pii", "--share", "--workspace", ws.toString(),
                data.resolve("notes.jsonl").toString());
        assertTrue(kept.err().contains("Not shared: 3 note(s)") && kept.err().contains("t-001"), kept.err());
        java.nio.file.Path file = ws.resolve("hub-shared.txt");
        assertTrue(!Files.exists(file) || Files.readAllLines(file).stream().noneMatch(l -> l.startsWith("t-")),
                "nothing recorded as shared");

        var refused = CliHarness.run("hub", "share", "t-001", "--workspace", ws.toString());
        assertEquals(ExitCodes.REFUSED, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains("t-001"), refused.err());
        assertTrue(!Files.exists(file) || !Files.readAllLines(file).contains("t-001"));

        // Scrubbed notes are shared as asked.
        Path other = tmp.resolve("ws2");
        var scrubbed = CliHarness.run("notes", "import", "--share", "--workspace", other.toString(),
                data.resolve("notes.jsonl").toString());
        assertTrue(scrubbed.err().contains("3 note(s) will be shared"), scrubbed.err());
        assertEquals(java.util.Set.of("t-001", "t-002", "t-003"), java.util.Set.copyOf(Files.readAllLines(other.resolve("hub-shared.txt"))));
    }

    @Test
    void piiDetectionOnlyPrintsAndStoresNothing(@TempDir Path tmp) throws Exception {
        Path data = CliHarness.fixture("notes", tmp.resolve("data"));
        var r = CliHarness.run("notes", "pii", "--format", "jsonl", data.resolve("notes.jsonl").toString());
        String[] lines = r.out().strip().split("\n");
        JsonNode first = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines[0]);
        assertEquals("t-001", first.get("id").asText());
        assertEquals("0470 12 34 56", first.get("pii").get(0).get("text").asText());
        assertEquals("phone", first.get("pii").get(0).get("kind").asText());
        assertTrue(r.out().contains("snap@voorbeeld.be"), r.out());
        assertTrue(r.err().contains(":3"), "the bad line is reported on stderr: " + r.err());
    }

    @Test
    void purgeRemovesNotesPastTheOrganisationsRetention(@TempDir Path tmp) throws Exception {
        Path data = CliHarness.fixture("notes", tmp.resolve("data"));
        String ws = tmp.resolve("ws").toString();
        CliHarness.run("notes", "import", "--workspace", ws, data.resolve("notes.jsonl").toString());
        var noOrg = CliHarness.run("notes", "purge", "--workspace", ws);
        assertEquals(ExitCodes.USAGE, noOrg.exitCode(), "no retention without an organisation");
        var dry = CliHarness.run("notes", "purge", "--dry-run", "--org", "stad-voorbeeld", "--workspace", ws);
        assertTrue(dry.out().contains("t-002"), dry.out());
        var expired = CliHarness.run("notes", "list", "--expired", "--org", "stad-voorbeeld", "--workspace", ws, "--format",
                "json").json();
        assertEquals(1, expired.size());
        var purge = CliHarness.run("notes", "purge", "--org", "stad-voorbeeld", "--workspace", ws);
        assertEquals(ExitCodes.OK, purge.exitCode(), purge.err());
        assertFalse(Files.exists(Path.of(ws, "notes", "t-002.md")));
        assertEquals(2, CliHarness.run("notes", "list", "--workspace", ws, "--format", "json").json().size());
    }

    @Test
    void missingWorkspaceIsAUsageErrorNotACreation(@TempDir Path tmp) throws Exception {
        var r = CliHarness.run("notes", "list", "--workspace", tmp.resolve("nope").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.out());
        assertFalse(Files.exists(tmp.resolve("nope")));
    }
}
