package org.vindplaats.ui.tests;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.vindplaats.ui.parts.TrendNotesView;

/**
 * The Trend notes part as a test drives it: the widgets of a {@link TrendNotesView} by name
 * ({@link Widgets#find}) in the composite the view was built in.
 */
final class TrendNotesWidgets {

    private final Composite root;

    /** The widgets of the view built in {@code root}. */
    TrendNotesWidgets(Composite root) {
        this.root = root;
    }

    private <T extends Control> T find(String name, Class<T> type) {
        return Widgets.find(root, name, type);
    }

    /** The search box: typing searches after a short pause, Enter at once. */
    Text search() {
        return find("notes.search", Text.class);
    }

    /** Puts {@code text} in the search box and presses Enter: a search starts at once. */
    void searchNow(String text) {
        search().setText(text);
        search().notifyListeners(SWT.DefaultSelection, new Event());
    }

    /** Where to search: this workspace, or (connected to a hub) the team's notes. */
    Combo scope() {
        return find("notes.scope", Combo.class);
    }

    /** In the shared collection: one team's notes, or all; hidden in the other scopes. */
    Combo team() {
        return find("notes.team", Combo.class);
    }

    Combo sort() {
        return find("notes.sort", Combo.class);
    }

    /** The filter of a facet (NoteQuery.PLATFORM, NoteQuery.MONTH, ...): "(all)", then "value (count)". */
    Combo facet(String field) {
        return find("notes.facet." + field, Combo.class);
    }

    Text from() {
        return find("notes.from", Text.class);
    }

    Text to() {
        return find("notes.to", Text.class);
    }

    Button reset() {
        return find("notes.reset", Button.class);
    }

    /** The hits: title, observed, platforms, needs, urgency. */
    Table table() {
        return find("notes.table", Table.class);
    }

    /** The titles of the hits shown, top to bottom. */
    List<String> titles() {
        List<String> t = new ArrayList<>();
        for (TableItem item : table().getItems()) {
            t.add(item.getText(0));
        }
        return t;
    }

    /** The selected hit's title and text, the found words in bold. */
    StyledText preview() {
        return find("notes.preview", StyledText.class);
    }

    Button open() {
        return find("notes.open", Button.class);
    }

    /** "More like this": the notes most like the selected one. */
    Button similar() {
        return find("notes.similar", Button.class);
    }

    /** Under the list: how many were found, or what went wrong. */
    Label status() {
        return find("notes.status", Label.class);
    }

    /** The workspace folder shown at the top. */
    Label workspace() {
        return find("notes.workspace", Label.class);
    }

    /** What the last import did; empty while one runs. */
    Label importReport() {
        return find("notes.importReport", Label.class);
    }
}
