import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * Baseline for releng/benchmarks/workbench-startup.sh: the least a SWT window can cost on this
 * JDK. Opens a shell with a 40-row table, waits until the event loop is idle (the same test the
 * workbench's start-up probe uses), writes usable_ms=<epoch ms> to the file in args[0] and exits.
 */
public final class SwtBaseline {
    public static void main(String[] args) throws Exception {
        Display display = new Display();
        Shell shell = new Shell(display);
        shell.setText("SWT baseline");
        shell.setLayout(new FillLayout());
        Table table = new Table(shell, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        for (String name : new String[] { "Platform", "Age", "Contact" }) {
            new TableColumn(table, SWT.NONE).setText(name);
        }
        for (int i = 0; i < 40; i++) {
            new TableItem(table, SWT.NONE).setText(new String[] { "Platform " + i, "13", "3" });
        }
        for (TableColumn c : table.getColumns()) {
            c.pack();
        }
        shell.setSize(1280, 860);
        shell.open();
        display.asyncExec(() -> {
            while (display.readAndDispatch()) {
                // drain
            }
            shell.update();
            try {
                Files.writeString(Path.of(args[0]), "usable_ms=" + System.currentTimeMillis() + "\n");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            shell.dispose();
        });
        while (!shell.isDisposed()) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
        display.dispose();
    }
}
