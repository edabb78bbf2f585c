package org.vindplaats.notes;

import java.util.List;

import org.vindplaats.notes.pii.PiiMatch;

/**
 * The outcome of a save.
 *
 * @param stored the note as written (with its new revision, created/updated times and PII replaced)
 * @param created true when the note did not exist before
 * @param piiReplaced the personal data that was replaced by placeholders before writing (empty when
 *        the note keeps its PII by choice or had none)
 */
public record SaveResult(StoredNote stored, boolean created, List<PiiMatch> piiReplaced) {
    public SaveResult {
        piiReplaced = List.copyOf(piiReplaced == null ? List.of() : piiReplaced);
    }
}
