package org.vindplaats.ui.tests;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.notes.StoredNote;
import org.vindplaats.ui.parts.NoteEditorView;

/**
 * The note editor as a test drives it: its widgets by name ({@link Widgets#find}) in the composite
 * the view was built in, and the last note it saved (told through {@link NoteEditorView#onSaved}).
 */
final class NoteEditorWidgets {

    private final Composite root;
    private StoredNote saved;

    /** The widgets of {@code view}, built in {@code root}. */
    NoteEditorWidgets(NoteEditorView view, Composite root) {
        this.root = root;
        view.onSaved(n -> saved = n);
    }

    /** The note the editor saved last, or null before it saved one. */
    StoredNote saved() {
        return saved;
    }

    private <T extends Control> T find(String name, Class<T> type) {
        return Widgets.find(root, name, type);
    }

    /** "New trend note", or "Trend note id (version n)" for the note the form edits. */
    Label heading() {
        return find("note.heading", Label.class);
    }

    Text title() {
        return find("note.title", Text.class);
    }

    Text body() {
        return find("note.body", Text.class);
    }

    Text source() {
        return find("note.source", Text.class);
    }

    /** The observed date as typed: 2026-10-31 or 31-10-2026. */
    Text observed() {
        return find("note.observed", Text.class);
    }

    /** Under the date field: why it cannot be saved; hidden while the date is fine. */
    Label observedProblem() {
        return find("note.observedProblem", Label.class);
    }

    Table platforms() {
        return find("note.platforms", Table.class);
    }

    Button need(Need n) {
        return find("note.need." + n.id(), Button.class);
    }

    Button affordance(Affordance a) {
        return find("note.affordance." + a.id(), Button.class);
    }

    /** The phenomena given, "none of these (confirmed)" or "not given yet". */
    Label phenomena() {
        return find("note.phenomena", Label.class);
    }

    Button noPhenomena() {
        return find("note.noPhenomena", Button.class);
    }

    Combo polarity() {
        return find("note.polarity", Combo.class);
    }

    Combo urgency() {
        return find("note.urgency", Combo.class);
    }

    /** The privacy banner, shown when personal data is found. */
    Composite privacy() {
        return find("note.privacy", Composite.class);
    }

    Label privacyText() {
        return find("note.privacyText", Label.class);
    }

    Button keepPii() {
        return find("note.keepPii", Button.class);
    }

    /** The banner for an urgent note. */
    Composite urgent() {
        return find("note.urgent", Composite.class);
    }

    Label urgentText() {
        return find("note.urgentText", Label.class);
    }

    Group suggestionsGroup() {
        return find("note.suggestions", Group.class);
    }

    Button suggestButton() {
        return find("note.suggest", Button.class);
    }

    /** Per suggestion an Accept button, then its line; or one line "No suggestions". */
    Composite suggestionRows() {
        return find("note.suggestionRows", Composite.class);
    }

    /** The suggestions' lines, "Family: name (n%): reason", in their order. */
    List<String> suggestionLines() {
        List<String> lines = new ArrayList<>();
        Control[] rows = suggestionRows().getChildren();
        for (int i = 0; i + 1 < rows.length; i += 2) {
            if (rows[i] instanceof Button) {
                lines.add(((Label) rows[i + 1]).getText());
            }
        }
        return lines;
    }

    /** The Accept button of suggestion {@code index} of {@link #suggestionLines()}. */
    Button accept(int index) {
        return (Button) suggestionRows().getChildren()[2 * index];
    }

    /** "Share with the knowledge centre". */
    Button share() {
        return find("note.share", Button.class);
    }

    /** Next to the share box: why it is not available, or what sharing does. */
    Label shareHint() {
        return find("note.shareHint", Label.class);
    }

    /** The banner offering a draft from an earlier session back. */
    Composite draft() {
        return find("note.draft", Composite.class);
    }

    Button restoreDraft() {
        return find("note.draftRestore", Button.class);
    }

    Button dropDraft() {
        return find("note.draftDrop", Button.class);
    }

    Button saveButton() {
        return find("note.save", Button.class);
    }

    Button newButton() {
        return find("note.new", Button.class);
    }

    Button reloadButton() {
        return find("note.reload", Button.class);
    }

    Label status() {
        return find("note.status", Label.class);
    }
}
