package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vindplaats.ui.tests.TestData.choose;
import static org.vindplaats.ui.tests.TestData.flush;
import static org.vindplaats.ui.tests.TestData.waitFor;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.app.NoteQuery;
import org.vindplaats.app.PluginContributions;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.testing.Services;
import org.vindplaats.ui.notes.NotesWorkspace;
import org.vindplaats.ui.parts.TrendNotesView;

/**
 * Trend notes has a phenomenon filter: with the shipped knowledge centre's thesaurus, notes are
 * tagged with phenomena, the filter lists them by name with their counts, and choosing one shows
 * only its notes.
 */
class PhenomenonFacetTest {

    @TempDir
    Path dir;

    @Test
    void thePhenomenonFilterNamesPhenomenaAndNarrowsTheList() throws Exception {
        Catalog catalog = Services.await(Catalog.class);
        var grooming = PluginContributions.thesaurus(catalog, p -> { }).get("grooming");
        assertTrue(grooming.isPresent(), "the shipped thesaurus has grooming");
        String label = grooming.get().label().get(Locale.ENGLISH);

        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        shell.setSize(1200, 900);
        shell.setLayout(new FillLayout());
        NotesWorkspace notes = NotesWorkspace.open(dir.resolve("ws"), TestData.notes(catalog));
        try {
            NoteStore store = notes.store().orElseThrow();
            store.save(NoteBuilder.create("g1").title("Volwassene zoekt contact met een meisje van 14")
                    .body("Een onbekende volwassene stuurt haar complimenten, vraagt om foto's en wil dat ze het geheim houdt; "
                            + "hij belooft cadeaus en wil afspreken. Typisch grooming.")
                    .platforms(List.of("snapchat")).observed(LocalDate.of(2026, 11, 1)).build(), NoteStore.NEW);
            store.save(NoteBuilder.create("h1").title("Huiswerkgroep op Discord")
                    .body("Leerlingen oefenen samen wiskunde in een spraakkanaal; twee ouderen modereren.")
                    .platforms(List.of("discord")).observed(LocalDate.of(2026, 11, 2)).build(), NoteStore.NEW);
            TrendNotesView view = new TrendNotesView(shell, catalog, notes, Locale.ENGLISH);
            TrendNotesWidgets ui = new TrendNotesWidgets(shell);
            shell.open();
            flush(display);
            waitFor(display, () -> view.idle() && ui.table().getItemCount() == 2, "both notes listed");

            String item = label + " (1)";
            waitFor(display, () -> Arrays.asList(ui.facet(NoteQuery.PHENOMENON).getItems()).contains(item),
                    "the phenomenon filter offering " + item + ": " + Arrays.toString(ui.facet(NoteQuery.PHENOMENON).getItems()));
            choose(ui.facet(NoteQuery.PHENOMENON), item);
            waitFor(display, () -> view.idle() && ui.table().getItemCount() == 1, "only the grooming note");
            assertEquals("Volwassene zoekt contact met een meisje van 14", ui.table().getItem(0).getText(0));
        } finally {
            shell.dispose();
            notes.close();
        }
    }

