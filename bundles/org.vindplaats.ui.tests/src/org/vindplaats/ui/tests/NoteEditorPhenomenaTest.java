package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vindplaats.ui.tests.TestData.click;
import static org.vindplaats.ui.tests.TestData.flush;
import static org.vindplaats.ui.tests.TestData.waitFor;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.app.NoteSuggestions;
import org.vindplaats.app.PluginContributions;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.model.Phenomenon;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.testing.Services;
import org.vindplaats.ui.notes.NotesWorkspace;
import org.vindplaats.ui.parts.NoteEditorView;

/**
 * The Note editor with the shipped knowledge centre's thesaurus: phenomena are suggested with a
 * confidence and the example they resemble, one click accepts one, "None of these" says none
 * applies; saving keeps the worker's word, and reopening the note shows it.
 */
class NoteEditorPhenomenaTest {

    @TempDir
    Path dir;

    @Test
    void phenomenaAreSuggestedAcceptedOrRuledOutAndKept() throws Exception {
        Catalog catalog = Services.await(Catalog.class);
        var thesaurus = PluginContributions.thesaurus(catalog, p -> {
        });
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        shell.setSize(700, 900);
        shell.setLayout(new FillLayout());
        NotesWorkspace notes = NotesWorkspace.open(dir.resolve("ws"), TestData.notes(catalog));
        try {
            NoteEditorView editor = new NoteEditorView(shell, catalog, notes, Locale.ENGLISH);
            NoteEditorWidgets form = new NoteEditorWidgets(editor, shell);
            editor.setSuggester(new NoteSuggestions(catalog, p -> {
            }));
            shell.open();
            flush(display);
            editor.newNote();
            assertEquals("not given yet: accept a suggestion", form.phenomena().getText());
            form.title().setText("Onbekende eist geld voor naaktfoto");
            form.body().setText("Een jongen stuurde een naaktfoto naar een meisje dat hij online leerde kennen. Nu eist"
                    + " 'zij' 200 euro, anders gaat de foto naar al zijn volgers en zijn klas.");
            click(form.suggestButton());
            waitFor(display, editor::suggestionsReady, "the suggestions");
            List<String> lines = form.suggestionLines();
            int i = IntStream.range(0, lines.size()).filter(n -> lines.get(n).startsWith("Phenomena: ")).findFirst()
                    .orElseThrow(() -> new AssertionError("a phenomenon is suggested: " + lines));

            // Its row: Accept, then "Phenomena: <name> (n%): like the example ...".
            String line = lines.get(i);
            List<Phenomenon> named = thesaurus.all().stream()
                    .filter(p -> line.startsWith("Phenomena: " + p.label().get(Locale.ENGLISH) + " (")).toList();
            assertEquals(1, named.size(), "one phenomenon of the thesaurus by its name: " + line);
            Phenomenon phenomenon = named.get(0);
            String name = phenomenon.label().get(Locale.ENGLISH);
            assertTrue(line.matches("(?s)Phenomena: \\Q" + name + "\\E \\(\\d+%\\): like the example.*"), line);
            click(form.accept(i));
            assertEquals(name, form.phenomena().getText(), "one click gives the phenomenon");
            click(form.saveButton());
            assertEquals(List.of(phenomenon.id()), form.saved().note().phenomena());
            assertTrue(form.saved().note().isConfirmed(LabelFamily.PHENOMENA), "an accepted phenomenon is confirmed");

            // None of these: saved as confirmed without phenomena, and shown so after reopening.
            click(form.noPhenomena());
            assertTrue(editor.isDirty(), "ruling them out is a change to save");
            click(form.saveButton());
            assertEquals(List.of(), form.saved().note().phenomena());
            assertTrue(form.saved().note().isConfirmed(LabelFamily.PHENOMENA));
            String id = form.saved().id();
            editor.newNote();
            assertTrue(editor.open(id));
            assertEquals("none of these (confirmed)", form.phenomena().getText());
            assertFalse(editor.isDirty());
            // An edit of the text keeps the worker's "none".
            form.body().setText(form.body().getText() + " Ze durft het niemand te vertellen.");
            click(form.saveButton());
            assertTrue(form.saved().note().isConfirmed(LabelFamily.PHENOMENA) && form.saved().note().phenomena().isEmpty());
        } finally {
            shell.dispose();
            notes.close();
        }
    }

    /**
     * The models learn (seconds, the first time) while the worker writes, not after they ask:
     * once the editor holds a change, asking for the labels trains nothing, where a suggester
     * nobody prepared does.
     */
    @Test
    void theSuggestionsAreTrainedWhileTheWorkerWrites() throws Exception {
        Catalog catalog = Services.await(Catalog.class);
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        shell.setSize(700, 900);
        shell.setLayout(new FillLayout());
        NotesWorkspace notes = NotesWorkspace.open(dir.resolve("ws"), TestData.notes(catalog));
        try (NoteSuggestions prepared = new NoteSuggestions(catalog, p -> {
        }); NoteSuggestions unprepared = new NoteSuggestions(catalog, p -> {
        })) {
            var store = notes.store().orElseThrow();
            NoteEditorView editor = new NoteEditorView(shell, catalog, notes, Locale.ENGLISH);
            NoteEditorWidgets form = new NoteEditorWidgets(editor, shell);
            editor.setSuggester(prepared);
            shell.open();
            flush(display);
            editor.newNote();
            form.title().setText("Geld voor je bankpas");
            assertTrue(editor.isDirty());
            org.eclipse.core.runtime.jobs.Job.getJobManager().join(
                    org.vindplaats.ui.parts.noteeditor.SuggestionsSection.PREPARING, null);

            List<String> tasks = new java.util.concurrent.CopyOnWriteArrayList<>();
            var watching = new org.eclipse.core.runtime.NullProgressMonitor() {
                @Override
                public void beginTask(String name, int totalWork) {
                    tasks.add(name);
                }
            };
            unprepared.labels(store, watching);
            assertFalse(tasks.isEmpty(), "a suggester nobody prepared trains when asked");
            tasks.clear();
            prepared.labels(store, watching);
            assertEquals(List.of(), tasks, "prepared while the worker wrote: nothing left to train");
        } finally {
            shell.dispose();
            notes.close();
        }
    }
}
