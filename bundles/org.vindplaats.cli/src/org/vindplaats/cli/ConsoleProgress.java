package org.vindplaats.cli;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.vindplaats.model.SafeText;

/**
 * A progress line on stderr for long work (import, index rebuild, purge): redrawn in place on a
 * terminal, a line per tenth of the work when output goes to a file. Ctrl-C cancels; work
 * already saved stays saved (notes are written atomically, the index is rebuilt when needed).
 */
public final class ConsoleProgress extends NullProgressMonitor {

    private final PrintWriter err;
    private final boolean terminal;
    private final BooleanSupplier gaveUp;
    private String task = "";
    private int total = UNKNOWN;
    private double done;
    private long lastDraw;
    private int lastTenth = -1;
    private String lastSubTask = "";

    public ConsoleProgress(PrintWriter err, boolean terminal) {
        this(err, terminal, () -> false);
    }

    /** @param gaveUp whether the person stopped waiting (see {@link Terminal#cancelled()}) */
    public ConsoleProgress(PrintWriter err, boolean terminal, BooleanSupplier gaveUp) {
        // The line is redrawn with carriage returns, which the terminal filter removes; the task
        // name (it may hold a file name) is cleaned here instead.
        this.err = err instanceof TerminalWriter t ? t.raw() : err;
        this.terminal = terminal;
        this.gaveUp = gaveUp;
    }

    @Override
    public boolean isCanceled() {
        return super.isCanceled() || gaveUp.getAsBoolean();
    }

    @Override
    public void beginTask(String name, int totalWork) {
        // A nameless task (SubMonitor.convert without a name) is a step of the one before: it
        // keeps that name, and with none at all draws nothing (a bare "40%" says nothing).
        if (name != null && !name.isBlank()) {
            task = SafeText.cleanLine(name);
        }
        total = totalWork;
        done = 0;
        lastTenth = -1;
        draw(true);
    }

    @Override
    public void setTaskName(String name) {
        task = name == null ? "" : SafeText.cleanLine(name);
    }

    /**
     * A passing state of the work the person should know about (e.g. "the hub is choosing a new
     * leader; waiting"): a line of its own, said once, however often the work repeats it.
     */
    @Override
    public synchronized void subTask(String name) {
        String line = name == null ? "" : SafeText.cleanLine(name);
        if (line.isBlank() || line.equals(lastSubTask)) {
            return;
        }
        lastSubTask = line;
        if (terminal && lastDraw > 0) {
            err.print("\r" + " ".repeat(70) + "\r");
        }
        err.println(line);
        err.flush();
        draw(true);
    }

    @Override
    public void internalWorked(double work) {
        done += work;
        draw(false);
    }

    @Override
    public void worked(int work) {
        internalWorked(work);
    }

    @Override
    public void done() {
        if (terminal && lastDraw > 0) {
            err.print("\r" + " ".repeat(70) + "\r");
            err.flush();
        }
    }

    private void draw(boolean force) {
        if (total <= 0 || task.isEmpty()) {
            return;
        }
        int percent = (int) Math.min(100, Math.round(100.0 * done / total));
        long now = System.currentTimeMillis();
        if (terminal) {
            if (force || now - lastDraw > 150) {
                err.print("\r" + task + " " + percent + "% (" + (long) done + "/" + total + ")   ");
                err.flush();
                lastDraw = now;
            }
        } else if (percent / 10 != lastTenth) {
            lastTenth = percent / 10;
            err.println(task + " " + percent + "%");
            err.flush();
        }
    }
}
