package org.vindplaats.catalog.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vindplaats.catalog.DescriptorLoader;
import org.vindplaats.catalog.LoadResult;
import org.vindplaats.catalog.PluginContent;
import org.vindplaats.catalog.PluginInstaller;
import org.vindplaats.catalog.Problem;
import org.vindplaats.testing.Services;

/**
 * Hostile plugin jars beyond {@link HostilePluginTest} (zip bomb, traversal entry, not a zip, links):
 * a manifest name that walks out of the plugin folder, and the descriptor checks (encoding, nesting,
 * size) when the descriptor comes from a jar instead of a folder. Timeouts are hang guards only.
 */
class HostilePluginJarsTest {

    private static final Duration HANG_GUARD = Duration.ofMinutes(2);

    @TempDir
    static Path dir;
    static String valid;
    static PluginInstaller installer;

    @BeforeAll
    static void setUp() throws Exception {
        Fixtures.copy("valid", dir.resolve("fixtures"));
        valid = Fixtures.read(dir.resolve("fixtures/platform/vindplaats-plugin.json"));
        installer = Services.await(PluginInstaller.class); // registered by Declarative Services
    }

    /** A jar with this manifest name and descriptor entry; {@code stored} skips compression. */
    private static Path jar(String name, String symbolicName, byte[] descriptor, boolean stored) throws Exception {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Vindplaats-Plugin", "vindplaats-plugin.json");
        Path jar = Files.createTempDirectory(dir, "jar").resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
            JarEntry e = new JarEntry("vindplaats-plugin.json");
            if (stored) {
                CRC32 crc = new CRC32();
                crc.update(descriptor);
                e.setMethod(ZipEntry.STORED);
                e.setSize(descriptor.length);
                e.setCrc(crc.getValue());
            }
            j.putNextEntry(e);
            j.write(descriptor);
            j.closeEntry();
        }
        return jar;
    }

    private static LoadResult load(Path jar) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> new DescriptorLoader().load(PluginContent.of(jar)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "../../../escaped", "..", "sub/dir/plugin", "a\\..\\..\\b", "/tmp/absolute",
            "name with spaces", "org.example..double" })
    void aManifestNameThatIsNoFileNameIsRefusedAndNothingIsWritten(String symbolicName) throws Exception {
        Path jar = jar("evil.jar", symbolicName, valid.getBytes(StandardCharsets.UTF_8), false);
        assertFalse(load(jar).hasErrors(), "the descriptor itself is fine; only the name is hostile");
        Path folder = installer.folder();
        List<Path> before = listing(folder.getParent().getParent());
        PluginInstaller.InstallResult r = installer.install(jar);
        assertFalse(r.installed() || r.updated(), "refused: " + r);
        Problem p = r.problems().stream().filter(Problem::isError).findFirst().orElseThrow(() -> new AssertionError(r));
        assertTrue(p.message().contains(symbolicName) && p.message().contains("not a plugin name"), p.message());
        assertTrue(p.fix().contains("vindplaats plugin build"), p.fix());
        assertEquals(before, listing(folder.getParent().getParent()), "no file appeared next to or above the plugin folder");
        assertFalse(Files.exists(folder.resolve(symbolicName + ".jar").normalize()));
    }

    private static List<Path> listing(Path root) throws Exception {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var s = Files.walk(root, 3)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void invalidUtf8InsideAJarIsReportedWithItsLine() throws Exception {
        byte[] good = valid.getBytes(StandardCharsets.UTF_8);
        String marker = "Een verzonnen platform";
        int at = valid.indexOf(marker);
        assertTrue(at > 0, "fixture changed: " + marker);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] prefix = valid.substring(0, at).getBytes(StandardCharsets.UTF_8);
        b.write(prefix);
        b.write(new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE }); // broken sequence, never-valid bytes
        b.write(good, prefix.length, good.length - prefix.length);
        LoadResult r = load(jar("bad-utf8.jar", "org.example.badutf", b.toByteArray(), false));
        Problem p = r.errors().get(0);
        assertTrue(p.message().contains("not valid UTF-8"), p.format());
        assertEquals(valid.substring(0, at).split("\n", -1).length, p.line(), p.format());
    }

    @Test
    void deeplyNestedJsonInsideAJarIsRefused() throws Exception {
        String deep = "{\"format\":1,\"x\":" + "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000) + "}";
        LoadResult r = load(jar("deep.jar", "org.example.deep", deep.getBytes(StandardCharsets.UTF_8), false));
        assertTrue(r.errors().get(0).message().contains("nested more than"), r.problems().toString());
    }

    @Test
    void aHugeUncompressedDescriptorInsideAJarIsRefusedBySize() throws Exception {
        byte[] huge = (valid.substring(0, valid.length() - 2) + ",\"padding\":\"" + "x".repeat(5_000_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        LoadResult r = load(jar("huge.jar", "org.example.huge", huge, true));
        assertTrue(r.errors().stream().anyMatch(p -> p.message().contains("the limit is")), r.problems().toString());
    }

    @Test
    void aJarWithTensOfThousandsOfEntriesIsReadWithoutHanging() throws Exception {
        Path jar = Files.createTempDirectory(dir, "many").resolve("many.jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
            for (int i = 0; i < 30_000; i++) {
                j.putNextEntry(new JarEntry("junk/../" + i + "/vindplaats-plugin.json"));
                j.closeEntry();
            }
            j.putNextEntry(new JarEntry("vindplaats-plugin.json"));
            j.write(valid.getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        LoadResult r = load(jar);
        assertFalse(r.hasErrors(), "only the root descriptor counts: " + r.problems());
        assertEquals("testapp", r.descriptor().orElseThrow().id());
    }
}
