package org.vindplaats.notes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.io.FileReplacement;
import org.vindplaats.model.io.OwnerOnly;
import org.vindplaats.notes.internal.Messages;
import org.vindplaats.notes.pii.PiiScrubber;

/**
 * The editor's crash-safe draft: the form's unsaved note, written every few seconds to
 * {@code drafts/editor.md} in the workspace (owner-only, atomically, in the note file format) and
 * offered back after a crash or a power cut. Personal data is replaced as when a note is saved,
 * unless the worker chose to keep it, so a draft never holds more than the note would. A draft is
 * not a note: search, the index and imports never read it; it is removed once the note is saved
 * or dropped.
 */
public final class Drafts {

    public static final String DIR = "drafts";
    static final String FILE = "editor" + NoteFileFormat.EXTENSION;

    /**
     * A draft as it was written.
     *
     * @param note     the form's note (scrubbed unless the worker kept personal data)
     * @param revision the revision of the stored note it edits, or {@link NoteStore#NEW} for a new note
     * @param written  when it was written
     */
    public record Draft(TrendNote note, long revision, Instant written) {
    }

    private final Path file;
    private final PiiScrubber scrubber;

    Drafts(Path workspaceRoot, PiiScrubber scrubber) {
        this.file = workspaceRoot.resolve(DIR).resolve(FILE);
        this.scrubber = scrubber;
    }

    public Path file() {
        return file;
    }

    /**
     * Writes the draft (replacing the previous one).
     *
     * @param revision the revision of the note being edited, {@link NoteStore#NEW} for a new one
     */
    public void write(TrendNote note, long revision) throws NoteStoreException {
        TrendNote safe = scrubber != null && !note.piiKept() ? scrubber.scrub(note).note() : note;
        try {
            OwnerOnly.createDirectories(file.getParent());
            FileReplacement.write(file, NoteFileFormat.toBytes(safe, revision));
            OwnerOnly.restrict(file);
        } catch (IOException e) {
            throw new NoteStoreException(note.id(), NLS.bind(Messages.Drafts_writeFailed, file, NoteStore.reason(e)), e);
        }
    }

    /** The draft left behind, if any (an unreadable one is reported as absent and kept for a look). */
    public Optional<Draft> read() {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            NoteFileFormat.Parsed parsed = NoteFileFormat.parse(text, file, NoteFileFormat.Mode.IMPORT);
            return Optional.of(new Draft(parsed.note(), parsed.revision(), Files.getLastModifiedTime(file).toInstant()));
        } catch (IOException | RuntimeException e) { // unreadable or not in the note format
            return Optional.empty();
        }
    }

    /** Removes the draft (the note was saved or dropped on purpose). */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left for the next save or drop to remove; it is owner-only and scrubbed meanwhile.
        }
    }
}
