package org.vindplaats.notes;

/**
 * Hears about every change made through a {@link NoteStore}, after the change is safely on disk, on
 * the thread that made it. An index uses this to stay in sync. Changes made outside this process
 * (a team mate on a shared folder) are not heard: compare {@link NoteStore#stamps()} for those.
 * <p>
 * Imports and purges wrap their changes in a batch: {@link #batchStarted()} before the first
 * change, {@link #batchFinished()} after the last, so a listener can commit once per batch instead
 * of once per note. An exception thrown by a listener is logged and does not undo the change.
 */
public interface NoteStoreListener {

    void noteChanged(NoteChangeEvent event);

    default void batchStarted() {
    }

    default void batchFinished() {
    }
}
