/**
 * The trend-note workspace: a folder with one human-readable Markdown file per note
 * ({@code notes/<id>.md}, YAML front matter + body), a reserved {@code index/} folder for the
 * derived search index and a {@code workspace.json} format stamp.
 * <p>
 * Entry points: {@link org.vindplaats.notes.Workspace#open(java.nio.file.Path)},
 * {@link org.vindplaats.notes.WorkspaceLocator} (where the CLI finds the workspace),
 * {@link org.vindplaats.notes.NoteStore} (atomic, conflict-checked reads and writes with change
 * listeners) and {@link org.vindplaats.notes.Retention} (expiry and purge).
 */
package org.vindplaats.notes;
