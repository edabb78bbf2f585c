package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vindplaats.ui.tests.TestData.flush;
import static org.vindplaats.ui.tests.TestData.waitFor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.catalog.PluginRegistry;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.StoredNote;
import org.vindplaats.ui.notes.NotesWorkspace;
import org.vindplaats.ui.parts.NoteEditorView;
import org.vindplaats.ui.parts.TrendNotesView;

/**
 * Really types and clicks: the events go through the X server (Display.post, XTest under Xvfb)
 * and come back as a user's would, so focus, traversal, key bindings and default selection are
 * exercised the way GTK delivers them, not by calling listeners directly. Only lower-case letters,
 * digits, spaces and '-' are typed: they need no Shift on the US layout Xvfb starts with.
 */
class KeyboardTest {

    /** Generous: events go through the X server and the machine may be busy; never a timing assertion. */
    private static final long TIMEOUT_MS = 30_000;

    @TempDir
    Path dir;

    private Display display;
    private Shell shell;
    private PluginRegistry catalog;
    private NotesWorkspace notes;

    @BeforeEach
    void open() throws Exception {
        TestData.clearSettings();
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(1200, 900);
        shell.setLayout(new FillLayout());
        catalog = TestData.tiktokAndSnapchat();
        notes = NotesWorkspace.open(dir.resolve("ws"), TestData.notes(catalog));
        assertEquals(null, notes.problem());
    }

    @AfterEach
    void close() throws Exception {
        shell.dispose();
        flush(display);
        notes.close();
        TestData.clearSettings();
    }

    @Test
    void tabReachesEveryControlOfTheTrendNotesPart() throws Exception {
        save("a", "Roddelaccount", "Een roddelaccount over de klas.");
        Composite part = part();
        TrendNotesView view = new TrendNotesView(part, catalog, notes, Locale.ENGLISH);
        TrendNotesWidgets ui = new TrendNotesWidgets(part);
        showAndActivate(ui.search());
        waitFor(display, () -> view.idle() && ui.table().getItemCount() > 0, "the first search");
        assertAllReachedByTab(ui.search());
    }

    @Test
    void tabReachesEveryControlOfTheNoteEditor() throws Exception {
        NoteEditorWidgets editor = editor();
        showAndActivate(editor.title());
        assertAllReachedByTab(editor.title());
    }

    @Test
    void typingAQueryAndEnterShowsTheHits() throws Exception {
        save("roddel", "Roddelaccount over de klas", "Een leerling vertelt over een roddelaccount.");
        save("dans", "Dansje", "Een nieuwe dans, veel creativiteit.");
        Composite part = part();
        TrendNotesView view = new TrendNotesView(part, catalog, notes, Locale.ENGLISH);
        TrendNotesWidgets ui = new TrendNotesWidgets(part);
        waitFor(display, () -> view.idle() && ui.table().getItemCount() == 2, "both notes in the first search");
        showAndActivate(ui.table());

        // A real click puts the caret in the search box; nothing has given it the focus before.
        assertFalse(display.getFocusControl() == ui.search(), "the search box must not have the focus before the click");
        click(ui.search());
        await(() -> display.getFocusControl() == ui.search(), "the search box to get the focus from the click");
        type("roddelaccount", ui.search());
        key(SWT.CR, '\r');
        await(() -> view.idle() && ui.table().getItemCount() == 1, "one hit after Enter (table: "
                + ui.table().getItemCount() + " rows, status: " + ui.status().getText() + ")");
        assertEquals("roddelaccount", ui.search().getText());
        assertTrue(ui.table().getItem(0).getText(0).contains("Roddelaccount")
                || String.join(" ", texts(ui.table().getItem(0))).contains("Roddelaccount"),
                String.join(" | ", texts(ui.table().getItem(0))));
    }

