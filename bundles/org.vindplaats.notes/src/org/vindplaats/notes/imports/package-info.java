/**
 * Importers for trend notes: JSON Lines, Markdown notes with front matter, saved HTML pages and
 * RSS/Atom feeds. {@link org.vindplaats.notes.imports.NoteImporter} picks the right one for a file
 * or a folder; every import scrubs personal data unless asked to keep it, never duplicates a note
 * when the same content is imported again, skips bad lines with their line numbers and returns an
 * {@link org.vindplaats.notes.imports.ImportReport}.
 */
package org.vindplaats.notes.imports;
