package org.vindplaats.notes.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.Workspace;
import org.vindplaats.notes.pii.PiiScrubber;
import org.vindplaats.notes.testsupport.TestData;

class HtmlImportTest {

    /** Hang guard only (a parser stuck in a loop); never a speed requirement. */
    private static final Duration HANG_GUARD = Duration.ofMinutes(3);

    private static final Pattern TAG = Pattern.compile("<\\s*[\\p{L}/!?]");
    private static final Pattern SCRIPT_URL = Pattern.compile("(?i)(java|vb)\\s*script\\s*:|data\\s*:\\s*text");

    @TempDir
    Path tmp;

    private NoteStore store;

    @BeforeEach
    void openWorkspace() throws IOException {
        store = Workspace.open(tmp.resolve("ws"), Workspace.Settings.DEFAULT.withClock(TestData.CLOCK)).notes();
    }

    private ImportReport importPath(Path file) throws IOException {
        return new NoteImporter(store, ImportOptions.DEFAULT, PiiScrubber.standard(), TestData.CLOCK)
                .importPath(file, new NullProgressMonitor());
    }

    private TrendNote only() throws IOException {
        List<String> ids = store.ids();
        assertEquals(1, ids.size(), ids.toString());
        return store.get(ids.get(0)).orElseThrow().note();
    }

    @Test
    void savedArticleGivesMainTextTitleDateAndCleanCanonicalUrl() throws IOException {
        ImportReport r = importPath(TestData.copy("html/article.html", tmp));
        assertEquals(1, r.imported(), r.details());
        TrendNote note = only();
        assertEquals("Nieuwe TikTok-trend: deospray inhaleren", note.title());
        assertEquals(LocalDate.of(2025, 5, 20), note.observed());
        assertEquals("https://www.example.org/nieuws/deospray-challenge?page=2", note.source());
        assertEquals("nl", note.language());
        assertTrue(note.body().contains("Leerkrachten melden dat jongens uit het eerste middelbaar een challenge"
                + " nadoen waarbij ze zo lang mogelijk deospray inademen."), note.body());
        assertTrue(note.body().contains("\n\nHet komt van TikTok"), "paragraphs stay paragraphs: " + note.body());
        assertTrue(note.body().contains("- Praat erover zonder te dramatiseren."), note.body());
        for (String boilerplate : List.of("cookies", "Akkoord", "Sport", "Cultuur", "Home", "Deel op Facebook",
                "ADVERTENTIE", "VERBORGEN", "Lees ook", "zoekterm", "Privacybeleid", "dataLayer", "gtag", "tracker",
                "font-family")) {
            assertFalse(note.body().contains(boilerplate), boilerplate + " leaked into: " + note.body());
        }
        assertTrue(note.id().startsWith("web-"));
    }

    @Test
    void theSamePageSavedAgainUpdatesItsNote() throws IOException {
        Path page = TestData.copy("html/article.html", tmp);
        String id = importPath(page).importedIds().get(0);
        assertEquals(1, importPath(page).unchanged());
        Files.writeString(page, Files.readString(page).replace("Vraag waarom ze meedoen.",
                "Vraag waarom ze meedoen en wat ze ervan vinden."));
        ImportReport again = importPath(page);
        assertEquals(List.of(id), again.updatedIds(), again.details());
        assertEquals(1, store.ids().size());
    }

    @Test
    void hostileHtmlNeverLeaksMarkupHandlersOrScriptUrls() throws IOException {
        ImportReport r = assertTimeoutPreemptively(HANG_GUARD,
                () -> importPath(TestData.copy("html/hostile.html", tmp)));
        assertEquals(1, r.imported(), r.details());
        TrendNote note = only();
        String all = note.title() + "\n" + note.body() + "\n" + note.source() + "\n" + note.author();
        assertFalse(TAG.matcher(all).find(), "markup leaked: " + all);
        assertFalse(SCRIPT_URL.matcher(all).find(), "script URL leaked: " + all);
        for (String fromMarkupOnly : List.of("alert('script')", "alert('onload')", "alert('onerror')",
                "alert('svg')", "alert('svgscript')", "alert('math')", "alert('iframe')", "alert('srcdoc')",
                "alert('embed')", "alert('form')", "alert('focus')", "alert('link')", "alert('click')",
                "alert('data')", "alert('style')", "alert('expr", "alert('css')", "alert('cell')", "alert('custom')",
                "alert('refresh')", "alert('base')", "alert('canonical')", "expression(", "evil.example", "PHNjcmlw",
                "VERBORGEN", "SJABLOON", "TEKSTVAK", "NOSCRIPT", "veld")) {
            assertFalse(all.contains(fromMarkupOnly), fromMarkupOnly + " leaked: " + all);
        }
        assertTrue(note.body().contains("Zichtbare tekst over een link en nog een."), note.body());
        assertTrue(note.body().contains("Tweede alinea met stijl."), note.body());
        assertTrue(note.body().contains("Een hartje <3 blijft gewoon staan."), "a heart is not markup");
        assertTrue(note.body().contains("Eigen tag"), note.body());
        assertTrue(note.body().contains("javascript[:]alert('plain')"), "written-out script URLs are defused");
        assertTrue(note.title().startsWith("Gevaarlijke"), note.title());
        assertEquals(TrendNote.TEAM_OBSERVATION, note.source(), "a javascript: canonical URL is not a source");
    }

