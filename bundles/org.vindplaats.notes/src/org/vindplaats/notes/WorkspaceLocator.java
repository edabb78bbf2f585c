package org.vindplaats.notes;

import java.nio.file.Path;
import java.util.Map;

import org.vindplaats.model.UserFolders;

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
        return locate(argument, Path.of(""));
    }

    /**
     * Resolves the workspace for this process's environment, OS and home folder, with relative
     * paths taken from {@code workingDirectory} (the resident CLI server serves commands typed in
     * other folders than its own).
     */
    public static Location locate(String argument, Path workingDirectory) {
        // $HOME before the password database's home: a run with another HOME stays out of the real user's folders.
        return locate(argument, System.getenv(), System.getProperty("os.name", ""), UserFolders.currentHome(),
                workingDirectory);
    }

    /** Resolves the workspace from the given inputs (testable). {@code argument} may be null. */
    public static Location locate(String argument, Map<String, String> env, String osName, Path home) {
        return locate(argument, env, osName, home, Path.of(""));
    }

    /** As {@link #locate(String, Map, String, Path)}, relative paths taken from {@code workingDirectory}. */
    public static Location locate(String argument, Map<String, String> env, String osName, Path home,
            Path workingDirectory) {
        if (argument != null && !argument.isBlank()) {
            return new Location(resolve(argument, home, workingDirectory), Origin.ARGUMENT);
        }
        String fromEnv = env.get(ENVIRONMENT_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Location(resolve(fromEnv, home, workingDirectory), Origin.ENVIRONMENT);
        }
        return new Location(defaultDirectory(env, osName, home), Origin.DEFAULT);
    }

    /** The per-user default workspace folder (see the class comment and {@link UserFolders}). */
    public static Path defaultDirectory(Map<String, String> env, String osName, Path home) {
        return UserFolders.of(env, osName, home).defaultWorkspace();
    }

    private static Path resolve(String path, Path home, Path workingDirectory) {
        String p = path.strip();
        if (p.equals("~")) {
            return home.toAbsolutePath().normalize();
        }
        if (p.startsWith("~/") || p.startsWith("~\\")) {
            return home.resolve(p.substring(2)).toAbsolutePath().normalize();
        }
        return workingDirectory.toAbsolutePath().resolve(p).normalize();
    }
}
