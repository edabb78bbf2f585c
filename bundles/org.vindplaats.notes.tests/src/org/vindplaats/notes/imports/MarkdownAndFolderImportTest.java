package org.vindplaats.notes.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.model.Need;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.Urgency;
import org.vindplaats.notes.FailingStores;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.Problem;
import org.vindplaats.notes.StoredNote;
import org.vindplaats.notes.Workspace;
import org.vindplaats.notes.pii.PiiScrubber;
import org.vindplaats.notes.testsupport.TestData;

class MarkdownAndFolderImportTest {

    @TempDir
    Path tmp;

    private NoteStore store;

    @BeforeEach
    void openWorkspace() throws IOException {
        store = Workspace.open(tmp.resolve("ws"), Workspace.Settings.DEFAULT.withClock(TestData.CLOCK)).notes();
    }

    private ImportReport importPath(NoteStore into, Path path) throws IOException {
        return new NoteImporter(into, ImportOptions.DEFAULT, PiiScrubber.standard(), TestData.CLOCK)
                .importPath(path, new NullProgressMonitor());
    }

    private Path markdownFolder() throws IOException {
        Path dir = tmp.resolve("md");
        for (String f : List.of("with-front-matter.md", "heading-only.md", "broken-yaml.md", "unsafe-id.md")) {
            TestData.copy("markdown/" + f, dir);
        }
        return dir;
    }

    @Test
    void markdownNotesImportWithFrontMatterAndHeadings() throws IOException {
        ImportReport r = importPath(store, markdownFolder());
        assertEquals(2, r.imported(), r.details());
        assertEquals(2, r.skipped().size(), r.details());
        Problem broken = r.skipped().stream().filter(p -> p.file().endsWith("broken-yaml.md")).findFirst()
                .orElseThrow();
        assertTrue(broken.line() >= 3, broken.toString());
        Problem unsafe = r.skipped().stream().filter(p -> p.file().endsWith("unsafe-id.md")).findFirst().orElseThrow();
        assertEquals(2, unsafe.line(), unsafe.toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.file().endsWith("with-front-matter.md") && w.line() == 7
                && w.message().contains("did you mean \"health\"")), r.details());

        TrendNote md1 = store.get("md-001").orElseThrow().note();
        assertEquals("Jongens kopen vapes via Snapchat", md1.title());
        assertEquals(LocalDate.of(2025, 2, 4), md1.observed());
        assertEquals(List.of("snapchat", "tiktok"), md1.platforms());
        assertEquals(EnumSet.of(Need.HEALTH), md1.needs());
        assertEquals(Urgency.CONCERN, md1.urgency());
        assertEquals(EnumSet.of(LabelFamily.PLATFORMS, LabelFamily.URGENCY), md1.confirmed());
        assertTrue(md1.body().endsWith("Contact: [telefoon]."), md1.body());

        TrendNote voice = store.loadAll().notes().stream().map(StoredNote::note)
                .filter(n -> n.id().startsWith("md-") && !n.id().equals("md-001")).findFirst().orElseThrow();
        assertEquals("Voice notes verlagen de drempel", voice.title());
        assertTrue(voice.body().startsWith("Twee jongens"), voice.body());
        assertEquals("nl", voice.language(), "the language is guessed when the note does not say");

        ImportReport again = importPath(store, markdownFolder());
        assertEquals(2, again.unchanged(), again.details());
    }

    @Test
    void aWorkspaceNotesFolderImportsIntoAnotherWorkspaceWithConfirmedLabels() throws IOException {
        StoredNote a = store.save(NoteBuilder.from(TestData.note("shared-1", "Gedeeld", "Tekst"))
                .needs(List.of(Need.TALENT)).confirm(LabelFamily.NEEDS).build(), NoteStore.NEW).stored();
        NoteStore other = Workspace.open(tmp.resolve("other"), Workspace.Settings.DEFAULT.withClock(TestData.CLOCK))
                .notes();
        ImportReport r = importPath(other, store.directory());
        assertEquals(1, r.imported(), r.details());
        TrendNote copy = other.get("shared-1").orElseThrow().note();
        assertEquals(a.note().needs(), copy.needs());
        assertEquals(a.note().confirmed(), copy.confirmed());
        assertEquals(a.note().created(), copy.created());
    }

    @Test
    void foldersMixFormatsAndSkipHiddenAndForeignFiles() throws IOException {
        Path dir = tmp.resolve("inbox");
        TestData.copy("jsonl/bad-lines.jsonl", dir.resolve("jsonl"));
        TestData.copy("html/article.html", dir.resolve("pages"));
        TestData.copy("feeds/rss.xml", dir.resolve("feeds"));
        TestData.copy("markdown/heading-only.md", dir);
        TestData.copy("feeds/not-a-feed.xml", dir);
        Files.write(dir.resolve("photo.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G' });
        TestData.copy("markdown/with-front-matter.md", dir.resolve(".git"));
        ImportReport r = importPath(store, dir);
        assertEquals(7 + 1 + 2 + 1, r.imported(), r.details());
        assertTrue(r.warnings().stream().anyMatch(w -> w.message().contains("2")), "2 foreign files: " + r.details());
        assertFalse(store.contains("md-001"), "hidden folders are not imported");
        assertEquals(r.imported(), store.ids().size());
    }

    @Test
    void aMissingPathIsAClearError() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> importPath(store, tmp.resolve("does-not-exist.jsonl")));
        assertTrue(e.getMessage().contains("does-not-exist.jsonl"), e.getMessage());
    }

    @Test
    void aFullDiskStopsTheImportWithAClearReason() throws IOException {
        Path notes = TestData.copy(TestData.DEV_NOTES, tmp);
        NoteStore full = FailingStores.fullDisk(store.directory());
        ImportReport r = importPath(full, notes);
        assertEquals(0, r.imported());
        assertTrue(r.stoppedBecause() != null && r.stoppedBecause().contains("dev-001")
                && r.stoppedBecause().contains("No space left on device"), r.details());
        assertTrue(r.summary().contains(r.stoppedBecause()), r.summary());
        assertTrue(store.ids().isEmpty());
        try (var files = Files.list(store.directory())) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void hostileFrontMatterIsRefusedNotFatal() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("hostile"));
        Files.writeString(dir.resolve("deep.md"), "---\nid: deep\ntitle: " + "[".repeat(100_000) + "\n---\nx\n");
        StringBuilder bomb = new StringBuilder("---\nid: bomb\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append("b").append(i).append(": &b").append(i).append(" [");
            String prev = i == 1 ? "*a" : "*b" + (i - 1);
            bomb.append(String.join(",", java.util.Collections.nCopies(9, prev))).append("]\n");
        }
        bomb.append("title: boom\n---\nx\n");
        Files.writeString(dir.resolve("bomb.md"), bomb);
        TestData.copy("markdown/heading-only.md", dir);
        ImportReport r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(2),
                () -> importPath(store, dir));
        // The deep one is refused (nesting limit); YAML aliases are never expanded, so the "billion
        // laughs" note imports as a small note whose unknown fields are ignored with a warning.
        assertEquals(2, r.imported(), r.details());
        assertEquals(1, r.skipped().size(), r.details());
        assertTrue(r.skipped().get(0).file().endsWith("deep.md"), r.details());
        assertFalse(store.contains("deep"));
        assertEquals("boom", store.get("bomb").orElseThrow().note().title());
        assertTrue(Files.size(store.fileFor("bomb")) < 10_000);
        assertTrue(r.warnings().stream().anyMatch(w -> w.file().endsWith("bomb.md") && w.message().contains("b11")),
                r.details());
    }
}
