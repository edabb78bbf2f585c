package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vindplaats.ui.tests.TestData.flush;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.PluginInfo;
import org.vindplaats.catalog.PluginInstaller;
import org.vindplaats.testing.Services;
import org.vindplaats.ui.parts.PluginsView;

/**
 * The Plugins part against the real services (the Catalog and PluginInstaller registered by
 * Declarative Services in this framework; the plugin folder is target/user-plugins): clicks the
 * install and remove buttons, waits for the Jobs and reads the tables.
 */
class PluginsViewTest {

    static Catalog catalog;
    static PluginInstaller installer;

    @TempDir
    Path dir;

    private Display display;
    private Shell shell;

    @BeforeAll
    static void services() throws Exception {
        catalog = Services.await(Catalog.class);
        installer = Services.await(PluginInstaller.class);
    }

    @BeforeEach
    void open() {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(1200, 700);
        shell.setLayout(new FillLayout());
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    /** Waits for the view's job and for the UI updates it queued. */
    private <T extends Control> T widget(String name, Class<T> type) {
        return Widgets.find(shell, name, type);
    }

    private void await(PluginsView view) throws InterruptedException {
        Job job = view.lastJob();
        assertNotNull(job, "the button started a job");
        long until = System.currentTimeMillis() + 30_000;
        while (job.getResult() == null && System.currentTimeMillis() < until) {
            flush(display);
            Thread.sleep(20);
        }
        assertNotNull(job.getResult(), "the job finished");
        for (int i = 0; i < 20; i++) {
            flush(display);
            Thread.sleep(10);
        }
    }

    private static List<String> column(org.eclipse.swt.widgets.Table table, int col) {
        return Arrays.stream(table.getItems()).map(i -> i.getText(col)).toList();
    }

    @Test
    void installingABrokenPluginListsItsProblemAndChangesNothing() throws Exception {
        Path broken = TestData.fixture("broken-plugin", dir.resolve("broken-plugin"));
        List<PluginInfo> before = catalog.plugins();
        PluginsView view = new PluginsView(shell, catalog, installer, Locale.ENGLISH);
        view.setChooser((s, folder) -> {
            assertTrue(folder, "the folder button asks for a folder");
            return broken;
        });
        shell.open();
        flush(display);
        Table plugins = widget("plugins.list", Table.class);
        Table problems = widget("plugins.problems", Table.class);
        Label problemsTitle = widget("plugins.problemsTitle", Label.class);
        Label result = widget("plugins.result", Label.class);
        Button installFolder = widget("plugins.installFolder", Button.class);
        int rows = plugins.getItemCount();
        assertEquals(before.size(), rows);

        installFolder.notifyListeners(SWT.Selection, new Event());
        await(view);

        assertTrue(result.getText().startsWith("Not installed"), result.getText());
        assertTrue(problemsTitle.getText().contains("not installed"), problemsTitle.getText());
        List<String> where = column(problems, 0);
        assertTrue(where.contains("vindplaats-plugin.json:93:18") || where.stream().anyMatch(w -> w.startsWith("vindplaats-plugin.json:93")),
                "the problem is listed as file:line:column: " + where);
        TableItem first = problems.getItem(where.indexOf(where.stream().filter(w -> w.contains(":93")).findFirst().orElseThrow()));
        assertEquals("error", first.getText(1));
        assertTrue(first.getText(2).contains("must be integer"), first.getText(2));
        assertFalse(first.getText(3).isBlank(), "a fix is offered");

        assertEquals(before, catalog.plugins(), "the catalog is unchanged");
        assertEquals(rows, plugins.getItemCount());
        assertFalse(Files.exists(installer.folder().resolve("org.vindplaats.platform.testapp.jar")));
    }

    @Test
    void installAndRemoveAValidPlugin() throws Exception {
        Path valid = TestData.fixture("valid-plugin", dir.resolve("valid-plugin"));
        PluginsView view = new PluginsView(shell, catalog, installer, Locale.ENGLISH);
        view.setChooser((s, folder) -> valid);
        view.setConfirmRemove(name -> true);
        shell.open();
        flush(display);
        Table plugins = widget("plugins.list", Table.class);
        Label result = widget("plugins.result", Label.class);
        Button installFolder = widget("plugins.installFolder", Button.class);
        Button remove = widget("plugins.remove", Button.class);
        assertFalse(remove.isEnabled(), "nothing selected");

        installFolder.notifyListeners(SWT.Selection, new Event());
        await(view);
        assertTrue(result.getText().startsWith("Installed"), result.getText());
        assertTrue(catalog.platform("testapp").isPresent(), "the catalog serves the new platform");
        assertTrue(column(plugins, 2).contains("testapp"), "the list follows the catalog");
        int row = column(plugins, 2).indexOf("testapp");
        assertEquals(row, plugins.getSelectionIndex(), "the new plugin is selected");
        assertEquals("in use", plugins.getItem(row).getText(4));
        assertTrue(remove.isEnabled(), "a plugin the user installed can be removed");

        remove.notifyListeners(SWT.Selection, new Event());
        await(view);
        assertTrue(result.getText().startsWith("Removed"), result.getText());
        assertTrue(catalog.platform("testapp").isEmpty());
        assertFalse(column(plugins, 2).contains("testapp"));
    }
}
