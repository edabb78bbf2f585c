package org.vindplaats.model.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files only their owner may read: notes about young people, the index built from them, exports
 * and settings. Folders are created {@code rwx------} and files {@code rw-------} whatever the
 * process's umask (the mode is asked for at creation, so there is no moment when another user
 * could open the file; a umask can only take bits away, never add group or other bits back).
 * On a file system without POSIX permissions (Windows, most network shares) everything here
 * quietly does what it would do without the modes: such systems protect files with ACLs
 * inherited from the user's folder.
 */
public final class OwnerOnly {

    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnly() {
    }

    /** The attribute for a new file, or none where the file system has no POSIX modes. */
    public static FileAttribute<?>[] fileAttributes(Path file) {
        return posix(file) ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(FILE) }
                : new FileAttribute<?>[0];
    }

    /**
     * Creates {@code dir} and any missing parents owner-only; folders that exist are left as they
     * are (see {@link #tighten} for those).
     */
    public static Path createDirectories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return dir;
        }
        if (posix(abs)) {
            Files.createDirectories(abs, PosixFilePermissions.asFileAttribute(FOLDER));
        } else {
            Files.createDirectories(abs);
        }
        return dir;
    }

    /** Opens a file channel, creating the file owner-only when {@code options} create it. */
    public static FileChannel open(Path file, OpenOption... options) throws IOException {
        Set<OpenOption> set = Set.of(options);
        if (posix(file)) {
            return FileChannel.open(file, set, PosixFilePermissions.asFileAttribute(FILE));
        }
        return FileChannel.open(file, set);
    }

    /**
     * Writes a small file in place (not crash-safe: for pointers and stamps that are rewritten
     * when damaged; notes go through {@link FileReplacement}). The file ends up owner-only also
     * when it existed with looser modes.
     */
    public static void write(Path file, byte[] data) throws IOException {
        try (FileChannel ch = open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(data);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
        restrict(file);
    }

    /**
     * Makes one file or folder owner-only (rw- for files, rwx for folders, the owner's own bits
     * kept); a symbolic link is left alone. Not for a file this process has locked (see
     * {@link #prepareLockFile}).
     *
     * @return true when its modes were changed
     */
    public static boolean restrict(Path p) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (view == null || Files.isSymbolicLink(p)) {
                return false;
            }
            Set<PosixFilePermission> now = view.readAttributes().permissions();
            if (!isLoose(now)) {
                return false;
            }
            Set<PosixFilePermission> tight = EnumSet.noneOf(PosixFilePermission.class);
            tight.addAll(now);
            tight.removeAll(OTHERS);
            // By path (chmod), not through the no-follow view: that one opens and closes the file,
            // which on Linux drops this process's POSIX locks on it (see prepareLockFile). The link
            // check above already left symbolic links alone.
            Files.setPosixFilePermissions(p, tight);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Not ours to change (another owner, a read-only share): the folder above still guards it.
            return false;
        }
    }

    /**
     * Makes a lock file owner-only (creating it empty when missing) <em>before</em> it is locked.
     * Never restrict a file this process has locked: changing modes without following links
     * opens and closes the file, and on Linux closing any descriptor of a file drops every
     * POSIX lock the process holds on it. Found by the crash harness: restricting the index lock
     * right after taking it let a second importer take it too, and the two wrote the index at once.
     */
    public static void prepareLockFile(Path file) throws IOException {
        try {
            open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        } catch (java.nio.file.FileAlreadyExistsException e) {
            restrict(file); // not locked by this process yet (see above), so safe to change
        }
    }

    /** Whether a file or folder can be read, written or entered by anyone but its owner. */
    public static boolean isLoose(Path p) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            return view != null && !Files.isSymbolicLink(p) && isLoose(view.readAttributes().permissions());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static boolean isLoose(Set<PosixFilePermission> permissions) {
        for (PosixFilePermission p : permissions) {
            if (OTHERS.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Makes {@code root} and everything under it owner-only (symbolic links are neither followed
     * nor changed).
     *
     * @return how many files and folders were tightened
     */
    public static int tighten(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS) || !posix(root)) {
            return 0;
        }
        int[] count = { 0 };
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (restrict(dir)) {
                        count[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && restrict(file)) {
                        count[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // removed meanwhile, or not readable: skip it
                }
            });
        } catch (NoSuchFileException e) {
            // removed meanwhile
        } catch (IOException e) {
            // the walk itself failed; what it reached is tightened
        }
        return count[0];
    }

    /**
     * Whether {@code p}'s file system has POSIX modes (false on Windows). Asked of the file system,
     * not of each mount: cheap enough for every note written; a mount that ignores modes (FAT, a
     * share) ignores them at creation too, and a refused chmod is caught.
     */
    public static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
