package org.vindplaats.notes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import org.vindplaats.model.io.FileReplacement;
import org.vindplaats.model.io.OwnerOnly;

/**
 * Crash-safe note files (the rename itself is {@link FileReplacement}'s), with hooks for fault
 * injection in tests: write a temp file in the same folder, force it to disk, rename it
 * over the target in one atomic step and force the folder entry. Readers and a crash at any moment
 * see either the old or the new file, never a mix. Temp files are named {@code .<name>.<random>.tmp};
 * a crash can leave one behind, which {@link #deleteStaleTempFiles} removes.
 */
public final class AtomicFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code data} atomically (see the class comment). */
    public static void write(Path target, byte[] data) throws IOException {
        write(target, data, WriteHooks.NONE);
    }

    static void write(Path target, byte[] data, WriteHooks hooks) throws IOException {
        write(target, data, hooks, true);
    }

    /**
     * @param syncDirectory false defers forcing the folder entry to the caller (a batch syncs the
     *        folder once at its end); the file itself is always forced before the rename, so the
     *        old-or-new guarantee holds either way, only the rename's durability is deferred
     */
    static void write(Path target, byte[] data, WriteHooks hooks, boolean syncDirectory) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        byte[] suffix = new byte[6];
        RANDOM.nextBytes(suffix);
        Path temp = dir.resolve("." + target.getFileName() + "." + HexFormat.of().formatHex(suffix) + ".tmp");
        try {
            // Owner-only from the first byte (the rename keeps the mode): notes are about young people.
            try (FileChannel channel = OwnerOnly.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                hooks.write(channel, ByteBuffer.wrap(data), temp);
                channel.force(true);
            }
            hooks.beforeMove(temp, target);
            if (syncDirectory) {
                FileReplacement.move(temp, target);
            } else {
                FileReplacement.rename(temp, target);
            }
        } catch (IOException | RuntimeException e) {
            // A failed write leaves the previous file untouched; only the temp file must go.
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Forces a folder's entries to disk where the platform allows it (Linux, macOS); no-op elsewhere. */
    public static void syncDirectory(Path dir) {
        FileReplacement.syncDirectory(dir);
    }

    /** True for the temp files {@link #write} creates. */
    public static boolean isTempFile(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".tmp");
    }

    /**
     * Deletes temp files left behind by a crash in {@code dir}. Call only while no other writer can
     * be active in {@code dir} (the note store holds its lock).
     *
     * @return how many were deleted
     */
    public static int deleteStaleTempFiles(Path dir) throws IOException {
        return FileReplacement.deleteTempFiles(dir, ".", Duration.ZERO);
    }
}