    @Test
    void writingWithTheKeyboardAndCtrlSSavesWithThePhoneNumberReplaced() throws Exception {
        NoteEditorWidgets editor = editor();
        showAndActivate(editor.title());
        type("roddelaccount in de klas", editor.title());
        key(SWT.TAB, '\t');
        await(() -> display.getFocusControl() == editor.body(), "Tab to move from the title to the body");
        type("bel hem op 0470 12 34 56 na school", editor.body());
        await(() -> editor.privacy().getVisible(), "the privacy warning for the phone number");
        assertTrue(editor.privacyText().getText().contains("[telefoon]"), editor.privacyText().getText());
        assertNotNull(display.getFocusControl());
        chord(SWT.CTRL, 0, 's');
        await(() -> editor.saved() != null, "the note to be saved by Ctrl+S (status: " + editor.status().getText() + ")");

        StoredNote saved = editor.saved();
        String file = Files.readString(saved.file(), StandardCharsets.UTF_8);
        assertTrue(file.contains("roddelaccount in de klas"), file);
        assertTrue(file.contains("bel hem op [telefoon] na school"), file);
        assertFalse(file.contains("0470 12 34 56"), file);
        assertTrue(editor.status().getText().contains("[telefoon]"), editor.status().getText());
    }

    @Test
    void theObservedDateTypedWithTheKeyboardIsTheSavedNotesDate() throws Exception {
        NoteEditorWidgets editor = editor();
        showAndActivate(editor.title());
        type("dansje op het plein", editor.title());
        // The date comes right after the observation (date, urgency and source are grouped under it).
        editor.body().setFocus();
        await(() -> display.getFocusControl() == editor.body(), "the focus on the observation");
        key(SWT.TAB, '\t');
        await(() -> display.getFocusControl() == editor.observed(), "Tab to move from the observation to the observed date");

        // Replace today's date key by key; half a date is pointed out at the field.
        key(SWT.END, '\0');
        for (int i = editor.observed().getText().length(); i > 0; i--) {
            key(SWT.BS, '\b');
        }
        await(() -> editor.observed().getText().isEmpty(), "the date field to be emptied with Backspace");
        type("15-10-20", editor.observed());
        await(() -> editor.observedProblem().getVisible(), "the problem under the half-typed date");
        assertEquals("Observed on: \"15-10-20\" is not a date. Write the day you saw it as 2026-10-31 or 31-10-2026.",
                editor.observedProblem().getText());

        // Ctrl+S from another field refuses, says why and puts the focus on the date to fix it.
        key(SWT.TAB, '\t');
        await(() -> display.getFocusControl() == editor.urgency(), "Tab on to the urgency");
        chord(SWT.CTRL, 0, 's');
        await(() -> display.getFocusControl() == editor.observed(), "the focus on the date after a refused save (status: "
                + editor.status().getText() + ")");
        assertEquals("Not saved: " + editor.observedProblem().getText(), editor.status().getText());
        assertEquals(0, notes.store().orElseThrow().count());

        key(SWT.END, '\0');
        type("26", editor.observed());
        await(() -> !editor.observedProblem().getVisible(), "the problem to go once the date is whole");
        chord(SWT.CTRL, 0, 's');
        await(() -> editor.saved() != null, "the note to be saved by Ctrl+S (status: " + editor.status().getText() + ")");

        StoredNote saved = notes.store().orElseThrow().get(editor.saved().id()).orElseThrow();
        assertEquals(LocalDate.of(2026, 10, 15), saved.note().observed());
        assertEquals("dansje op het plein", saved.note().title());
        String file = Files.readString(saved.file(), StandardCharsets.UTF_8);
        assertTrue(file.contains("2026-10-15"), file);
    }

    /** A note editor in a part, to drive by its widgets. */
    private NoteEditorWidgets editor() {
        Composite part = part();
        return new NoteEditorWidgets(new NoteEditorView(part, catalog, notes, Locale.ENGLISH), part);
    }

    /** A part's parent, as the workbench gives it. */
    private Composite part() {
        return new Composite(shell, SWT.NONE);
    }

