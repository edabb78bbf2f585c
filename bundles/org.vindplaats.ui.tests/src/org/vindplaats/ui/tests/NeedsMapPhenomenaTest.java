package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vindplaats.ui.tests.TestData.choose;
import static org.vindplaats.ui.tests.TestData.flush;
import static org.vindplaats.ui.tests.TestData.waitFor;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.app.NoteQuery;
import org.vindplaats.app.PluginContributions;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.model.Need;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.testing.Services;
import org.vindplaats.ui.notes.NotesWorkspace;
import org.vindplaats.ui.parts.NeedsMapView;
import org.vindplaats.ui.widgets.Heatmap;

/**
 * The needs map with the shipped knowledge centre's thesaurus: "Phenomena x needs" shows a row per
 * phenomenon under its name with the notes per need, and the trend below lists the phenomenon
 * with its notes per week, marks it rising, filters by platform and opens its notes.
 */
class NeedsMapPhenomenaTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path dir;

    private static TableItem item(Table table, String name) {
        return Arrays.stream(table.getItems()).filter(i -> i.getText(0).equals(name)).findFirst().orElse(null);
    }

    @Test
    void phenomenonRowsAndTheTrendShowGroomingRising() throws Exception {
        Catalog catalog = Services.await(Catalog.class);
        var grooming = PluginContributions.thesaurus(catalog, p -> { }).get("grooming");
        assertTrue(grooming.isPresent(), "the shipped thesaurus has grooming");
        String label = grooming.get().label().get(Locale.ENGLISH);

        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        shell.setSize(720, 700); // about the needs map part on a 1280 px laptop screen
        shell.setLayout(new FillLayout());
        NotesWorkspace notes = NotesWorkspace.open(dir.resolve("ws"), TestData.notes(catalog));
        try {
            NoteStore store = notes.store().orElseThrow();
            for (int ago : new int[] { 1, 3, 10 }) {
                store.save(NoteBuilder.create("g" + ago).title("Volwassene zoekt contact met een meisje (" + ago + ")")
                        .body("Een onbekende volwassene stuurt complimenten, vraagt om foto's en wil dat ze het geheim houdt. "
                                + "Typisch grooming.")
                        .platforms(List.of("snapchat")).needs(Set.of(Need.PRIVACY_SAFETY, Need.RELATIONSHIPS))
                        .confirm(LabelFamily.NEEDS).observed(TODAY.minusDays(ago)).build(), NoteStore.NEW);
            }
            NeedsMapView map = new NeedsMapView(shell, catalog, notes, Locale.ENGLISH);
            AtomicReference<NoteQuery> opened = new AtomicReference<>();
            map.onOpen(opened::set);
            map.today(TODAY);
            shell.open();
            flush(display);
            Heatmap heatmap = Widgets.find(shell, "needs.map", Heatmap.class);
            choose(Widgets.find(shell, "needs.mode", Combo.class), "Phenomena \u00d7 needs");
            waitFor(display, () -> map.idle() && map.rowIds().contains("grooming"), "a grooming row: " + map.rowIds());

            int row = map.rowIds().indexOf("grooming");
            assertEquals(label, heatmap.rows().get(row), "the row has the thesaurus' name");
            assertEquals(3, heatmap.count(row, Need.PRIVACY_SAFETY.ordinal()));
            assertEquals(3, heatmap.count(row, Need.RELATIONSHIPS.ordinal()));
            assertEquals(0, heatmap.count(row, Need.HEALTH.ordinal()));
            TestData.clickCell(heatmap, row, Need.PRIVACY_SAFETY.ordinal());
            assertEquals("fenomeen:grooming need:privacy_safety", opened.get().text(), "a click on the cell opens its notes");

            // The trend: 8 weeks, the newest ends on TODAY; 2 notes in it, 1 the week before.
            Table trend = Widgets.find(shell, "needs.trend", Table.class);
            waitFor(display, () -> item(trend, label) != null, "grooming in the trend");
            TableItem g = item(trend, label);
            assertEquals("0 0 0 0 0 0 1 2", g.getText(1), "notes per week, oldest first");
            assertEquals("\u2581\u2581\u2581\u2581\u2581\u2581\u2585\u2588", g.getText(2));
            assertEquals("3 / 0", g.getText(3), "the last 4 weeks against the 4 before");
            assertEquals("\u25b2 rises", g.getText(4), "0 -> 3 notes rises");
            assertTrue(Widgets.texts(shell).contains("Phenomena over the last 8 weeks (6 Oct to 30 Nov)"),
                    "the weeks are named: " + Widgets.texts(shell));
            assertEquals(List.of(), org.vindplaats.ui.LayoutCheck.clipped(shell), "nothing cut off at a part's size");

            // Enter on the row opens its notes in Trend notes.
            trend.setSelection(trend.indexOf(g));
            trend.notifyListeners(SWT.DefaultSelection, new Event());
            assertNotNull(opened.get());
            assertEquals("fenomeen:grooming", opened.get().text());
            assertEquals(LocalDate.of(2026, 10, 6), opened.get().from());
            assertEquals(TODAY, opened.get().to());

            // The platform filter offers the platforms of the notes; on Snapchat grooming is still there.
            String snapchat = catalog.platform("snapchat").map(org.vindplaats.model.Platform::name).orElse("snapchat");
            assertEquals(List.of("All platforms", snapchat), Arrays.asList(Widgets.find(shell, "needs.trendPlatform", Combo.class).getItems()));
            choose(Widgets.find(shell, "needs.trendPlatform", Combo.class), snapchat);
            assertNotNull(item(trend, label), "on Snapchat");
            trend.setSelection(trend.indexOf(item(trend, label)));
            trend.notifyListeners(SWT.DefaultSelection, new Event());
            assertEquals("fenomeen:grooming platform:snapchat", opened.get().text());
        } finally {
            shell.dispose();
            notes.close();
        }
    }
}
