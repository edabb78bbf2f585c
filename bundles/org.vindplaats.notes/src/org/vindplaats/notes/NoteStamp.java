package org.vindplaats.notes;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * What an index needs to see whether a note file changed without reading it: the id, the file,
 * its modification time and size. Cheap: one directory listing plus file attributes.
 */
public record NoteStamp(String id, Path file, FileTime lastModified, long size) {
}
