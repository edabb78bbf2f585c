package org.vindplaats.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.model.io.FileReplacement;
import org.vindplaats.model.io.OwnerOnly;

/**
 * The JVM cannot change its own umask, so these assert the modes that result; the build's umask
 * (022 on CI) would give 644/755 without the explicit modes. The real product under umask 000 is
 * checked by releng/reliability/CrashHarness.java.
 */
class OwnerOnlyTest {
    // The build and CI run on Linux (POSIX modes); on Windows these would fail, not skip.

    @TempDir
    Path tmp;

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void fileReplacementCreatesOwnerOnlyFoldersAndFiles() throws IOException {
        Path file = tmp.resolve("nieuw/diep/settings.txt");
        FileReplacement.write(file, "x".getBytes(StandardCharsets.UTF_8));
        assertEquals("rw-------", mode(file));
        assertEquals("rwx------", mode(file.getParent()));
        assertEquals("rwx------", mode(tmp.resolve("nieuw")));
    }

    @Test
    void writeTightensAFileThatExistedWithLooserModes() throws IOException {
        Path file = tmp.resolve("stamp.json");
        Files.writeString(file, "oud");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        OwnerOnly.write(file, "nieuw".getBytes(StandardCharsets.UTF_8));
        assertEquals("nieuw", Files.readString(file));
        assertEquals("rw-------", mode(file));
    }

    @Test
    void tightenWalksTheTreeCountsWhatChangedAndLeavesLinksAlone() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("ws/notes"));
        Path note = Files.writeString(root.resolve("a.md"), "a");
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "niet van ons");
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createSymbolicLink(root.resolve("link.md"), outside);
        Files.setPosixFilePermissions(note, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(root.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertTrue(OwnerOnly.isLoose(root.getParent()));
        assertEquals(3, OwnerOnly.tighten(root.getParent()));
        assertEquals("rwx------", mode(root.getParent()));
        assertEquals("rwx------", mode(root));
        assertEquals("rw-------", mode(note));
        assertEquals("rw-r--r--", mode(outside), "a symbolic link is not followed");
        assertEquals(0, OwnerOnly.tighten(root.getParent()), "nothing left to tighten");
    }
}
