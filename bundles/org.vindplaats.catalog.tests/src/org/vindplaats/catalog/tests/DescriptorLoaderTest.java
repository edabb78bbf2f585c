package org.vindplaats.catalog.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vindplaats.catalog.DescriptorLoader;
import org.vindplaats.catalog.LoadResult;
import org.vindplaats.catalog.PluginContent;
import org.vindplaats.catalog.PluginDescriptor;
import org.vindplaats.catalog.Problem;
import org.vindplaats.catalog.SchemaVerdicts;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Feature;
import org.vindplaats.model.MethodStep;
import org.vindplaats.model.Need;
import org.vindplaats.model.PolicyStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every broken fixture must give its own specific message at the right line; valid fixtures load
 * into the model. Expectations live next to the fixtures in fixtures/broken/expectations.json.
 */
class DescriptorLoaderTest {

    /** Fixed "today" so "date in the future" does not depend on when the tests run. */
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static final DescriptorLoader LOADER = new DescriptorLoader(TODAY);

    @TempDir
    static Path fixtures;

    @BeforeAll
    static void copyFixtures() throws IOException {
        Fixtures.copy("", fixtures);
    }

    static Stream<String> brokenFixtures() throws IOException {
        return expectations().keySet().stream().sorted();
    }

    static Map<String, JsonNode> expectations() throws IOException {
        Path tmp = Files.createTempDirectory("exp");
        Fixtures.copy("broken", tmp);
        JsonNode root = new ObjectMapper().readTree(tmp.resolve("expectations.json").toFile());
        Map<String, JsonNode> map = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), e.getValue());
        }
        return map;
    }

    @Test
    void thereAreAtLeastThirtyBrokenFixtures() throws IOException {
        assertTrue(expectations().size() >= 30, "fixtures: " + expectations().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFixtures")
    void brokenFixtureGivesItsSpecificProblem(String name) throws IOException {
        JsonNode exp = expectations().get(name);
        LoadResult result = LOADER.load(PluginContent.of(fixtures.resolve("broken").resolve(name)));
        Problem.Severity severity = Problem.Severity.valueOf(exp.get("severity").asText().toUpperCase());
        List<String> contains = new ArrayList<>();
        exp.get("contains").forEach(c -> contains.add(c.asText()));
        int line = exp.get("line").asInt();

        List<Problem> matching = result.problems().stream().filter(p -> p.severity() == severity)
                .filter(p -> contains.stream().allMatch(c -> (p.message() + " " + p.fix()).contains(c))).toList();
        String all = result.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
        assertFalse(matching.isEmpty(), name + ": expected a " + severity + " containing " + contains + " but got:\n" + all);
        Problem p = matching.get(0);
        assertEquals(PluginDescriptor.FILE_NAME, p.file(), "file named in " + p.format());
        if (line > 0) {
            assertTrue(matching.stream().anyMatch(m -> m.line() == line), name + ": expected line " + line + " in:\n" + all);
        } else {
            assertTrue(p.line() > 0, name + ": a line number is expected: " + p.format());
        }
        assertFalse(p.fix().isBlank(), name + ": every problem says how to fix it");
        assertTrue(p.format().startsWith(p.location() + ": "), "compiler-style location first: " + p.format());
        if (severity == Problem.Severity.ERROR) {
            assertTrue(result.descriptor().isEmpty(), name + ": a plugin with errors is not used");
        } else {
            assertTrue(result.descriptor().isPresent(), name + ": warnings do not stop a plugin: " + all);
        }
    }

    @Test
    void rememberedSchemaVerdictsChangeNoResult(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("schema-verdicts.txt");
        List<Path> valid = List.of(fixtures.resolve("valid/platform"), fixtures.resolve("valid/organisation"));
        List<Path> all = new ArrayList<>(valid);
        brokenFixtures().forEach(name -> all.add(fixtures.resolve("broken").resolve(name)));
        // Valid ones first: only clean schema verdicts are kept, so two lines.
        SchemaVerdicts first = SchemaVerdicts.in(file);
        DescriptorLoader remembering = new DescriptorLoader(TODAY, first);
        valid.forEach(p -> remembering.load(PluginContent.of(p)));
        first.save();
        assertEquals(2, Files.readAllLines(file).size());
        // Next "start": the same results as a loader that validates everything, for every fixture.
        for (int start = 0; start < 2; start++) {
            SchemaVerdicts v = SchemaVerdicts.in(file);
            DescriptorLoader next = new DescriptorLoader(TODAY, v);
            for (Path p : all) {
                LoadResult expected = LOADER.load(PluginContent.of(p));
                LoadResult actual = next.load(PluginContent.of(p));
                assertEquals(expected.problems(), actual.problems(), p.toString());
                assertEquals(expected.descriptor().isPresent(), actual.descriptor().isPresent(), p.toString());
            }
            v.save();
        }
        long kept = Files.readAllLines(file).size();
        assertTrue(kept >= 2 && kept < all.size(), "descriptors with schema problems are not remembered: " + kept);
        // A damaged file is no file.
        Files.writeString(file, "not a digest\n" + "f".repeat(64) + "x\n");
        DescriptorLoader damaged = new DescriptorLoader(TODAY, SchemaVerdicts.in(file));
        for (Path p : all) {
            assertEquals(LOADER.load(PluginContent.of(p)).problems(), damaged.load(PluginContent.of(p)).problems());
        }
    }

    @Test
    void validPlatformLoadsIntoTheModel() {
        LoadResult result = LOADER.load(PluginContent.of(fixtures.resolve("valid/platform")));
        assertTrue(result.problems().isEmpty(), () -> result.problems().toString());
        var platform = result.descriptor().orElseThrow().platform();
        assertEquals("testapp", platform.id());
        assertEquals(Affordance.values().length, platform.profile().scores().size());
        assertEquals(2, platform.profile().level(Affordance.ANONYMITY).orElseThrow());
        assertEquals(Feature.Availability.YES, platform.features().get(Feature.STORIES).value());
        assertEquals(Need.values().length, platform.needs().size());
        assertEquals("Doe dit bij signal", platform.stepGuidance().get(MethodStep.SIGNAL).nl());
        assertEquals(13, platform.minimumAge().years());
        assertEquals(Feature.Availability.PARTLY, platform.professionalUse().autoReply().value());
        assertEquals("Sign a processing agreement.", platform.professionalUse().gdpr().en());
        assertEquals(null, platform.professionalUse().severalAdmins().note().nl());
        assertEquals("2026-01-15", platform.profile().score(Affordance.PERMANENCE).orElseThrow().sources().get(0).checked()
                .toString());
    }

    @Test
    void validOrganisationLoadsWithPolicy() {
        LoadResult result = LOADER.load(PluginContent.of(fixtures.resolve("valid/organisation")));
        assertTrue(result.problems().isEmpty(), () -> result.problems().toString());
        var org = result.descriptor().orElseThrow().organisation();
        assertEquals(PolicyStatus.BANNED, org.policyFor("testapp").status());
        assertEquals(PolicyStatus.OBSERVE_ONLY, org.policyFor("anything").status());
        assertEquals(12, org.retentionMonths());
    }

    @Test
    void missingDescriptorSaysWhichFileToCreate(@TempDir Path empty) {
        LoadResult result = LOADER.load(PluginContent.of(empty));
        assertTrue(result.hasErrors());
        assertTrue(result.errors().get(0).message().contains("vindplaats-plugin.json"));
    }

    @Test
    void oversizedDescriptorIsRefusedWithoutParsing(@TempDir Path dir) throws IOException {
        String valid = Fixtures.read(fixtures.resolve("valid/platform/vindplaats-plugin.json"));
        String padded = valid.replace("\"name\": \"Testapp\"", "\"name\": \"Testapp\"" + " ".repeat(1_100_000));
        Files.writeString(dir.resolve(PluginDescriptor.FILE_NAME), padded);
        LoadResult result = LOADER.load(PluginContent.of(dir));
        assertTrue(result.errors().stream().anyMatch(p -> p.message().contains("the limit is 1048576 bytes")),
                result.problems().toString());
    }

    @Test
    void wrongEncodingIsReportedWithLine(@TempDir Path dir) throws IOException {
        String valid = Fixtures.read(fixtures.resolve("valid/platform/vindplaats-plugin.json"));
        byte[] latin1 = valid.replace("Een verzonnen platform", "Een verzonnen platform café").getBytes(
                StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve(PluginDescriptor.FILE_NAME), latin1);
        LoadResult result = LOADER.load(PluginContent.of(dir));
        Problem p = result.errors().get(0);
        assertTrue(p.message().contains("not valid UTF-8"), p.format());
        int expectedLine = (int) valid.lines().takeWhile(l -> !l.contains("Een verzonnen platform")).count() + 1;
        assertEquals(expectedLine, p.line(), p.format());
    }

    @Test
    void byteOrderMarkIsReported(@TempDir Path dir) throws IOException {
        String valid = Fixtures.read(fixtures.resolve("valid/platform/vindplaats-plugin.json"));
        Files.writeString(dir.resolve(PluginDescriptor.FILE_NAME), "\uFEFF" + valid);
        LoadResult result = LOADER.load(PluginContent.of(dir));
        assertTrue(result.errors().get(0).message().contains("byte order mark"), result.problems().toString());
    }

    @Test
    void deeplyNestedJsonIsRefused(@TempDir Path dir) throws IOException {
        String deep = "{\"format\":1,\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        Files.writeString(dir.resolve(PluginDescriptor.FILE_NAME), deep);
        LoadResult result = LOADER.load(PluginContent.of(dir));
        assertTrue(result.errors().get(0).message().contains("nested more than"), result.problems().toString());
    }

    @Test
    void safeRelativePaths() {
        assertTrue(DescriptorLoader.isSafeRelativePath("icons/logo.png"));
        assertFalse(DescriptorLoader.isSafeRelativePath("../x"));
        assertFalse(DescriptorLoader.isSafeRelativePath("a/../../x"));
        assertFalse(DescriptorLoader.isSafeRelativePath("/etc/passwd"));
        assertFalse(DescriptorLoader.isSafeRelativePath("C:/x"));
        assertFalse(DescriptorLoader.isSafeRelativePath("a\\b"));
    }
}
