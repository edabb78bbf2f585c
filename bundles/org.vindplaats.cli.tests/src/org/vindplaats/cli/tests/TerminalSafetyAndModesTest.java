package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imported ids, titles and bodies never reach the terminal with escape sequences, control
 * characters or bidi overrides; the workspace the command line creates is owner-only, and an
 * existing one that is not is tightened with a message, once.
 */
class TerminalSafetyAndModesTest {

    private static final String HOSTILE = "{\"id\":\"n1\",\"title\":\"\\u001b[2J\\u001b]0;pwned\\u0007Stickers \\u202Etxt.exe\\u202C op school\","
            + "\"body\":\"Jongeren \\u001b[31mplakken\\u001b[0m stickers\\u0008\\u0008 \\u2066rond\\u2069.\\nTweede regel.\","
            + "\"platforms\":[\"tiktok\"],\"observed\":\"2025-05-02\"}\n"
            + "{\"id\":\"evil\\u001b[2J\\u202Eid\",\"title\":\"t\",\"body\":\"stickers\"}\n";

    /** What a terminal would obey: C0 except newline and tab, DEL, C1, bidi overrides and isolates. */
    static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069);
    }

    static void assertClean(String what, CliHarness.Result r) {
        assertFalse(hasControl(r.out()), what + " stdout: " + r.out().replace("\u001b", "<ESC>"));
        assertFalse(hasControl(r.err()), what + " stderr: " + r.err().replace("\u001b", "<ESC>"));
    }

    @Test
    void listShowAndSearchPrintNoEscapeSequencesOrBidiOverrides(@TempDir Path tmp) throws Exception {
        Path input = tmp.resolve("hostile.jsonl");
        Files.writeString(input, HOSTILE, StandardCharsets.UTF_8);
        String ws = tmp.resolve("ws").toString();
        var imported = CliHarness.run("notes", "import", "--workspace", ws, input.toString());
        assertClean("import", imported);
        assertTrue(imported.err().contains("evil") || imported.out().contains("evil"), "the bad id is named: " + imported);
        for (String format : new String[] { "text", "json" }) {
            var list = CliHarness.run("notes", "list", "--workspace", ws, "--format", format);
            assertEquals(0, list.exitCode(), list.err());
            assertTrue(list.out().contains("Stickers txt.exe op school"), list.out());
            assertClean("notes list", list);
            var show = CliHarness.run("notes", "show", "n1", "--workspace", ws, "--format", format);
            assertTrue(show.out().contains("plakken stickers rond."), show.out());
            assertClean("notes show", show);
            var search = CliHarness.run("search", "stickers", "--workspace", ws, "--format", format);
            assertTrue(search.out().contains("n1"), search.out());
            assertClean("search", search);
        }
        assertFalse(hasControl(Files.readString(Path.of(ws, "notes", "n1.md"))), "stored clean");
    }

    @Test
    void theOutputWriterIsALastDefenceForANoteEditedOutsideVindplaats(@TempDir Path tmp) throws Exception {
        Path input = tmp.resolve("clean.jsonl");
        Files.writeString(input, "{\"id\":\"h1\",\"title\":\"Schone titel\",\"body\":\"Schone tekst.\"}\n");
        String ws = tmp.resolve("ws").toString();
        assertEquals(0, CliHarness.run("notes", "import", "--workspace", ws, input.toString()).exitCode());
        Path note = Path.of(ws, "notes", "h1.md");
        // YAML escapes: \e is ESC. Another editor or a git merge could write this.
        Files.writeString(note, Files.readString(note).replace("title: Schone titel",
                "title: \"Schone \\e[2J\\e]0;x\\a titel \\u202Egnp.exe\"").replace("Schone tekst.", "Schone \u001b[31mtekst\u001b[0m."));
        var show = CliHarness.run("notes", "show", "h1", "--workspace", ws);
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("titel gnp.exe") && show.out().contains("Schone tekst."), show.out());
        assertClean("notes show", show);
        assertClean("notes list", CliHarness.run("notes", "list", "--workspace", ws));
        assertClean("notes list json", CliHarness.run("notes", "list", "--workspace", ws, "--format", "json"));
    }

    @Test
    void aNewWorkspaceIsOwnerOnlyAndALooseOneIsTightenedWithAMessageOnce(@TempDir Path tmp) throws Exception {
        Path input = tmp.resolve("n.jsonl");
        Files.writeString(input, "{\"id\":\"p1\",\"title\":\"Privé\",\"body\":\"Over een jongere.\"}\n");
        Path ws = tmp.resolve("ws");
        var r = CliHarness.run("notes", "import", "--workspace", ws.toString(), input.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(), loose(ws), "the workspace, its notes and its index are owner-only");
        assertTrue(Files.list(ws.resolve("index")).findAny().isPresent(), "the index was written");

        try (Stream<Path> all = Files.walk(ws)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        var first = CliHarness.run("notes", "list", "--workspace", ws.toString());
        assertTrue(first.err().contains("now private") && first.err().contains(ws.toString()), first.err());
        assertEquals(List.of(), loose(ws));
        var second = CliHarness.run("notes", "list", "--workspace", ws.toString());
        assertFalse(second.err().contains("private"), "said once: " + second.err());
        var nl = CliHarness.run(java.util.Locale.of("nl"), "notes", "list", "--workspace", ws.toString());
        assertFalse(nl.err().contains("priv"), nl.err());
    }

    private static List<String> loose(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.map(p -> {
                try {
                    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) + " " + root.relativize(p);
                } catch (java.io.IOException e) {
                    return "? " + p;
                }
            }).filter(s -> !s.startsWith("rw-------") && !s.startsWith("rwx------")).toList();
        }
    }

    /**
     * Progress written to a file or pipe: a line per tenth of each named task; a nameless step
     * (SubMonitor.convert without a name) counts under the task before it, and with no task
     * named at all nothing is printed (no bare "40%").
     */
    @Test
    void progressLinesAlwaysSayWhatIsInProgress() {
        java.io.StringWriter out = new java.io.StringWriter();
        org.vindplaats.cli.ConsoleProgress p = new org.vindplaats.cli.ConsoleProgress(new java.io.PrintWriter(out), false);
        p.beginTask("", 10);
        p.worked(5);
        assertEquals("", out.toString(), "nothing named, nothing said");
        p.beginTask("Importing", 10);
        p.worked(10);
        p.beginTask(null, 4);
        p.worked(4);
        java.util.List<String> lines = out.toString().lines().toList();
        assertFalse(lines.isEmpty());
        for (String line : lines) {
            assertTrue(line.startsWith("Importing "), lines.toString());
        }
        assertEquals(2, lines.stream().filter(l -> l.equals("Importing 100%")).count(), "both steps end: " + lines);
    }
    /**
     * A passing state the work reports (the hub choosing a new leader while a push waits) is a
     * line of its own, said once however often it is repeated, with control characters removed.
     */
    @Test
    void aPassingStateIsSaidOnceOnALineOfItsOwn() {
        java.io.StringWriter out = new java.io.StringWriter();
        org.vindplaats.cli.ConsoleProgress p = new org.vindplaats.cli.ConsoleProgress(new java.io.PrintWriter(out), false);
        p.beginTask("Sending", 10);
        for (int i = 0; i < 5; i++) {
            p.subTask("The hub is choosing a new leader\u001b[2J for team_noord");
        }
        p.subTask("");
        p.worked(10);
        java.util.List<String> lines = out.toString().lines().toList();
        assertEquals(1, lines.stream().filter(l -> l.contains("choosing a new leader")).count(), lines.toString());
        assertFalse(out.toString().contains("\u001b"), "no escape sequence reaches the terminal");
        assertTrue(lines.contains("Sending 100%"), lines.toString());
    }
}
