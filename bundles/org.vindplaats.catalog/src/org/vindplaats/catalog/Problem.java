package org.vindplaats.catalog;

import java.util.Objects;

/**
 * Something wrong with a plugin, said so that a non-programmer can fix it: where (plugin, file,
 * line, column), what is wrong, and what to do.
 *
 * @param line   1-based line, or 0 when the problem is not about one place in the file
 * @param column 1-based column, or 0 when unknown
 */
public record Problem(Severity severity, String plugin, String file, int line, int column, String message,
        String fix) {

    public enum Severity {
        ERROR, WARNING
    }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        plugin = plugin == null ? "" : plugin;
        file = file == null ? "" : file;
        fix = fix == null ? "" : fix;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** "file:line:column" (parts that are unknown are left out). */
    public String location() {
        StringBuilder sb = new StringBuilder(file.isEmpty() ? plugin : file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.toString();
    }

    /** One line in the style of a compiler message, followed by the fix. */
    public String format() {
        String kind = severity == Severity.ERROR ? Messages.Problem_error : Messages.Problem_warning;
        String text = location() + ": " + kind + ": " + message;
        return fix.isEmpty() ? text : text + "\n    " + Messages.Problem_fix + ": " + fix;
    }

    /**
     * Like {@link #format()}, with the file shown where the author finds it: inside the plugin
     * folder, or inside the jar ({@code plugin.jar!/file}).
     */
    public String format(java.nio.file.Path plugin) {
        if (plugin == null || file.isEmpty()) {
            return format();
        }
        String where = java.nio.file.Files.isDirectory(plugin) ? plugin.resolve(file).toString() : plugin + "!/" + file;
        return new Problem(severity, plugin.toString(), where, line, column, message, fix).format();
    }

    @Override
    public String toString() {
        return format();
    }
}