    /**
     * A search that names a phenomenon says so below the list, and a note found through it (its
     * text never says "grooming") says why in its preview.
     */
    @Test
    void aRecognisedPhenomenonIsExplainedInTheStatusAndThePreview() throws Exception {
        Catalog catalog = Services.await(Catalog.class);
        String label = PluginContributions.thesaurus(catalog, p -> { }).get("grooming").orElseThrow().label()
                .get(Locale.ENGLISH);

        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        shell.setSize(700, 660); // about the Trend notes part on a 1366x768 laptop screen
        shell.setLayout(new FillLayout());
        NotesWorkspace notes = NotesWorkspace.open(dir.resolve("ws"), TestData.notes(catalog));
        try {
            NoteStore store = notes.store().orElseThrow();
            store.save(NoteBuilder.create("g2").title("Cadeautjes van een onbekende man")
                    .body("Een meisje krijgt via een game steeds skins van een man die ze niet kent; hij wil nu haar nummer.")
                    .platforms(List.of("roblox")).phenomena(List.of("grooming"))
                    .confirm(LabelFamily.PHENOMENA).observed(LocalDate.of(2026, 11, 3)).build(),
                    NoteStore.NEW);
            store.save(NoteBuilder.create("h2").title("Huiswerkgroep op Discord")
                    .body("Leerlingen oefenen samen wiskunde in een spraakkanaal.").platforms(List.of("discord"))
                    .observed(LocalDate.of(2026, 11, 2)).build(), NoteStore.NEW);
            // A list as long as a worker's: the list and the preview would like more room than there is.
            for (int i = 3; i < 18; i++) {
                store.save(NoteBuilder.create("h" + i).title("Huiswerkgroep " + i)
                        .body("Leerlingen oefenen samen wiskunde in een spraakkanaal; een meisje vraagt om hulp.")
                        .platforms(List.of("discord")).observed(LocalDate.of(2026, 10, i)).build(), NoteStore.NEW);
            }
            TrendNotesView view = new TrendNotesView(shell, catalog, notes, Locale.ENGLISH);
            TrendNotesWidgets ui = new TrendNotesWidgets(shell);
            shell.open();
            flush(display);
            waitFor(display, () -> view.idle() && ui.table().getItemCount() == 17, "all notes listed");

            // With a misspelt field too: the status line then also explains that, and wraps.
            ui.searchNow("grooming soortt:x");
            waitFor(display, () -> view.idle() && ui.table().getItemCount() >= 1
                    && ui.table().getItem(0).getText(0).equals("Cadeautjes van een onbekende man"), "the grooming note first");
            String status = ui.status().getText();
            assertTrue(status.contains("Recognised the phenomenon " + label + " (by \""), status);
            assertTrue(status.indexOf("Recognised") < status.indexOf("\"soortt\""), "what was found first, then the hints: " + status);
            String preview = ui.preview().getText();
            assertTrue(preview.contains("Found through the phenomenon: " + label), preview);
            // The longer status line (two lines here) stays inside the window: the list gives way.
            assertTrue(ui.status().getSize().y > 0 && ui.status().getBounds().y + ui.status().getSize().y
                    <= shell.getClientArea().height, "the status line is inside the window: " + ui.status().getBounds()
                            + " in " + shell.getClientArea());
        } finally {
            shell.dispose();
            notes.close();
        }
    }

    /**
     * A search that names a need says so below the list, and a note labelled with it says in its
     * preview that it was found (also) for that: tried by hand, such notes were listed without a
     * word of why.
     */
    @Test
    void aNamedNeedIsExplainedInTheStatusAndThePreview() throws Exception {
        Catalog catalog = Services.await(Catalog.class);
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        shell.setSize(700, 660);
        shell.setLayout(new FillLayout());
        NotesWorkspace notes = NotesWorkspace.open(dir.resolve("ws-needs"), TestData.notes(catalog));
        try {
            NoteStore store = notes.store().orElseThrow();
            store.save(NoteBuilder.create("w1").title("Moe op school").body("Jongeren scrollen tot diep in de nacht.")
                    .needs(java.util.Set.of(org.vindplaats.model.Need.HEALTH)).confirm(LabelFamily.NEEDS)
                    .observed(LocalDate.of(2026, 11, 3)).build(), NoteStore.NEW);
            store.save(NoteBuilder.create("w2").title("Beats maken").body("Een groepje maakt 's avonds muziek.")
                    .observed(LocalDate.of(2026, 11, 2)).build(), NoteStore.NEW);
            TrendNotesView view = new TrendNotesView(shell, catalog, notes, Locale.ENGLISH);
            TrendNotesWidgets ui = new TrendNotesWidgets(shell);
            shell.open();
            flush(display);
            waitFor(display, () -> view.idle() && ui.table().getItemCount() == 2, "both notes listed");

            ui.searchNow("gezondheid en welzijn");
            waitFor(display, () -> view.idle() && ui.table().getItemCount() >= 1
                    && ui.table().getItem(0).getText(0).equals("Moe op school"), "the note labelled health first");
            String status = ui.status().getText();
            assertTrue(status.contains("Recognised the need Health"), status);
            String preview = ui.preview().getText();
            assertTrue(preview.contains("Labelled with the need you searched: Health"), preview);
        } finally {
            shell.dispose();
            notes.close();
        }
    }
}
