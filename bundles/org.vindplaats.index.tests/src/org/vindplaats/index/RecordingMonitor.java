package org.vindplaats.index;

import org.eclipse.core.runtime.NullProgressMonitor;

/** Records progress and cancels after a given amount of work (never when negative). */
final class RecordingMonitor extends NullProgressMonitor {
    String task;
    int total = -1;
    int worked;
    private final int cancelAfter;

    RecordingMonitor() {
        this(-1);
    }

    RecordingMonitor(int cancelAfter) {
        this.cancelAfter = cancelAfter;
    }

    @Override
    public void beginTask(String name, int totalWork) {
        task = name;
        total = totalWork;
    }

    @Override
    public void setTaskName(String name) {
        task = name;
    }

    @Override
    public void worked(int work) {
        worked += work;
    }

    @Override
    public boolean isCanceled() {
        return cancelAfter >= 0 && worked >= cancelAfter;
    }
}
