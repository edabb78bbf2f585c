package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vindplaats.ui.tests.TestData.click;
import static org.vindplaats.ui.tests.TestData.flush;
import static org.vindplaats.ui.tests.TestData.waitFor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.app.NoteSuggestions;
import org.vindplaats.app.PluginContributions;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.model.TrendNote.LabelFamily;
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

    private static List<Control> all(Composite parent) {
        List<Control> out = new ArrayList<>();
        for (Control c : parent.getChildren()) {
            out.add(c);
            if (c instanceof Composite cc) {
                out.addAll(all(cc));
            }
        }
        return out;
    }

    /** The phenomena row: the "None of these" button and the label before it. */
    private static Button noneButton(Shell shell) {
        return all(shell).stream().filter(c -> c instanceof Button b && b.getText().equals("None of these")).map(Button.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no None of these button"));
    }

    private static String phenomenaLine(Shell shell) {
        return ((Label) noneButton(shell).getParent().getChildren()[0]).getText();
    }

    @Test
    void phenomenaAreSuggestedAcceptedOrRuledOutAndKept() throws Exception {
        Catalog catalog = TestData.service(Catalog.class);
        var thesaurus = PluginContributions.thesaurus(catalog, p -> {
        });
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        shell.setSize(700, 900);
        shell.setLayout(new FillLayout());
        NotesWorkspace notes = NotesWorkspace.open(dir.resolve("ws"), catalog);
        try {
            NoteEditorView editor = new NoteEditorView(shell, catalog, notes, Locale.ENGLISH);
            editor.setSuggester(new NoteSuggestions(catalog, p -> {
            }));
            shell.open();
            flush(display);
            editor.newNote();
            assertEquals("not given yet: accept a suggestion", phenomenaLine(shell));
            editor.title().setText("Onbekende eist geld voor naaktfoto");
            editor.body().setText("Een jongen stuurde een naaktfoto naar een meisje dat hij online leerde kennen. Nu eist"
                    + " 'zij' 200 euro, anders gaat de foto naar al zijn volgers en zijn klas.");
            click(editor.suggestButton());
            waitFor(display, editor::suggestionsReady, "the suggestions");
            var suggestions = editor.suggestions();
            var phenomenon = suggestions.stream().filter(s -> s.family() == LabelFamily.PHENOMENA).findFirst()
                    .orElseThrow(() -> new AssertionError("a phenomenon is suggested: " + suggestions));
            assertTrue(phenomenon.explanation().startsWith("like the example"), phenomenon.explanation());
            String name = thesaurus.get(phenomenon.value()).orElseThrow().label().get(Locale.ENGLISH);

            // Its row: Accept, then "Phenomena: <name> (n%) - like the example ...".
            Control[] rows = editor.suggestionRows().getChildren();
            int i = suggestions.indexOf(phenomenon);
            String line = ((Label) rows[2 * i + 1]).getText();
            assertTrue(line.startsWith("Phenomena: " + name) && line.contains("%"), line);
            click((Button) rows[2 * i]);
            assertEquals(name, phenomenaLine(shell), "one click gives the phenomenon");
            click(editor.saveButton());
            assertEquals(List.of(phenomenon.value()), editor.base().note().phenomena());
            assertTrue(editor.base().note().isConfirmed(LabelFamily.PHENOMENA), "an accepted phenomenon is confirmed");

            // None of these: saved as confirmed without phenomena, and shown so after reopening.
            click(noneButton(shell));
            assertTrue(editor.isDirty(), "ruling them out is a change to save");
            click(editor.saveButton());
            assertEquals(List.of(), editor.base().note().phenomena());
            assertTrue(editor.base().note().isConfirmed(LabelFamily.PHENOMENA));
            String id = editor.base().id();
            editor.newNote();
            assertTrue(editor.open(id));
            assertEquals("none of these (confirmed)", phenomenaLine(shell));
            assertFalse(editor.isDirty());
            // An edit of the text keeps the worker's "none".
            editor.body().setText(editor.body().getText() + " Ze durft het niemand te vertellen.");
            click(editor.saveButton());
            assertTrue(editor.base().note().isConfirmed(LabelFamily.PHENOMENA) && editor.base().note().phenomena().isEmpty());
        } finally {
            shell.dispose();
            notes.close();
        }
    }
}
