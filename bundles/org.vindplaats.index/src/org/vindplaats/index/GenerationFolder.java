package org.vindplaats.index;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.vindplaats.index.internal.Messages;
import org.vindplaats.index.internal.Stamp;
import org.vindplaats.model.io.FileReplacement;
import org.vindplaats.model.io.OwnerOnly;

/**
 * The files of an index folder next to Lucene's: {@code CURRENT} naming the live generation, the
 * {@code gen-N} folders and their numbering, and the owner file that names the writing process.
 * Kept apart from {@link NoteIndex}, which decides when to rebuild, swap or take over, so the
 * folder's layout (described on {@link NoteIndex}) is written down in one place.
 */
final class GenerationFolder {

    private static final String CURRENT = "CURRENT";
    private static final String OWNER = "owner.txt";
    private static final String GEN_PREFIX = "gen-";

    private final Path dir;

    GenerationFolder(Path dir) {
        this.dir = dir;
    }

    /** The {@code CURRENT} file, for messages. */
    Path currentFile() {
        return dir.resolve(CURRENT);
    }

    /** Whether {@code CURRENT} names a generation whose stamp is there (written before CURRENT). */
    boolean committedGenerationPresent() {
        String name = readCurrent();
        return name != null && Files.isRegularFile(dir.resolve(name).resolve(Stamp.FILE));
    }

    /** The generation {@code CURRENT} names, or null when there is none or it names no generation. */
    String readCurrent() {
        try {
            String s = Files.readString(dir.resolve(CURRENT), StandardCharsets.UTF_8).strip();
            return s.startsWith(GEN_PREFIX) && !s.contains("/") && !s.contains("\\") ? s : null;
        } catch (IOException e) {
            return null;
        }
    }

    void writeCurrent(String name) throws IOException {
        FileReplacement.write(dir.resolve(CURRENT), (name + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The name of a generation folder newer than any there. */
    String newGenerationName() throws IOException {
        int max = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, GEN_PREFIX + "*")) {
            for (Path p : ds) {
                try {
                    max = Math.max(max, Integer.parseInt(p.getFileName().toString().substring(GEN_PREFIX.length())));
                } catch (NumberFormatException e) {
                    // not ours
                }
            }
        }
        return GEN_PREFIX + (max + 1);
    }

    /** Removes every generation folder but {@code current} (null: all), and a left-over CURRENT temp file. */
    void removeStrayGenerations(String current) {
        try {
            // A crash between writing and renaming CURRENT's temp file leaves it; this process
            // holds the writer lock, so no other program is writing one now.
            FileReplacement.deleteLeftovers(dir.resolve(CURRENT), Duration.ZERO);
        } catch (IOException e) {
            // as below: only disk space
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, GEN_PREFIX + "*")) {
            for (Path p : ds) {
                if (!p.getFileName().toString().equals(current)) {
                    deleteRecursively(p);
                }
            }
        } catch (IOException e) {
            // Leftovers only cost disk space; the next open tries again.
        }
    }

    void writeOwner() {
        ProcessHandle me = ProcessHandle.current();
        String program = System.getProperty("eclipse.application",
                me.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("java"));
        String text = "pid=" + me.pid() + "\nhost=" + host() + "\nprogram=" + program + "\nsince="
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n";
        try {
            OwnerOnly.write(dir.resolve(OWNER), text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Only used to name the holder in messages.
        }
    }

    /** The owner file left by the previous writer, described, or null when it closed cleanly. */
    String readOwner() {
        return Files.exists(dir.resolve(OWNER)) ? ownerText() : null;
    }

    /** Who holds the index, as the owner file describes it, for messages. */
    String ownerText() {
        try {
            Map<String, String> m = new HashMap<>();
            for (String line : Files.readAllLines(dir.resolve(OWNER), StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    m.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            if (!m.containsKey("pid")) {
                return Messages.InUse_unknownOwner;
            }
            return "process " + m.get("pid") + " (" + m.getOrDefault("program", "?") + ") on "
                    + m.getOrDefault("host", "?") + ", since " + m.getOrDefault("since", "?");
        } catch (IOException e) {
            return Messages.InUse_unknownOwner;
        }
    }

    /** Removed by a writer that closes cleanly, so the next one can tell a crash. */
    void deleteOwner() throws IOException {
        Files.deleteIfExists(dir.resolve(OWNER));
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    static void deleteRecursively(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try {
            Files.walkFileTree(p, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Best effort (e.g. files still open elsewhere on Windows); retried at the next open.
        }
    }
}