    // --- posting real events -------------------------------------------------------------

    private void save(String id, String title, String body) throws Exception {
        NoteStore store = notes.store().orElseThrow();
        store.save(NoteBuilder.create(id).title(title).body(body).platforms(List.of("tiktok"))
                .observed(LocalDate.of(2026, 11, 1)).build(), NoteStore.NEW);
    }

    /** Opens the shell, makes it the X input focus (no window manager under Xvfb) and focuses {@code c}. */
    private void showAndActivate(Control c) {
        shell.layout(true, true);
        shell.open();
        shell.forceActive();
        await(() -> {
            shell.forceActive();
            return display.getActiveShell() == shell;
        }, "the test window to become active");
        if (c != null) {
            c.setFocus();
            await(() -> display.getFocusControl() == c, "the focus on " + describe(c));
        }
        flush(display);
    }

    private void post(Event e) {
        assertTrue(display.post(e), "Display.post refused " + e + " (does the X server have the XTest extension?)");
    }

    private void key(int keyCode, char character) {
        Event down = new Event();
        down.type = SWT.KeyDown;
        down.keyCode = keyCode;
        down.character = character;
        post(down);
        Event up = new Event();
        up.type = SWT.KeyUp;
        up.keyCode = keyCode;
        up.character = character;
        post(up);
        settle();
    }

    /** Presses {@code keyCode}/{@code character} while holding the modifier key {@code modifier} (e.g. SWT.CTRL). */
    private void chord(int modifier, int keyCode, char character) {
        Event e = new Event();
        e.type = SWT.KeyDown;
        e.keyCode = modifier;
        post(e);
        for (int type : new int[] { SWT.KeyDown, SWT.KeyUp }) {
            e = new Event();
            e.type = type;
            e.keyCode = keyCode;
            e.character = character;
            post(e);
        }
        e = new Event();
        e.type = SWT.KeyUp;
        e.keyCode = modifier;
        post(e);
        settle();
    }

    /** Types {@code text} key by key and waits until {@code into} shows it after what it showed. */
    private void type(String text, Text into) {
        String before = into.getText();
        for (char ch : text.toCharArray()) {
            Event down = new Event();
            down.type = SWT.KeyDown;
            down.character = ch;
            post(down);
            Event up = new Event();
            up.type = SWT.KeyUp;
            up.character = ch;
            post(up);
            settle();
        }
        await(() -> into.getText().equals(before + text), "'" + text + "' to be typed into " + describe(into)
                + " (it shows '" + into.getText() + "')");
    }

    /** Moves the pointer to the middle of {@code c} and presses and releases the first button. */
    private void click(Control c) {
        Point size = c.getSize();
        Point at = c.toDisplay(size.x / 2, size.y / 2);
        Event move = new Event();
        move.type = SWT.MouseMove;
        move.x = at.x;
        move.y = at.y;
        post(move);
        settle();
        Event down = new Event();
        down.type = SWT.MouseDown;
        down.button = 1;
        post(down);
        Event up = new Event();
        up.type = SWT.MouseUp;
        up.button = 1;
        post(up);
        settle();
    }

    /** Lets the posted events come back from the X server and be dispatched. */
    private void settle() {
        display.syncExec(() -> {
        });
        flush(display);
    }

