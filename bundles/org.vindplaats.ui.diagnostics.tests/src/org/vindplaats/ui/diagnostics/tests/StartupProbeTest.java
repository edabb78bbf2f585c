package org.vindplaats.ui.diagnostics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.ui.diagnostics.StartupProbeAddon;

/** The start-up probe the workbench benchmark reads: when it writes its file, and what it writes. */
class StartupProbeTest {

    @TempDir
    Path dir;

    private Display display;
    private Shell shell;
    private Table table;

    @BeforeEach
    void open() {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(400, 300);
        table = new Table(shell, SWT.BORDER);
        table.setSize(380, 280);
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    /** Runs the event loop until the condition holds or 10 s passed; returns whether it held. */
    private boolean spinUntil(BooleanSupplier condition) {
        long end = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
        return condition.getAsBoolean();
    }

    private void spinFor(long ms) {
        long end = System.currentTimeMillis() + ms;
        display.timerExec((int) ms, () -> {
        });
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
    }

    @Test
    void writesTheMomentTheFilledWindowIsIdleThenRunsTheFollowUp() throws Exception {
        for (int i = 0; i < 3; i++) {
            new TableItem(table, SWT.NONE).setText("row " + i);
        }
        shell.open();
        Path file = dir.resolve("probe.txt");
        AtomicInteger followUps = new AtomicInteger();
        long before = System.currentTimeMillis();

        StartupProbeAddon.whenUsable(display, shell, () -> table, file, followUps::incrementAndGet);

        assertTrue(spinUntil(() -> followUps.get() > 0), "the follow-up (closing the workbench) ran");
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        long usable = Long.parseLong(p.getProperty("usable_ms"));
        assertTrue(usable >= before && usable <= System.currentTimeMillis(), "usable_ms is the moment of the check: " + usable);
        long jvmStart = Long.parseLong(p.getProperty("jvm_start_ms"));
        assertTrue(jvmStart > 0 && jvmStart <= before, "jvm_start_ms is before the test: " + jvmStart);
        assertEquals("3", p.getProperty("rows"));
        spinFor(100);
        assertEquals(1, followUps.get(), "the follow-up runs once");
    }

    @Test
    void waitsWhileTheTableIsEmptyOrTheWindowHidden() throws Exception {
        Path file = dir.resolve("sub/probe.txt");
        AtomicInteger followUps = new AtomicInteger();

        StartupProbeAddon.whenUsable(display, shell, () -> table, file, followUps::incrementAndGet);
        spinFor(200);
        assertFalse(Files.exists(file), "hidden window: not usable yet");

        new TableItem(table, SWT.NONE).setText("tiktok");
        spinFor(200);
        assertFalse(Files.exists(file), "rows, but the window is still hidden");
        assertEquals(0, followUps.get());

        shell.open();
        assertTrue(spinUntil(() -> followUps.get() > 0), "usable once the window is shown");
        assertTrue(Files.readString(file).contains("rows=1"), Files.readString(file));
    }
}
