package org.vindplaats.model.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * Replacing a file so that a reader, or a crash at any moment, sees either the old or the new file,
 * never half of one: write a temp file in the same folder, force it to disk, rename it over the
 * target in one step, force the folder entry. Every bundle that writes a file others read (notes,
 * plugin jars, the index's CURRENT pointer, the repository list) goes through here.
 */
public final class FileReplacement {

    private FileReplacement() {
    }

    /**
     * Replaces {@code target} with {@code data} (see the class comment); creates the folder when
     * needed. Both are owner-only ({@link OwnerOnly}): the temp file is created {@code rw-------}
     * and the rename keeps that mode, so the target is never readable by others, not even briefly.
     */
    public static void write(Path target, byte[] data) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        OwnerOnly.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", OwnerOnly.fileAttributes(dir));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temp, target);
        } finally {
            // Gone after a successful move; after a failure only the temp file goes, the old file stays.
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Renames a complete temp file (already forced to disk by the caller, or written by a stream the
     * caller closed) over {@code target}, then forces the folder entry.
     */
    public static void move(Path temp, Path target) throws IOException {
        rename(temp, target);
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /**
     * {@link #move} without forcing the folder entry, for a batch that forces the folder once at its
     * end: the old-or-new guarantee holds, only the rename's durability waits for the batch.
     */
    public static void rename(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some network shares cannot rename atomically; a plain rename is still all-or-nothing
            // on almost all of them.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Deletes the temp files {@link #write} left next to {@code target} when a crash came between
     * writing and renaming ({@code .<name>.<random>.tmp}), if they are older than {@code age}: a
     * younger one may belong to another program writing the same file right now (a shared
     * folder); pass {@link Duration#ZERO} when the caller holds a lock that rules that out.
     *
     * @return how many were deleted
     */
    public static int deleteLeftovers(Path target, Duration age) throws IOException {
        return deleteTempFiles(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".", age);
    }

    /**
     * Deletes the temp files of crashed replacements in {@code dir} whose names start with
     * {@code prefix} ({@code "."} for those of every file in it), if older than {@code age} (see
     * {@link #deleteLeftovers}).
     *
     * @return how many were deleted
     */
    public static int deleteTempFiles(Path dir, String prefix, Duration age) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        Instant before = Instant.now().minus(age);
        int count = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, f -> {
            String name = f.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(".tmp") && name.length() > prefix.length() + 4;
        })) {
            for (Path f : files) {
                try {
                    if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                            && !Files.getLastModifiedTime(f).toInstant().isAfter(before) && Files.deleteIfExists(f)) {
                        count++;
                    }
                } catch (NoSuchFileException e) {
                    // renamed or removed by its writer meanwhile
                }
            }
        }
        return count;
    }

    /** Forces a temp file's content to disk before {@link #move}. */
    public static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Forces a folder's entries to disk where the platform allows it (Linux, macOS); no-op elsewhere. */
    public static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; its rename is already durable enough.
        }
    }
}