    private void await(BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + TIMEOUT_MS / 1000 + " s waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> {
                });
                display.sleep();
            }
        }
        flush(display);
    }

    // --- keyboard reachability ------------------------------------------------------------

    /** How long a Tab may take to move the focus before the control counts as keeping it. */
    private static final long TAB_WAIT_MS = 10_000;

    /**
     * Presses Tab from {@code start} until the focus comes back to it, then Shift+Tab from
     * {@code start} the other way round, and checks that every control a user can operate was
     * reached. A control counts as reached when the focus was on it or inside it. Of a group of
     * radio buttons only the chosen one takes part in Tab (the arrow keys move within the group).
     * A control that keeps the focus on Tab or Shift+Tab fails the test.
     */
    private void assertAllReachedByTab(Control start) {
        List<Control> wanted = new ArrayList<>();
        collectInteractive(shell, wanted);
        assertTrue(wanted.size() > 3, "too few controls found: " + wanted);
        Set<Control> reached = new LinkedHashSet<>();
        reached.add(start);
        walk(start, false, wanted.size() * 3 + 10, reached);
        start.setFocus();
        await(() -> display.getFocusControl() == start, "the focus back on " + describe(start));
        walk(start, true, wanted.size() * 3 + 10, reached);
        List<String> missing = new ArrayList<>();
        for (Control c : wanted) {
            if (reached.stream().noneMatch(r -> r == c || isInside(r, c))) {
                missing.add(describe(c));
            }
        }
        assertTrue(missing.isEmpty(), "not reachable with Tab or Shift+Tab: " + missing + "; reached: " + describeAll(reached));
    }

    /** Tabs (or Shift+Tabs) from {@code start} until the focus is back there or stays put. */
    private void walk(Control start, boolean backwards, int limit, Set<Control> reached) {
        for (int i = 0; i < limit; i++) {
            Control before = display.getFocusControl();
            if (backwards) {
                chord(SWT.SHIFT, SWT.TAB, '\t');
            } else {
                key(SWT.TAB, '\t');
            }
            long deadline = System.currentTimeMillis() + TAB_WAIT_MS;
            while (display.getFocusControl() == before && System.currentTimeMillis() < deadline) {
                if (!display.readAndDispatch()) {
                    display.timerExec(20, () -> {
                    });
                    display.sleep();
                }
            }
            Control now = display.getFocusControl();
            // Any control that keeps the focus is a keyboard trap, whatever its kind.
            assertFalse(now == before, (backwards ? "Shift+Tab" : "Tab") + " does not leave " + describe(before)
                    + " (reached so far: " + describeAll(reached) + ")");
            if (now == start) {
                return;
            }
            reached.add(now);
        }
    }

    private static boolean isInside(Control c, Control ancestor) {
        for (Control p = c; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static void collectInteractive(Control c, List<Control> out) {
        if (!c.isVisible() || !c.isEnabled()) {
            return;
        }
        boolean interactive = c instanceof Text || c instanceof Combo || c instanceof Table || c instanceof Tree
                || c instanceof StyledText || c instanceof DateTime || c instanceof Spinner || c instanceof Link
                || c instanceof Button b && ((b.getStyle() & SWT.RADIO) == 0 || b.getSelection());
        if (interactive) {
            out.add(c);
            return;
        }
        if (c instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collectInteractive(child, out);
            }
        }
    }

    private static String describe(Control c) {
        if (c == null) {
            return "nothing";
        }
        String text = c instanceof Button b ? b.getText() : c instanceof Text t ? t.getMessage() : "";
        String tip = c.getToolTipText();
        String what = text == null || text.isEmpty() ? (tip == null ? "" : tip) : text;
        if (what.isEmpty() && c instanceof Composite composite) {
            // Say which composite: its children and where it sits.
            List<String> kids = new ArrayList<>();
            for (Control k : composite.getChildren()) {
                kids.add(k.getClass().getSimpleName() + (k.isVisible() ? "" : "(hidden)"));
            }
            what = "children " + kids + " in " + (c.getParent() == null ? "-" : c.getParent().getClass().getSimpleName());
        }
        return c.getClass().getSimpleName() + "[" + what + "]";
    }

    private static String describeAll(Set<Control> cs) {
        return cs.stream().map(KeyboardTest::describe).toList().toString();
    }

    private static List<String> texts(org.eclipse.swt.widgets.TableItem item) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(1, item.getParent().getColumnCount()); i++) {
            out.add(item.getText(i));
        }
        return out;
    }
}
