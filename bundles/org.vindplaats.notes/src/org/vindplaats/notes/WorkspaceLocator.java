package org.vindplaats.notes;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the CLI and the workbench find the workspace: an explicit {@code --workspace DIR}, else the
 * environment variable {@value #ENVIRONMENT_VARIABLE}, else a per-user default:
 * <ul>
 * <li>Linux and other Unix: {@code $XDG_DATA_HOME/vindplaats/workspace}, by default
 * {@code ~/.local/share/vindplaats/workspace}</li>
 * <li>macOS: {@code ~/Library/Application Support/Vindplaats/workspace}</li>
 * <li>Windows: {@code %LOCALAPPDATA%\Vindplaats\workspace} (else {@code %APPDATA%}, else the home folder)</li>
 * </ul>
 * A leading {@code ~/} is expanded; relative paths are resolved against the working directory.
 */
public final class WorkspaceLocator {

    public static final String ENVIRONMENT_VARIABLE = "VINDPLAATS_WORKSPACE";

    private WorkspaceLocator() {
    }

    /** Where the workspace location came from, for messages like "using workspace X (from $VINDPLAATS_WORKSPACE)". */
    public enum Origin {
        ARGUMENT, ENVIRONMENT, DEFAULT
    }

    public record Location(Path directory, Origin origin) {
    }

    /** Resolves the workspace for this process (real environment, OS and home folder). */
    public static Location locate(String argument) {
        return locate(argument, System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home", ".")));
    }

    /** Resolves the workspace from the given inputs (testable). {@code argument} may be null. */
    public static Location locate(String argument, Map<String, String> env, String osName, Path home) {
        if (argument != null && !argument.isBlank()) {
            return new Location(resolve(argument, home), Origin.ARGUMENT);
        }
        String fromEnv = env.get(ENVIRONMENT_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Location(resolve(fromEnv, home), Origin.ENVIRONMENT);
        }
        return new Location(defaultDirectory(env, osName, home), Origin.DEFAULT);
    }

    /** The per-user default workspace folder (see the class comment). */
    public static Path defaultDirectory(Map<String, String> env, String osName, Path home) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String base = firstNonBlank(env.get("LOCALAPPDATA"), env.get("APPDATA"));
            Path root = base != null ? Path.of(base) : home.resolve("AppData").resolve("Local");
            return root.resolve("Vindplaats").resolve("workspace").toAbsolutePath().normalize();
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("Vindplaats").resolve("workspace")
                    .toAbsolutePath().normalize();
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        Path data = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : home.resolve(".local").resolve("share");
        return data.resolve("vindplaats").resolve("workspace").toAbsolutePath().normalize();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static Path resolve(String path, Path home) {
        String p = path.strip();
        if (p.equals("~")) {
            return home.toAbsolutePath().normalize();
        }
        if (p.startsWith("~/") || p.startsWith("~\\")) {
            return home.resolve(p.substring(2)).toAbsolutePath().normalize();
        }
        return Path.of(p).toAbsolutePath().normalize();
    }
}
