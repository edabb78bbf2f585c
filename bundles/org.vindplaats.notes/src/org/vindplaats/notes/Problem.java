package org.vindplaats.notes;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something wrong in a file a user gave us or edited by hand: where (file, line, column; line and
 * column are 1-based, 0 when unknown) and what to do about it. Problems are reported, never thrown
 * away: the file stays where it is so the user can fix it.
 */
public record Problem(Path file, int line, int column, Severity severity, String message) {

    public enum Severity {
        /** The note or line was not read or not imported. */
        ERROR,
        /** The note was read or imported, but something was ignored or changed. */
        WARNING
    }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        line = Math.max(0, line);
        column = Math.max(0, column);
    }

    public static Problem error(Path file, int line, String message) {
        return new Problem(file, line, 0, Severity.ERROR, message);
    }

    public static Problem warning(Path file, int line, String message) {
        return new Problem(file, line, 0, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column} as far as known, e.g. {@code notes.jsonl:7:12} or {@code page.html}. */
    public String location() {
        StringBuilder b = new StringBuilder(file == null ? "" : file.toString());
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        return b.toString();
    }

    /** {@code location: message}, the form compilers use, so editors can jump to the spot. */
    @Override
    public String toString() {
        String where = location();
        return where.isEmpty() ? message : where + ": " + message;
    }
}
