package org.vindplaats.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.model.io.OwnerOnly;

/**
 * The index lock must hold against <em>other processes</em>, which is what it is for (two imports,
 * the workbench and a command). Found by the crash harness: making the lock file owner-only right
 * after locking it opened and closed the file, which on Linux drops the process's POSIX lock; a
 * second importer then took the "held" lock, and the two wrote the index at once (one deleted the
 * other's half-built generation). Another JVM probes the lock files with {@code tryLock}.
 */
class LockAcrossProcessesTest {

    /** A separate program (run with the JDK's source launcher) that reports whether it could lock a file. */
    private static final String PROBE = """
            import java.nio.channels.FileChannel;
            import java.nio.file.*;
            public class LockProbe {
                public static void main(String[] a) throws Exception {
                    for (String f : a) {
                        try (FileChannel c = FileChannel.open(Path.of(f), StandardOpenOption.WRITE)) {
                            var l = c.tryLock();
                            System.out.println(l == null ? "held" : "free");
                            if (l != null) l.release();
                        }
                    }
                }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void anotherProcessCannotTakeTheLocksOfAnOpenWriter() throws Exception {
        Path dir = tmp.resolve("index");
        try (NoteIndex index = NoteIndex.open(dir, TestNotes.source(TestNotes.devNotes()), IndexConfig.defaults(), null)) {
            Path indexLock = dir.resolve("vindplaats-index.lock");
            Path writeLock = index.generationDirectory().resolve("write.lock");
            assertEquals(List.of("held", "held"), probe(indexLock, writeLock), "right after opening");
            // A workspace that gets tightened while its index is open (another window opening it)
            // must not drop the locks either.
            OwnerOnly.tighten(tmp);
            OwnerOnly.restrict(indexLock);
            assertEquals(List.of("held", "held"), probe(indexLock, writeLock), "after making the folder owner-only");
            index.rebuild(null);
            assertEquals(List.of("held", "held"),
                    probe(indexLock, index.generationDirectory().resolve("write.lock")), "after a rebuild");
        }
        assertEquals(List.of("free"), probe(dir.resolve("vindplaats-index.lock")), "after closing");
    }

    private List<String> probe(Path... files) throws IOException, InterruptedException {
        Path source = tmp.resolve("LockProbe.java");
        Files.writeString(source, PROBE, StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, source.toString()));
        for (Path f : files) {
            cmd.add(f.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("lock probe failed: " + out);
        }
        return out.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
