package org.vindplaats.ui.diagnostics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.osgi.service.event.Event;
import org.vindplaats.model.io.FileReplacement;
import org.vindplaats.ui.Ids;

import jakarta.inject.Inject;

/**
 * Start-up probe for releng/benchmarks/workbench-startup.sh: when the system property
 * {@value #PROPERTY} names a file, writes the moment the window became usable to it and, with
 * {@value #EXIT_PROPERTY}=true, closes the workbench. "Usable" means: the main window is shown,
 * the Platforms table has its rows, and the event loop has nothing left to do (every pending
 * event dispatched, every pending paint done). Without the property it only reads the property
 * once per start.
 */
public final class StartupProbeAddon {

    public static final String PROPERTY = "vindplaats.startupProbe";
    public static final String EXIT_PROPERTY = "vindplaats.startupProbe.exit";
    /** Gives up after this long, so a broken start never hangs a benchmark. */
    static final long GIVE_UP_MS = 60_000;
    private static final int RETRY_MS = 10;

    @Inject
    @Optional
    void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication app,
            IWorkbench workbench, EModelService models) {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank() || app.getChildren().isEmpty()) {
            return;
        }
        MWindow window = app.getChildren().get(0);
        Shell shell = (Shell) window.getWidget();
        Supplier<Table> platforms = () -> NamedWidgets.find((MPart) models.find(Ids.PART_PLATFORMS, app), "platforms.table",
                Table.class);
        Runnable then = Boolean.getBoolean(EXIT_PROPERTY) ? workbench::close : () -> {
        };
        whenUsable(shell.getDisplay(), shell, platforms, Path.of(file), then);
    }

    /**
     * Waits on the UI thread (without blocking it) until {@code shell} is visible, the table
     * exists and has rows and no event is pending, then writes {@code file} and runs {@code then}.
     * The file holds {@code usable_ms=<epoch ms>}, {@code jvm_start_ms=<epoch ms>}, {@code cpu_ms=}
     * (process CPU time so far) and {@code ui_thread_cpu_ms=} lines, or
     * {@code failed=<reason>} when the window did not become usable within {@link #GIVE_UP_MS}.
     */
    public static void whenUsable(Display display, Shell shell, Supplier<Table> table, Path file, Runnable then) {
        long deadline = System.currentTimeMillis() + GIVE_UP_MS;
        display.asyncExec(new Runnable() {
            @Override
            public void run() {
                if (shell.isDisposed()) {
                    return;
                }
                Table t = table.get();
                boolean filled = shell.isVisible() && t != null && !t.isDisposed() && t.getItemCount() > 0;
                if (!filled) {
                    if (System.currentTimeMillis() > deadline) {
                        write(file, "failed=the Platforms table had no rows " + GIVE_UP_MS + " ms after start-up\n");
                        then.run();
                    } else {
                        display.timerExec(RETRY_MS, this);
                    }
                    return;
                }
                // Idle: dispatch whatever is still queued and flush the pending paints first.
                while (display.readAndDispatch()) {
                    // keep going until the queue is empty
                }
                shell.update();
                long usable = System.currentTimeMillis();
                // CPU time says what the start costs even when other processes slow the wall clock.
                RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
                long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
                long uiCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
                write(file, "usable_ms=" + usable + "\njvm_start_ms=" + runtime.getStartTime() + "\ncpu_ms=" + cpu
                        + "\nui_thread_cpu_ms=" + uiCpu + "\nrows=" + t.getItemCount() + "\n");
                then.run();
            }
        });
    }

    /** Writes through a temporary file, so a reader never sees half a file. */
    private static void write(Path file, String text) {
        try {
            FileReplacement.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            ILog.of(StartupProbeAddon.class).error("The start-up probe cannot write " + file.toAbsolutePath()
                    + "; pass a writable file in -D" + PROPERTY + "=<file>.", e);
        }
    }
}
