package org.vindplaats.ui.widgets;

import java.util.function.Consumer;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.vindplaats.model.PolicyStatus;

/**
 * The progress bar and result line of a view whose actions run as background jobs (Plugins,
 * Repositories and updates): while a job runs the bar moves, the line says what is being done and
 * the view's buttons are disabled; the outcome is then shown in green (done) or red (failed).
 */
public final class JobStatus {

    private final ProgressBar progress;
    private final Label result;
    private final Consumer<Boolean> busy;
    private volatile Job lastJob;

    /**
     * @param bar    a composite in a row of buttons (GridLayout): the bar goes in the next cell
     * @param line   the composite (GridLayout, one column) that gets the result line
     * @param busy   enables (false) or disables (true) the view's buttons
     */
    private JobStatus(ProgressBar progress, Label result, Consumer<Boolean> busy) {
        this.progress = progress;
        this.result = result;
        this.busy = busy;
    }

    /** The indeterminate bar in the next cell of a button row; hidden until a job runs. */
    public static ProgressBar progressBar(Composite row) {
        ProgressBar progress = new ProgressBar(row, SWT.INDETERMINATE | SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).indent(12, 0).applyTo(progress);
        progress.setVisible(false);
        return progress;
    }

    /** Adds the wrapping result line to {@code parent} and ties it to {@code progress}. */
    public static JobStatus create(ProgressBar progress, Composite parent, Consumer<Boolean> busy) {
        Label result = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(result);
        return new JobStatus(progress, result, busy);
    }

    /** Schedules {@code job} as a user job, showing {@code what} until it is done. */
    public void run(Job job, String what) {
        job.setUser(true);
        progress.setVisible(true);
        busy.accept(true);
        result.setText(what);
        result.setForeground(null);
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                if (!result.isDisposed()) {
                    result.getDisplay().asyncExec(() -> {
                        // Only the last job started ends the busy state.
                        if (!result.isDisposed() && lastJob == job) {
                            progress.setVisible(false);
                            busy.accept(false);
                        }
                    });
                }
            }
        });
        lastJob = job;
        job.schedule();
    }

    public void succeeded(String message) {
        show(message, PolicyStatus.ALLOWED);
    }

    public void failed(String message) {
        show(message, PolicyStatus.BANNED);
    }

    private void show(String message, PolicyStatus colour) {
        result.setText(message);
        result.setForeground(Palette.color(Palette.bannerForeground(colour)));
        result.getParent().layout(true);
    }

    /** The last job started (tests join it). */
    public Job lastJob() {
        return lastJob;
    }

    public Label result() {
        return result;
    }
}
