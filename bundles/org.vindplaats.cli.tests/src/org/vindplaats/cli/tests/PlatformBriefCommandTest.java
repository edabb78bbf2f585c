package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.cli.ExitCodes;

/**
 * {@code vindplaats platform brief}: the orientation brief the workbench exports, from the same
 * application-layer service, on standard output or in an owner-only file, with the team's notes
 * only when asked and then without personal data.
 */
class PlatformBriefCommandTest {

    @Test
    void theBriefOnStandardOutputHasThePoliciesAndThePluginButNoNotes() throws Exception {
        var r = CliHarness.run("platform", "brief", "tiktok", "--org", "stad-voorbeeld");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("<!DOCTYPE html>"), r.out().substring(0, Math.min(200, r.out().length())));
        assertTrue(r.out().contains("<title>Orientation brief: TikTok</title>"), "the platform's brief");
        assertTrue(r.out().contains("Facts from plugin org.vindplaats.platform.tiktok"), "which plugin supplied the facts");
        assertTrue(r.out().contains("class=\"policy "), "the organisation's policy");
        assertTrue(r.out().contains("Stad Voorbeeld"), "named with its organisation");
        assertFalse(r.out().contains("Latest trend notes of the team"), "no note leaves the workspace unless asked");
        assertTrue(r.out().contains("default-src 'none'"), "the page loads nothing from elsewhere");
    }

    @Test
    void toAFileOnlyItsOwnerReadsWithTheTeamsNotesWithoutPersonalData(@TempDir Path tmp) throws Exception {
        Path data = CliHarness.fixture("notes", tmp.resolve("data"));
        String ws = tmp.resolve("ws").toString();
        // The worker kept the phone number in the note itself; a brief is mailed around, so not there.
        CliHarness.run("notes", "import", "--keep-pii", "--workspace", ws, data.resolve("notes.jsonl").toString());
        Path out = tmp.resolve("whatsapp-brief.html");
        var r = CliHarness.run("platform", "brief", "whatsapp", "--notes", "--workspace", ws, "-o", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertEquals("", r.out(), "the page went to the file");
        assertTrue(r.err().contains("Brief written to " + out), r.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(html.contains("Latest trend notes of the team"), "asked for with --notes");
        assertTrue(html.contains("Groepsapp met pestberichten"), "the note about WhatsApp");
        assertFalse(html.contains("0470 12 34 56"), "no phone number in a brief");
        assertTrue(html.contains("[telefoon]"), "a placeholder instead");
        assertFalse(html.contains("Snap map"), "notes about other platforms stay out");
    }

    @Test
    void aMistypedPlatformOrANicknameGetsADidYouMean() throws Exception {
        var typo = CliHarness.run("platform", "brief", "tiktk");
        assertEquals(ExitCodes.USAGE, typo.exitCode());
        assertTrue(typo.err().contains("Did you mean \"tiktok\"?"), typo.err());
        var nickname = CliHarness.run("platform", "brief", "insta");
        assertEquals(ExitCodes.USAGE, nickname.exitCode());
        assertTrue(nickname.err().contains("Did you mean \"instagram\"?"), nickname.err());
        assertEquals("", nickname.out());
    }

    @Test
    void aFolderThatCannotBeWrittenSaysWhatToDoAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path blocked = tmp.resolve("not-a-folder");
        Files.writeString(blocked, "a file where a folder should be");
        var r = CliHarness.run("platform", "brief", "tiktok", "-o", blocked.resolve("brief.html").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("could not write the brief to " + blocked.resolve("brief.html")), r.err());
        assertTrue(r.err().contains("--output"), "says what to do: " + r.err());
    }

    @Test
    void dutchHelpListsTheBrief() throws Exception {
        var r = CliHarness.run(new Locale("nl"), "platform", "brief", "--help");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("oriëntatiebrief voor een teamoverleg"), r.out());
        assertTrue(r.out().contains("--notes"), r.out());
    }
}
