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
 * The signal inbox: imported notes wait with their suggestions, the most urgent first; confirming
 * them (one or all) gives them needs and urgency the needs map counts, and empties the inbox.
 */
class InboxTest {

    @TempDir
    Path tmp;

    private String workspaceWithImportedNotes() throws Exception {
        Path file = tmp.resolve("import.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\": \"i-1\", \"title\": \"Talentenjacht op TikTok\", \"body\": \"Jongeren uit de wijk posten dansvideo's en willen meedoen aan een lokale talentenjacht. Ze vragen of het jeugdhuis een studio heeft om te oefenen.\", \"observed\": \"2026-11-02\", \"lang\": \"nl\"}",
                "{\"id\": \"i-2\", \"title\": \"Volwassen man vraagt foto's\", \"body\": \"Een meisje van 14 vertelt dat een volwassen man haar 's nachts op Snapchat om naaktfoto's vraagt en dreigt haar andere foto's te verspreiden als ze niet meedoet.\", \"observed\": \"2026-10-20\", \"lang\": \"nl\"}",
                "{\"id\": \"i-3\", \"title\": \"Uitsluiten in de klasgroep\", \"body\": \"In de WhatsApp-groep van een tweede jaar wordt een jongen steeds weggelaten en uitgelachen met memes. Hij zegt dat hij niet meer naar school wil.\", \"observed\": \"2026-11-10\", \"lang\": \"nl\"}")
                + "\n", StandardCharsets.UTF_8);
        String ws = tmp.resolve("ws").toString();
        var imported = CliHarness.run("notes", "import", "--workspace", ws, file.toString());
        assertEquals(ExitCodes.OK, imported.exitCode(), imported.out() + imported.err());
        return ws;
    }

    @Test
    void importedNotesWaitMostUrgentFirstAndConfirmingEmptiesTheInbox() throws Exception {
        String ws = workspaceWithImportedNotes();
        JsonNode inbox = CliHarness.run("notes", "inbox", "--workspace", ws, "--format", "json").json();
        assertEquals(3, inbox.size(), inbox.toPrettyString());
        assertEquals("i-2", inbox.get(0).get("id").asText(), "an adult asking a 14-year-old for nudes comes first");
        assertEquals("immediate", inbox.get(0).get("urgency").asText(), inbox.toPrettyString());
        for (JsonNode item : inbox) {
            assertTrue(item.get("needs").size() > 0, "every waiting note shows its suggested needs: " + item);
        }

        var one = CliHarness.run("notes", "confirm", "i-2", "--workspace", ws);
        assertEquals(ExitCodes.OK, one.exitCode(), one.out() + one.err());
        assertTrue(one.out().contains(NLS.bind(Messages.Inbox_confirmed, 1)), one.out());
        JsonNode note = CliHarness.run("notes", "show", "i-2", "--workspace", ws, "--format", "json").json();
        assertEquals("immediate", note.get("urgency").asText(), note.toPrettyString());
        assertTrue(note.get("needs").size() > 0, note.toPrettyString());
        String confirmed = note.get("confirmed").toString();
        assertTrue(confirmed.contains("needs") && confirmed.contains("urgency"), confirmed);
        assertEquals(2, CliHarness.run("notes", "inbox", "--workspace", ws, "--format", "json").json().size());

        var rest = CliHarness.run("notes", "confirm", "--all", "--workspace", ws);
        assertTrue(rest.out().contains(NLS.bind(Messages.Inbox_confirmed, 2)), rest.out());
        var empty = CliHarness.run("notes", "inbox", "--workspace", ws);
        assertTrue(empty.out().contains(Messages.Inbox_empty), empty.out());
    }

    @Test
    void confirmSaysWhichNotesItNeedsAndRefusesOnesNotWaiting() throws Exception {
        String ws = workspaceWithImportedNotes();
        var none = CliHarness.run("notes", "confirm", "--workspace", ws);
        assertEquals(ExitCodes.USAGE, none.exitCode());
        assertTrue(none.err().contains(Messages.Inbox_whichNotes), none.err());
        var unknown = CliHarness.run("notes", "confirm", "nope", "--workspace", ws);
        assertEquals(ExitCodes.USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("nope"), unknown.err());
    }
}
