package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.app.NoteSuggestions;
import org.vindplaats.app.SignalInbox;
import org.vindplaats.catalog.PluginRegistry;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.model.Urgency;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.notes.NotesWorkspace;
import org.vindplaats.ui.parts.InboxView;

/**
 * The signal inbox part on imported notes: the most urgent first, ticked notes confirmed in bulk
 * with the keyboard's button, Enter opens a note to correct it; confirmed notes leave the inbox.
 */
class InboxViewTest {

    @TempDir
    Path dir;

    private Display display;
    private Shell shell;
    private NotesWorkspace notes;
    private PluginRegistry catalog;

    @BeforeEach
    void open() throws Exception {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(1366, 700);
        shell.setLayout(new FillLayout());
        catalog = TestData.tiktokAndSnapchat();
        notes = NotesWorkspace.open(dir.resolve("ws"), TestData.notes(catalog));
        NoteStore store = notes.store().orElseThrow();
        store.save(note("n-1", "Dansvideo's voor de talentenjacht",
                "Jongeren oefenen dansjes op TikTok en willen meedoen aan de talentenjacht van het jeugdhuis.", 2), 0);
        store.save(note("n-2", "Volwassene vraagt naaktfoto's",
                "Een meisje van 14 vertelt dat een volwassen man haar 's nachts op Snapchat om naaktfoto's vraagt en dreigt.", 20), 0);
        store.save(note("n-3", "Pesten in de klasgroep",
                "Een jongen wordt in de klasgroep op WhatsApp steeds uitgelachen en buitengesloten.", 5), 0);
    }

    private static TrendNote note(String id, String title, String body, int daysAgo) {
        return NoteBuilder.create(id).title(title).body(body).language("nl").observed(LocalDate.now().minusDays(daysAgo)).build();
    }

    @AfterEach
    void close() throws Exception {
        shell.dispose();
        notes.close();
    }

    @Test
    void tickAndConfirmInBulkMostUrgentFirstEnterOpensToCorrect() throws Exception {
        Composite parent = new Composite(shell, SWT.NONE);
        InboxView view = new InboxView(parent, notes, m -> NoteSuggestions.train(catalog, p -> {
        }, List.of(), m), Locale.ENGLISH);
        Table table = Widgets.find(parent, "inbox.table", Table.class);
        List<String> opened = new ArrayList<>();
        view.onOpen(opened::add);
        shell.open();
        TestData.waitFor(display, () -> view.isSettled() && table.getItemCount() == 3, "three waiting notes");
        assertTrue(table.getItem(0).getText(0).startsWith(Urgency.IMMEDIATE.label().get(Locale.ENGLISH)),
                "most urgent first: " + table.getItem(0).getText(0));
        assertEquals("Volwassene vraagt naaktfoto's", table.getItem(0).getText(2));
        assertTrue(table.getItem(0).getText(3).endsWith(" ?"), "suggested needs are marked");

        // Enter on the chosen row opens it for correction.
        table.setFocus();
        table.setSelection(0);
        table.notifyListeners(SWT.DefaultSelection, new Event());
        assertEquals(List.of("n-2"), opened);

        // Tick two (Space in the table) and confirm them with the button (Alt+C).
        table.getItem(0).setChecked(true);
        table.getItem(1).setChecked(true);
        String left = table.getItem(2).getText(2);
        TestData.click(Widgets.find(parent, "inbox.confirm", Button.class));
        TestData.waitFor(display, () -> view.isSettled() && table.getItemCount() == 1, "one note left");
        NoteStore store = notes.store().orElseThrow();
        TrendNote urgent = store.get("n-2").orElseThrow().note();
        assertEquals(Urgency.IMMEDIATE, urgent.urgency());
        assertTrue(urgent.isConfirmed(LabelFamily.NEEDS) && urgent.isConfirmed(LabelFamily.URGENCY), urgent.confirmed().toString());
        assertTrue(!urgent.needs().isEmpty());
        assertEquals(left, table.getItem(0).getText(2), "the unticked note still waits");
        long waiting = store.notes(p -> {
        }).filter(SignalInbox::isPending).count();
        assertEquals(1, waiting);
        TestData.flush(display);
    }

