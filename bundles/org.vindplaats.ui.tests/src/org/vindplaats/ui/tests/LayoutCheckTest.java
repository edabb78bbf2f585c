package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vindplaats.ui.tests.TestData.flush;

import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vindplaats.ui.LayoutCheck;

/** The check the product runs on every part at laptop sizes finds cut-off text and scroll bars, and only those. */
class LayoutCheckTest {

    private Display display;
    private Shell shell;

    @BeforeEach
    void open() {
        display = Display.getDefault();
        shell = new Shell(display);
        GridLayoutFactory.fillDefaults().applyTo(shell);
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    @Test
    void aLabelOrButtonNarrowerThanItsTextIsReported() {
        Label label = new Label(shell, SWT.NONE);
        label.setText("Gebruiksmogelijkheid en nog een flink stuk tekst");
        GridDataFactory.swtDefaults().hint(60, SWT.DEFAULT).applyTo(label);
        Button keep = new Button(shell, SWT.CHECK);
        keep.setText("Persoonsgegevens bewust bewaren");
        GridDataFactory.swtDefaults().hint(50, SWT.DEFAULT).applyTo(keep);
        Label wrapping = new Label(shell, SWT.WRAP);
        wrapping.setText("Een lange uitleg die mag afbreken over meerdere regels, zoals elke uitleg");
        GridDataFactory.fillDefaults().hint(60, SWT.DEFAULT).applyTo(wrapping);
        shell.setSize(400, 300);
        shell.open();
        flush(display);
        List<String> found = LayoutCheck.clipped(shell);
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("Label \"Gebruiksmogelijkheid en nog een flink stuk tekst\": text needs "), found.get(0));
        assertTrue(found.get(1).startsWith("Button \"Persoonsgegevens bewust bewaren\""), found.get(1));
    }

    @Test
    void aTableWhoseColumnsNeedAScrollBarIsReportedAndOneThatFitsIsNot() {
        Table table = new Table(shell, SWT.BORDER);
        table.setHeaderVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        for (String name : List.of("Platform", "Async", "Anon")) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(name);
            c.setWidth(150);
        }
        shell.setSize(300, 200);
        shell.open();
        flush(display);
        List<String> found = LayoutCheck.clipped(shell);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("Table \"Platform\": columns need 450 px"), found.get(0));

        for (TableColumn c : table.getColumns()) {
            c.setWidth(80);
        }
        flush(display);
        assertEquals(List.of(), LayoutCheck.clipped(shell));
    }

    @Test
    void aControlPushedOutOfItsWindowIsReported() {
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(shell);
        Label a = new Label(shell, SWT.NONE);
        a.setText("links");
        Label b = new Label(shell, SWT.NONE);
        b.setText("rechts");
        GridDataFactory.swtDefaults().hint(400, SWT.DEFAULT).applyTo(b);
        shell.setSize(200, 100);
        shell.open();
        flush(display);
        List<String> found = LayoutCheck.clipped(shell);
        assertTrue(found.stream().anyMatch(s -> s.startsWith("Label \"rechts\": ") && s.contains("cut off on the right")), found.toString());
    }

    /** The main column takes what the others leave, also after the window grows; nothing to scroll. */
    @Test
    void theFlexibleColumnTakesTheRestOfTheWidth() {
        Table table = new Table(shell, SWT.BORDER);
        table.setHeaderVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        for (int w : new int[] { 50, 100, 80 }) {
            new TableColumn(table, SWT.LEFT).setWidth(w);
        }
        org.vindplaats.ui.widgets.Ui.fillWidth(table, 0, 40);
        shell.setSize(500, 300);
        shell.open();
        flush(display);
        int room = table.getClientArea().width;
        assertEquals(room - 180, table.getColumn(0).getWidth(), "the title gets the rest");
        assertEquals(List.of(), LayoutCheck.clipped(shell));
        shell.setSize(800, 300);
        flush(display);
        assertEquals(table.getClientArea().width - 180, table.getColumn(0).getWidth(), "and grows with the window");
    }
}
