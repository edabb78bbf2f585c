package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vindplaats.ui.tests.TestData.click;
import static org.vindplaats.ui.tests.TestData.flush;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vindplaats.model.Need;
import org.vindplaats.ui.parts.NoteEditorView;
import org.vindplaats.ui.parts.NoteEditorView.Leave;

/**
 * What the worker typed is never dropped without a question: the editor knows it holds unsaved
 * changes, tells its part (the '*' in the tab), and before it is cleared or refilled asks to save,
 * drop or stay; staying keeps every character.
 */
class UnsavedWorkTest extends WorkspaceFixture {

    private NoteEditorView editor;
    private NoteEditorWidgets form;
    private final List<Boolean> dirtyEvents = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        editor = new NoteEditorView(shell, catalog, notes, Locale.ENGLISH);
        editor.onDirtyChange(dirtyEvents::add);
        form = new NoteEditorWidgets(editor, shell);
        show();
    }

    private void answer(Leave choice) {
        editor.setLeaveQuestion(name -> {
            asked.add(name);
            return choice;
        });
    }

    @Test
    void aNewEmptyNoteIsNotUnsavedWorkAndLeavesWithoutAQuestion() {
        assertFalse(editor.isDirty());
        answer(Leave.CANCEL);
        assertTrue(editor.canLeave());
        assertTrue(asked.isEmpty(), "nothing to ask about");
    }

    @Test
    void typingMakesTheNoteDirtyAndCancelKeepsEveryCharacter() {
        form.title().setText("Nieuwe challenge op TikTok");
        form.body().setText("Jongeren filmen zichzelf bij een gevaarlijke stunt.");
        assertTrue(editor.isDirty());
        assertEquals(List.of(false, true), dirtyEvents);
        answer(Leave.CANCEL);
        assertFalse(editor.canLeave());
        assertEquals(List.of("Nieuwe challenge op TikTok"), asked);
        assertEquals("Jongeren filmen zichzelf bij een gevaarlijke stunt.", form.body().getText());
        assertTrue(editor.isDirty());
    }

    @Test
    void aTickedNeedIsUnsavedWorkTooAndUntickingItIsNot() {
        form.need(Need.HEALTH).setSelection(true);
        form.need(Need.HEALTH).notifyListeners(SWT.Selection, new Event());
        assertTrue(editor.isDirty());
        form.need(Need.HEALTH).setSelection(false);
        form.need(Need.HEALTH).notifyListeners(SWT.Selection, new Event());
        assertFalse(editor.isDirty(), "back as it was opened");
        assertEquals(List.of(false, true, false), dirtyEvents);
    }

    @Test
    void saveStoresTheNoteAndLeavesDontSaveDropsIt() throws Exception {
        form.title().setText("Groepschat");
        form.body().setText("Ruzie in een groepschat.");
        answer(Leave.SAVE);
        assertTrue(editor.canLeave());
        assertEquals(1, notes.store().orElseThrow().count());
        assertFalse(editor.isDirty(), "saved");
        assertEquals(false, dirtyEvents.get(dirtyEvents.size() - 1));

        form.body().setText("Ruzie in een groepschat, nu met een tweede zin.");
        answer(Leave.DISCARD);
        assertTrue(editor.canLeave());
        editor.newNote();
        assertEquals("", form.title().getText());
        assertEquals("Ruzie in een groepschat.",
                notes.store().orElseThrow().notes(p -> {
                }).findFirst().orElseThrow().body(), "the dropped change was never written");
    }

    @Test
    void saveThatFailsKeepsTheWorkerInTheForm() {
        form.body().setText("Tekst zonder titel.");
        answer(Leave.SAVE);
        assertFalse(editor.canLeave(), "a note without a title cannot be saved, so the worker stays");
        assertEquals("Tekst zonder titel.", form.body().getText());
        assertTrue(form.status().getText().length() > 0, "the form says why");
    }

    @Test
    void unsavedWorkBecomesADraftThatTheNextSessionOffersBack() throws Exception {
        Path draft = notes.workspace().orElseThrow().drafts().file();
        form.title().setText("Concepttest");
        form.body().setText("Nog niet opgeslagen, met het nummer 0470 12 34 56.");
        TestData.waitFor(display, () -> Files.exists(draft), "the draft the editor writes a few seconds after a change");
        assertFalse(Files.readString(draft).contains("0470"), "the draft is scrubbed like a note");
        shell.dispose(); // the session ends without saving (a crash, a power cut)

        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        NoteEditorView next = new NoteEditorView(shell, TestData.tiktokAndSnapchat(), notes, Locale.ENGLISH);
        NoteEditorWidgets nextForm = new NoteEditorWidgets(next, shell);
        shell.open();
        flush(display);
        assertTrue(nextForm.draft().getVisible(), "the draft is offered");
        assertEquals("", nextForm.title().getText(), "offered, not forced on the worker");
        click(nextForm.restoreDraft());
        assertFalse(nextForm.draft().getVisible(), "restored: no longer offered");
        assertEquals("Concepttest", nextForm.title().getText());
        assertTrue(nextForm.body().getText().contains("[telefoon]"), nextForm.body().getText());
        assertTrue(next.isDirty(), "restored work is unsaved work");
        assertTrue(next.save().isPresent());
        assertFalse(Files.exists(draft), "saved: the draft is gone");
        assertEquals(1, notes.store().orElseThrow().count());
    }

    @Test
    void aDroppedDraftIsGoneAndANewSessionOffersNothing() throws Exception {
        form.title().setText("Weg ermee");
        Path draft = notes.workspace().orElseThrow().drafts().file();
        TestData.waitFor(display, () -> Files.exists(draft), "the draft the editor writes a few seconds after a change");
        shell.dispose();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        NoteEditorWidgets next = anotherEditor();
        assertTrue(next.draft().getVisible(), "the draft is offered");
        click(next.dropDraft());
        assertFalse(next.draft().getVisible(), "dropped: no longer offered");
        assertFalse(Files.exists(draft));
        assertFalse(anotherEditor().draft().getVisible(), "nothing to offer any more");
    }

    /**
     * "Don't save" when quitting drops the draft too: tried by hand, Ctrl+Q, "Niet opslaan", and
     * the next start offered the dropped note back as if Vindplaats had crashed. A later change
     * is unsaved work again and gets its draft.
     */
    @Test
    void dontSaveDropsTheDraftAndTheNextSessionOffersNothing() throws Exception {
        Path draft = notes.workspace().orElseThrow().drafts().file();
        form.title().setText("Niet bewaren");
        form.body().setText("Een zin die de werker weggooit.");
        TestData.waitFor(display, () -> Files.exists(draft), "the draft the editor writes a few seconds after a change");
        form.body().setText("Een zin die de werker weggooit, en nog een."); // a draft is due again in a few seconds
        answer(Leave.DISCARD);
        assertTrue(editor.canLeave());
        assertFalse(Files.exists(draft), "dropped on purpose: the draft goes too");
        // The form is still open (the window closes next): the draft that was due must not be written.
        boolean[] waited = { false };
        display.timerExec(NoteEditorView.DRAFT_DELAY_MS + 1_000, () -> waited[0] = true);
        TestData.waitFor(display, () -> waited[0], "longer than the draft delay");
        assertFalse(Files.exists(draft), "no draft written again for the dropped changes");
        form.body().setText("Toch nog iets anders.");
        TestData.waitFor(display, () -> Files.exists(draft), "a later change is unsaved work again and gets its draft");
        assertTrue(editor.canLeave(), "dropped again");
        assertFalse(Files.exists(draft));
        shell.dispose();

        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        NoteEditorWidgets next = anotherEditor();
        assertFalse(next.draft().getVisible(), "nothing offered after 'don't save'");
    }

    /** A second Note editor in the current shell, as the next session (or another part) opens it. */
    private NoteEditorWidgets anotherEditor() {
        Composite part = new Composite(shell, SWT.NONE);
        return new NoteEditorWidgets(new NoteEditorView(part, TestData.tiktokAndSnapchat(), notes, Locale.ENGLISH), part);
    }
}
