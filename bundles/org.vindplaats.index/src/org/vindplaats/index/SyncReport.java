package org.vindplaats.index;

/** What {@link NoteIndex#sync} changed so that the index equals the source. */
public record SyncReport(int added, int updated, int removed, int unchanged) {

    public boolean changed() {
        return added + updated + removed > 0;
    }
}
