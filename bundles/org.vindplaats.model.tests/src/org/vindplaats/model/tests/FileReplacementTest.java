package org.vindplaats.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.model.io.FileReplacement;

class FileReplacementTest {

    @TempDir
    Path tmp;

    @Test
    void writeCreatesTheFolderAndReplacesTheFileWithoutLeavingATempFile() throws IOException {
        Path file = tmp.resolve("a/b/settings.txt");
        FileReplacement.write(file, "eerste".getBytes(StandardCharsets.UTF_8));
        FileReplacement.write(file, "tweede versie".getBytes(StandardCharsets.UTF_8));
        assertEquals("tweede versie", Files.readString(file));
        assertEquals(List.of("settings.txt"), names(file.getParent()));
    }

    @Test
    void aFailedReplacementKeepsTheOldContentAndRemovesItsTempFile() throws IOException {
        // A non-empty folder cannot be replaced by a file: the rename fails after the temp file is written.
        Path target = tmp.resolve("notes");
        Files.createDirectories(target);
        Files.writeString(target.resolve("keep.md"), "bewaard");
        assertThrows(IOException.class, () -> FileReplacement.write(target, "x".getBytes(StandardCharsets.UTF_8)));
        assertEquals("bewaard", Files.readString(target.resolve("keep.md")));
        assertEquals(List.of("notes"), names(tmp), "no temp file left beside the target");
    }

    @Test
    void moveRenamesACompleteTempFileOverTheTarget() throws IOException {
        Path target = tmp.resolve("plugin.jar");
        Files.writeString(target, "oud");
        Path temp = tmp.resolve(".building-1.jar");
        Files.writeString(temp, "nieuw");
        FileReplacement.force(temp);
        FileReplacement.move(temp, target);
        assertEquals("nieuw", Files.readString(target));
        assertTrue(Files.notExists(temp));
    }

    @Test
    void leftoversOfACrashedReplacementAreDeletedButNotAnotherWritersFreshOneNorOtherFiles() throws IOException {
        Path target = tmp.resolve("repositories.txt");
        Files.writeString(target, "https://voorbeeld.org/repo\n");
        Path crashed = tmp.resolve(".repositories.txt.8231.tmp");
        Path writing = tmp.resolve(".repositories.txt.9917.tmp");
        Path otherFile = tmp.resolve(".notes.txt.1111.tmp");
        Path lookalike = tmp.resolve(".repositories.txt.tmp.bak");
        for (Path p : List.of(crashed, writing, otherFile, lookalike)) {
            Files.writeString(p, "half");
        }
        FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        for (Path p : List.of(crashed, otherFile, lookalike)) {
            Files.setLastModifiedTime(p, anHourAgo);
        }

        assertEquals(1, FileReplacement.deleteLeftovers(target, Duration.ofMinutes(10)));
        assertEquals(List.of(".notes.txt.1111.tmp", ".repositories.txt.9917.tmp", ".repositories.txt.tmp.bak", "repositories.txt"),
                names(tmp), "only the old temp file of this target went");

        // With a lock that rules out other writers, the fresh one goes too.
        assertEquals(1, FileReplacement.deleteLeftovers(target, Duration.ZERO));
        assertEquals("https://voorbeeld.org/repo\n", Files.readString(target));
        assertEquals(0, FileReplacement.deleteLeftovers(tmp.resolve("missing/x.txt"), Duration.ZERO));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
