package org.vindplaats.notes.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.StoredNote;
import org.vindplaats.notes.Workspace;
import org.vindplaats.notes.pii.PiiScrubber;
import org.vindplaats.notes.testsupport.TestData;

class FeedImportTest {

    private static final Duration HANG_GUARD = Duration.ofMinutes(2);

    @TempDir
    Path tmp;

    private NoteStore store;

    @BeforeEach
    void openWorkspace() throws IOException {
        store = Workspace.open(tmp.resolve("ws"), Workspace.Settings.DEFAULT.withClock(TestData.CLOCK)).notes();
    }

    private NoteImporter importer() {
        return new NoteImporter(store, ImportOptions.DEFAULT, PiiScrubber.standard(), TestData.CLOCK);
    }

    private ImportReport importPath(Path file) throws IOException {
        return importer().importPath(file, new NullProgressMonitor());
    }

    private TrendNote byTitle(String title) throws IOException {
        return store.loadAll().notes().stream().map(StoredNote::note).filter(n -> n.title().equals(title))
                .findFirst().orElseThrow(() -> new AssertionError("no note titled " + title));
    }

    private static int lineOf(String text, String needle, int occurrence) {
        int pos = -1;
        for (int i = 0; i < occurrence; i++) {
            pos = text.indexOf(needle, pos + 1);
        }
        return (int) text.substring(0, pos).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void rssItemsBecomeNotesWithSourceDateAndCleanText() throws IOException {
        Path feed = TestData.copy("feeds/rss.xml", tmp);
        ImportReport r = importPath(feed);
        assertEquals(2, r.imported(), r.details());
        assertEquals(1, r.skipped().size(), r.details());
        assertEquals(lineOf(TestData.text("feeds/rss.xml"), "<item>", 3), r.skipped().get(0).line());

        TrendNote condo = byTitle("\"Condo games\" op Roblox");
        assertEquals("https://kenniscentrum.example.org/signalen/condo-games", condo.source());
        assertEquals(LocalDate.of(2025, 5, 21), condo.observed());
        assertEquals("Redactie Kenniscentrum", condo.author());
        assertEquals("Door gebruikers gemaakte Roblox-games met seksuele inhoud duiken op.\n\n"
                + "Links gaan rond in Discord-servers. Meld het via deze link.", condo.body());

        TrendNote phishing = byTitle("Phishingkits in Telegramgroepen");
        assertEquals(LocalDate.of(2025, 2, 17), phishing.observed(), "a named time zone (CET) is understood");
        assertEquals("Kenniscentrum Jeugd Online", phishing.author(), "the feed names the author when the item does not");
        assertEquals("Jongeren kopen panels met nagemaakte bankpagina's. Een tip kwam van [handle].", phishing.body(),
                "content:encoded wins over the short description, and the guard applies");

        ImportReport again = importPath(feed);
        assertEquals(2, again.unchanged(), "guids keep ids stable: " + again.details());
        assertEquals(2, store.ids().size());
    }

    @Test
    void atomEntriesWithHtmlAndXhtmlContent() throws IOException {
        ImportReport r = importPath(TestData.copy("feeds/atom.xml", tmp));
        assertEquals(2, r.imported(), r.details());
        TrendNote ngl = byTitle("NGL-links in stories");
        assertEquals("https://signalen.example.be/ngl", ngl.source(), "rel=alternate, not rel=edit");
        assertEquals(LocalDate.of(2025, 3, 11), ngl.observed());
        assertEquals("Team Zuid", ngl.author());
        assertEquals("Meiden zetten een NGL-link in hun story.", ngl.body());
        TrendNote voice = byTitle("Voice notes");
        assertEquals("https://signalen.example.be/", voice.source(), "the feed link, not its rel=self address");
        assertEquals(LocalDate.of(2025, 3, 13), voice.observed());
        assertTrue(voice.body().contains("Jongens sturen lange spraakberichten."), voice.body());
        assertTrue(voice.body().contains("Het contact voelt warmer."), voice.body());
    }

    @Test
    void externalEntitiesAreNeverResolved() throws IOException {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOPSECRET-XXE-CONTENT");
        Path xxe = tmp.resolve("xxe.xml");
        Files.writeString(xxe, """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE rss [
                  <!ENTITY xxe SYSTEM "%s">
                ]>
                <rss version="2.0"><channel><title>Feed</title>
                  <item><title>&xxe;</title><guid>x-1</guid><description>&xxe;</description></item>
                </channel></rss>
                """.formatted(secret.toUri()));
        ImportReport r = assertTimeoutPreemptively(HANG_GUARD, () -> importPath(xxe));
        assertEquals(0, r.imported(), r.details());
        assertEquals(1, r.skipped().size());
        assertTrue(r.skipped().get(0).message().contains("DOCTYPE"), r.details());
        assertEquals(2, r.skipped().get(0).line(), r.details());
        assertTrue(store.ids().isEmpty());
        assertFalse(r.details().contains("TOPSECRET"));
    }

    @Test
    void externalDtdsAndEntityBombsAreRefusedWithoutFetchingAnything() throws IOException {
        Path external = tmp.resolve("external.xml");
        Files.writeString(external, """
                <?xml version="1.0"?>
                <!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">
                <rss version="2.0"><channel><item><title>x</title></item></channel></rss>
                """);
        Path bomb = tmp.resolve("bomb.xml");
        Files.writeString(bomb, """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                  <!ENTITY lol "lol">
                  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                ]>
                <rss version="2.0"><channel><item><title>&lol9;</title></item></channel></rss>
                """);
        for (Path file : List.of(external, bomb)) {
            ImportReport r = assertTimeoutPreemptively(HANG_GUARD,
                    () -> importer().importFile(file, NoteImporter.Format.FEED, new NullProgressMonitor()));
            assertEquals(0, r.imported(), r.details());
            assertEquals(1, r.skipped().size(), r.details());
            assertTrue(r.skipped().get(0).message().contains("DOCTYPE"), r.details());
        }
        assertTrue(store.ids().isEmpty());
    }

    @Test
    void malformedFeedKeepsTheItemsBeforeTheErrorAndNamesTheLine() throws IOException {
        ImportReport r = importPath(TestData.copy("feeds/malformed.xml", tmp));
        assertEquals(1, r.imported(), r.details());
        assertEquals("Eerste item", store.get(r.importedIds().get(0)).orElseThrow().note().title());
        assertEquals(1, r.skipped().size());
        assertEquals(13, r.skipped().get(0).line(), r.details());
        assertTrue(r.skipped().get(0).column() > 0, r.details());
    }

    @Test
    void xmlThatIsNoFeedIsNotImported() throws IOException {
        Path file = TestData.copy("feeds/not-a-feed.xml", tmp);
        ImportReport byName = importPath(file);
        assertEquals(0, byName.imported());
        assertTrue(byName.skipped().get(0).message().contains("not-a-feed.xml"), byName.details());
        ImportReport forced = importer().importFile(file, NoteImporter.Format.FEED, new NullProgressMonitor());
        assertTrue(forced.skipped().get(0).message().contains("<config>"), forced.details());
    }
}