    /**
     * Regression for the HtmlImportFuzz finding (a mutated hostile page with {@code <scr<script>ipt>}):
     * the body kept "pagina <" followed by a blank line and "Een", a '<' before whitespace and a
     * letter. Checked field by field, as the fuzz target does. Input: testdata/fuzz-regressions.
     */
    @Test
    void fuzzFindingSplitScriptTagLeavesNoTagLikeText() throws IOException {
        ImportReport r = assertTimeoutPreemptively(HANG_GUARD,
                () -> importPath(TestData.copy("fuzz-regressions/html-split-script-tag.html", tmp)));
        assertEquals(1, r.imported(), r.details());
        TrendNote note = only();
        assertNoMarkupFieldByField(note);
        assertTrue(note.body().contains("pagina \u2039\n\nEen hartje <3 blijft gewoon staan."), note.body());
    }

    /**
     * Regression for the second HtmlImportFuzz finding: {@code javascript:')} (a script scheme before
     * a quote, as in {@code javascript:'<img onerror=...>'}) was not defused.
     */
    @Test
    void fuzzFindingScriptSchemeBeforeAQuoteIsDefused() throws IOException {
        ImportReport r = assertTimeoutPreemptively(HANG_GUARD,
                () -> importPath(TestData.copy("fuzz-regressions/html-script-scheme-before-quote.html", tmp)));
        assertEquals(1, r.imported(), r.details());
        TrendNote note = only();
        assertNoMarkupFieldByField(note);
        String all = note.title() + "\n" + note.body();
        assertTrue(all.contains("javascript[:]')"), all);
    }

    /**
     * Regression for the third HtmlImportFuzz finding: {@code <} followed by NUL bytes and
     * {@code nav>} was no tag when it was defused, and became {@code <nav>} when the import then
     * removed the control characters.
     */
    @Test
    void fuzzFindingTagBehindControlCharactersIsDefused() throws IOException {
        ImportReport r = assertTimeoutPreemptively(HANG_GUARD,
                () -> importPath(TestData.copy("fuzz-regressions/html-tag-behind-nul-bytes.html", tmp)));
        assertEquals(1, r.imported(), r.details());
        assertNoMarkupFieldByField(only());
    }

    /** The fuzz target's oracle: each field on its own (joined fields can make a tag across fields). */
    private static void assertNoMarkupFieldByField(TrendNote note) {
        for (String field : new String[] { note.title(), note.body(), note.source(), note.author() }) {
            if (field != null) {
                assertFalse(TAG.matcher(field).find(), "markup-like text reached a note: " + field);
                assertFalse(SCRIPT_URL.matcher(field).find(), "script URL reached a note: " + field);
            }
        }
    }

    @Test
    void comparisonsStayReadableWhileTagLikeTextIsDefused() throws IOException {
        Path page = tmp.resolve("vergelijking.html");
        Files.writeString(page, "<html><body><p>Als 3 &lt; 5 en 2&lt;3, dan a &lt; b en &lt;/p&gt; en &lt;!-- x"
                + " en &lt;?php.</p></body></html>", StandardCharsets.UTF_8);
        importPath(page);
        assertEquals("Als 3 < 5 en 2<3, dan a \u2039 b en \u2039/p> en \u2039!-- x en \u2039?php.", only().body());
    }

    @Test
    void pagesWithoutTextAreSkippedWithAReason() throws IOException {
        ImportReport r = importPath(TestData.copy("html/scripts-only.html", tmp));
        assertEquals(0, r.imported());
        assertEquals(1, r.skipped().size());
        assertTrue(r.skipped().get(0).toString().contains("scripts-only.html"), r.details());
        assertTrue(store.ids().isEmpty());
    }

    @Test
    void deeplyNestedHtmlIsBounded() throws IOException {
        int depth = 100_000;
        Path page = tmp.resolve("deep.html");
        try (Writer w = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
            w.write("<html><head><title>Diep genest</title></head><body><p>Bovenaan staat tekst.</p>");
            for (int i = 0; i < depth; i++) {
                w.write(i % 2 == 0 ? "<div>" : "<span>");
            }
            w.write("diep in de boom");
            for (int i = depth - 1; i >= 0; i--) {
                w.write(i % 2 == 0 ? "</div>" : "</span>");
            }
            w.write("<p>Onderaan ook.</p></body></html>");
        }
        ImportReport r = assertTimeoutPreemptively(HANG_GUARD, () -> importPath(page));
        assertEquals(1, r.imported(), r.details());
        TrendNote note = only();
        assertTrue(note.body().contains("Bovenaan staat tekst."), note.body());
        assertTrue(note.body().contains("diep in de boom"), "text below the depth limit is kept, flattened");
        assertTrue(note.body().contains("Onderaan ook."), note.body());
    }

    @Test
    void hugeDocumentsAreReadOnlyInPartAndCut() throws IOException {
        Path page = tmp.resolve("huge.html");
        long target = HtmlPageReader.MAX_HTML_BYTES * 2;
        try (Writer w = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
            w.write("<html><head><title>Enorm</title></head><body>");
            long written = 0;
            int i = 0;
            while (written < target) {
                String p = "<p>Alinea " + i++ + " over jongeren en hun telefoon, herhaald om de pagina groot te maken.</p>\n";
                w.write(p);
                written += p.length();
            }
            w.write("<p>LAATSTE ALINEA</p></body></html>");
        }
        ImportReport r = assertTimeoutPreemptively(HANG_GUARD, () -> importPath(page));
        assertEquals(1, r.imported(), r.details());
        TrendNote note = only();
        assertTrue(note.body().length() <= ImportOptions.DEFAULT.maxBodyChars(), "body is bounded");
        assertFalse(note.body().contains("LAATSTE ALINEA"));
        assertEquals(2, r.warnings().size(), "both the file and the text limits are reported: " + r.details());
    }
}
