package org.vindplaats.notes.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.testing.TestFiles;

/**
 * Test fixtures from {@code src/testdata} (on the fragment's class path as {@code /testdata/...}),
 * and the dev evaluation set's notes ({@link #DEV_NOTES}).
 */
public final class TestData {

    /** The "now" of all tests: 30 June 2025, noon UTC. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-30T12:00:00Z"), ZoneOffset.UTC);

    /** The dev evaluation set's notes: shared by the test fragments, kept in org.vindplaats.testing. */
    public static final String DEV_NOTES = "eval-dev/notes.jsonl";

    private TestData() {
    }

    public static byte[] bytes(String resource) {
        try (InputStream in = DEV_NOTES.equals(resource) ? TestFiles.evalDev(TestFiles.NOTES)
                : TestData.class.getResourceAsStream("/testdata/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource /testdata/" + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    public static List<String> lines(String resource) {
        return text(resource).lines().toList();
    }

    /** Copies a resource into {@code dir}, keeping its file name. */
    public static Path copy(String resource, Path dir) throws IOException {
        Path target = dir.resolve(Path.of(resource).getFileName().toString());
        Files.createDirectories(dir);
        Files.write(target, bytes(resource));
        return target;
    }

    /** A small valid note. */
    public static TrendNote note(String id, String title, String body) {
        return NoteBuilder.create(id).title(title).body(body).observed(LocalDate.of(2025, 3, 1)).language("nl")
                .source(TrendNote.TEAM_OBSERVATION).platforms(List.of("tiktok")).build();
    }
}
