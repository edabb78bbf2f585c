package org.vindplaats.catalog.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vindplaats.catalog.DescriptorLoader;
import org.vindplaats.catalog.LoadResult;
import org.vindplaats.catalog.PluginContent;
import org.vindplaats.catalog.PluginDescriptor;
import org.vindplaats.catalog.Problem;

/** Every input the descriptor fuzz target ever failed on (fixtures/fuzz-regressions/descriptor). */
class DescriptorFuzzRegressionTest {

    static List<String> inputs() throws IOException {
        Path dir = Fixtures.copy("fuzz-regressions", Files.createTempDirectory("fuzz-regressions")).resolve("descriptor");
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void loadsWithAProblemNotAnException(String name, @TempDir Path tmp) throws IOException {
        Path fixtures = Fixtures.copy("fuzz-regressions", tmp.resolve("fixtures"));
        Path plugin = Files.createDirectories(tmp.resolve("plugin"));
        Files.copy(fixtures.resolve("descriptor").resolve(name), plugin.resolve(PluginDescriptor.FILE_NAME));
        LoadResult r = assertTimeoutPreemptively(Duration.ofMinutes(1),
                () -> new DescriptorLoader().load(PluginContent.of(plugin)));
        assertTrue(r.hasErrors(), name + " is not a valid descriptor: " + r.problems());
        for (Problem p : r.errors()) {
            assertFalse(p.message().isBlank(), p.toString());
            assertFalse(p.fix().isBlank(), "every error says how to fix it: " + p);
            assertTrue(p.line() >= 0, p.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void emptyDescriptorsSaySoAtLineOne(String name, @TempDir Path tmp) throws IOException {
        Path fixtures = Fixtures.copy("fuzz-regressions", tmp.resolve("fixtures"));
        Path file = fixtures.resolve("descriptor").resolve(name);
        if (!Files.readString(file).isBlank()) {
            return; // only the empty-file family
        }
        Path plugin = Files.createDirectories(tmp.resolve("plugin"));
        Files.copy(file, plugin.resolve(PluginDescriptor.FILE_NAME));
        Problem p = new DescriptorLoader().load(PluginContent.of(plugin)).errors().get(0);
        assertTrue(p.message().contains("is empty"), p.toString());
        assertTrue(p.line() == 1, p.toString());
    }
}