    /**
     * Confirmed notes leave the list at once, while the list is read again (which suggests every
     * waiting note anew and takes seconds in a large workspace): here the second reading is held
     * until the test lets it go.
     */
    @Test
    void confirmedNotesLeaveTheListBeforeItIsReadAgain() throws Exception {
        Composite parent = new Composite(shell, SWT.NONE);
        java.util.concurrent.atomic.AtomicInteger readings = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        InboxView view = new InboxView(parent, notes, m -> {
            if (readings.incrementAndGet() > 1) {
                try {
                    release.await(20, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return NoteSuggestions.train(catalog, p -> {
            }, List.of(), m);
        }, Locale.ENGLISH);
        Table table = Widgets.find(parent, "inbox.table", Table.class);
        shell.open();
        TestData.waitFor(display, () -> view.isSettled() && table.getItemCount() == 3, "three waiting notes");
        String confirmed = table.getItem(0).getText(2);
        table.setSelection(0);
        TestData.click(Widgets.find(parent, "inbox.confirm", Button.class));
        try {
            TestData.waitFor(display, () -> readings.get() > 1 && table.getItemCount() == 2,
                    "the confirmed note gone while the list is read again");
            assertFalse(view.isSettled(), "still reading the list again");
            assertFalse(java.util.Arrays.stream(table.getItems()).anyMatch(i -> i.getText(2).equals(confirmed)), confirmed);
        } finally {
            release.countDown();
        }
        TestData.waitFor(display, () -> view.isSettled() && table.getItemCount() == 2, "read again: two notes wait");
        TestData.flush(display);
    }

    @Test
    void anEmptyInboxSaysSo() throws Exception {
        NoteStore store = notes.store().orElseThrow();
        for (String id : List.of("n-1", "n-2", "n-3")) {
            var stored = store.get(id).orElseThrow();
            store.update(stored, NoteBuilder.from(stored.note()).needs(java.util.Set.of(org.vindplaats.model.Need.HEALTH))
                    .urgency(Urgency.INFO).confirm(LabelFamily.NEEDS).confirm(LabelFamily.URGENCY).build());
        }
        Composite parent = new Composite(shell, SWT.NONE);
        InboxView view = new InboxView(parent, notes, m -> NoteSuggestions.train(catalog, p -> {
        }, List.of(), m), Locale.ENGLISH);
        shell.open();
        TestData.waitFor(display, view::isSettled, "the inbox read");
        assertEquals(0, Widgets.find(parent, "inbox.table", Table.class).getItemCount());
        assertTrue(!Widgets.find(parent, "inbox.confirm", Button.class).isEnabled());
        assertTrue(shellText(parent).contains(Messages.Inbox_empty), shellText(parent));
    }

    @Test
    void theNeedsMapCountsSuggestionsSeparatelyOnlyWhenAskedTo() throws Exception {
        Composite parent = new Composite(shell, SWT.NONE);
        org.vindplaats.ui.parts.NeedsMapView map = new org.vindplaats.ui.parts.NeedsMapView(parent, catalog, notes, Locale.ENGLISH);
        map.setSuggesters(m -> NoteSuggestions.train(catalog, p -> {
        }, List.of(), m));
        org.vindplaats.ui.widgets.Heatmap heatmap = Widgets.find(parent, "needs.map", org.vindplaats.ui.widgets.Heatmap.class);
        shell.open();
        TestData.waitFor(display, map::idle, "the map counted");
        int confirmed = 0;
        for (int r = 0; r < heatmap.rows().size(); r++) {
            for (int c = 0; c < heatmap.columns().size(); c++) {
                confirmed += heatmap.count(r, c) + heatmap.extra(r, c);
            }
        }
        assertEquals(0, confirmed, "nobody confirmed anything: nothing is counted by default");

        TestData.choose(Widgets.find(parent, "needs.counting", org.eclipse.swt.widgets.Combo.class), Messages.Map_withSuggested);
        TestData.waitFor(display, () -> map.idle() && !heatmap.rows().isEmpty(), "the map counted suggestions");
        int counts = 0;
        int extras = 0;
        for (int r = 0; r < heatmap.rows().size(); r++) {
            for (int c = 0; c < heatmap.columns().size(); c++) {
                counts += heatmap.count(r, c);
                extras += heatmap.extra(r, c);
            }
        }
        assertEquals(0, counts, "suggestions never count as confirmed");
        assertTrue(extras > 0, "suggested needs are shown as +n");
        assertTrue(heatmap.describe().stream().anyMatch(l -> l.contains("+")), heatmap.describe().toString());
        assertTrue(Widgets.find(parent, "needs.status", org.eclipse.swt.widgets.Label.class).getText().contains(org.eclipse.osgi.util.NLS.bind(Messages.Map_suggestedCounted, 3))
                || Widgets.find(parent, "needs.status", org.eclipse.swt.widgets.Label.class).getText().contains("+n"), Widgets.find(parent, "needs.status", org.eclipse.swt.widgets.Label.class).getText());
    }

    private static String shellText(Composite c) {
        StringBuilder sb = new StringBuilder();
        for (var child : c.getChildren()) {
            if (child instanceof org.eclipse.swt.widgets.Label l) {
                sb.append(l.getText()).append('\n');
            } else if (child instanceof Composite cc) {
                sb.append(shellText(cc));
            }
        }
        return sb.toString();
    }
}
