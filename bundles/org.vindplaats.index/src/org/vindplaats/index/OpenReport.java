package org.vindplaats.index;

/**
 * What {@link NoteIndex#open} found and did.
 *
 * @param rebuilt  whether the index was (re)built from the source while opening
 * @param reason   why it was rebuilt, or {@link Reason#NONE}
 * @param readOnly whether another live process holds the index, so this instance only searches
 * @param owner    who holds the index when {@code readOnly}, else null
 * @param message  a sentence for the user (NLS, in the current language)
 */
public record OpenReport(boolean rebuilt, Reason reason, boolean readOnly, String owner, String message) {

    public enum Reason {
        /** The index was fine. */
        NONE,
        /** There was no index yet (or it was deleted). */
        MISSING,
        /** Segment files were damaged or unreadable. */
        CORRUPT,
        /** The stamp file was missing or unreadable. */
        BAD_STAMP,
        /** Made by another Lucene version, analyzer or schema. */
        OTHER_VERSION,
        /** Made with other platform names or slang. */
        OTHER_CONFIG,
        /** A process that died while holding the index left it locked. */
        STALE_LOCK,
        /** The folder could not be used; a temporary in-memory index serves searches. */
        IN_MEMORY
    }
}
