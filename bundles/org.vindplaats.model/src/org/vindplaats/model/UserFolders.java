package org.vindplaats.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The one rule for where a user's own files live: data (installed plugins, the default workspace,
 * the settings the workbench and the command line share), cache (the framework's configuration
 * area, rebuilt when lost) and configuration. The {@code vindplaats} launcher follows the same rule
 * for the folders it passes to the framework.
 * <ul>
 * <li>Linux and other Unix (XDG Base Directory): {@code $XDG_DATA_HOME/vindplaats}, else
 * {@code $HOME/.local/share/vindplaats}; {@code $XDG_CACHE_HOME/vindplaats}, else
 * {@code $HOME/.cache/vindplaats}; {@code $XDG_CONFIG_HOME/vindplaats}, else
 * {@code $HOME/.config/vindplaats}. A relative XDG path is invalid (the spec says to ignore it).</li>
 * <li>macOS: {@code ~/Library/Application Support/Vindplaats} and {@code ~/Library/Caches/Vindplaats}.</li>
 * <li>Windows: {@code %LOCALAPPDATA%\Vindplaats} (else {@code %APPDATA%}), cache in its {@code cache} folder.</li>
 * </ul>
 * The home folder is {@code $HOME} when it is set: Java's {@code user.home} comes from the password
 * database, so a run with another {@code HOME} (a test, a second profile, a sandbox) would otherwise
 * read and write the real user's folders.
 *
 * @param data    the user's data folder
 * @param cache   the user's cache folder
 * @param config  the user's configuration folder
 */
public record UserFolders(Path data, Path cache, Path config) {

    /** The folders of this process's user (real environment and home folder). */
    public static UserFolders current() {
        return of(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home", ".")));
    }

    /**
     * The folders for the given environment (testable).
     *
     * @param passwordHome the home folder of the password database ({@code user.home}), used only
     *                     when {@code $HOME} is not set or not absolute
     */
    public static UserFolders of(Map<String, String> env, String osName, Path passwordHome) {
        Path home = home(env, passwordHome);
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String base = firstNonBlank(env.get("LOCALAPPDATA"), env.get("APPDATA"));
            Path root = (base != null ? Path.of(base) : home.resolve("AppData").resolve("Local")).resolve("Vindplaats");
            return new UserFolders(normal(root), normal(root.resolve("cache")), normal(root));
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            Path lib = home.resolve("Library");
            Path support = lib.resolve("Application Support").resolve("Vindplaats");
            return new UserFolders(normal(support), normal(lib.resolve("Caches").resolve("Vindplaats")), normal(support));
        }
        return new UserFolders(
                normal(xdg(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share")).resolve("vindplaats")),
                normal(xdg(env, "XDG_CACHE_HOME", home.resolve(".cache")).resolve("vindplaats")),
                normal(xdg(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("vindplaats")));
    }

    /** {@code $HOME} when set and absolute, else the password database's home folder. */
    public static Path home(Map<String, String> env, Path passwordHome) {
        String h = env.get("HOME");
        if (h != null && !h.isBlank() && Path.of(h).isAbsolute()) {
            return Path.of(h);
        }
        return passwordHome;
    }

    /** The home folder of this process by the same rule ({@code ~} in paths the user types). */
    public static Path currentHome() {
        return home(System.getenv(), Path.of(System.getProperty("user.home", ".")));
    }

    /**
     * The user's documents folder, where a save dialog starts: XDG's {@code XDG_DOCUMENTS_DIR} from
     * {@code user-dirs.dirs} (a Dutch desktop names it "Documenten"), else {@code ~/Documents} when
     * it exists, else the home folder.
     */
    public static Path documents(Map<String, String> env, Path passwordHome) {
        Path home = home(env, passwordHome);
        Path config = xdg(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("user-dirs.dirs");
        try {
            if (Files.isRegularFile(config)) {
                for (String line : Files.readAllLines(config)) {
                    String l = line.strip();
                    if (l.startsWith("XDG_DOCUMENTS_DIR=")) {
                        String v = l.substring("XDG_DOCUMENTS_DIR=".length()).replace("\"", "");
                        v = v.replace("$HOME", home.toString());
                        Path p = Path.of(v);
                        if (p.isAbsolute() && Files.isDirectory(p)) {
                            return p;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable user-dirs file: the fallbacks below.
        }
        Path documents = home.resolve("Documents");
        return Files.isDirectory(documents) ? documents : home;
    }

    /** The documents folder of this process's user by the rule of {@link #documents(Map, Path)}. */
    public static Path currentDocuments() {
        return documents(System.getenv(), Path.of(System.getProperty("user.home", ".")));
    }

    /** Where installed plugins are kept. */
    public Path plugins() {
        return data.resolve("plugins");
    }

    /** The workspace used when none is chosen. */
    public Path defaultWorkspace() {
        return data.resolve("workspace");
    }

    private static Path xdg(Map<String, String> env, String variable, Path fallback) {
        String v = env.get(variable);
        return v != null && !v.isBlank() && Path.of(v).isAbsolute() ? Path.of(v) : fallback;
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
