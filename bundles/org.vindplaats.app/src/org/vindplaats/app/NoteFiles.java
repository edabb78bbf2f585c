package org.vindplaats.app;

import java.io.IOException;

import org.vindplaats.notes.NoteStore;

/** What the application layer needs to know about a workspace's note files. */
final class NoteFiles {

    private NoteFiles() {
    }

    /**
     * A number that changes when a note file is added, removed or rewritten (one listing of the
     * folder: names, sizes, times), by this program, another one or a team mate on a shared
     * folder; 0 when the folder cannot be listed.
     */
    static int stamp(NoteStore store) {
        try {
            return store.stamps().hashCode();
        } catch (IOException e) {
            return 0;
        }
    }
}
