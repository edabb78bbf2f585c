package org.vindplaats.catalog.tests;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.catalog.DescriptorLoader;
import org.vindplaats.catalog.LoadResult;
import org.vindplaats.catalog.PluginContent;
import org.vindplaats.catalog.PluginJarBuilder;

/**
 * Plugins come from third parties: a hostile jar must be refused with a clear problem, quickly
 * and without exhausting memory. (The timeouts are hang guards, not speed requirements.)
 */
class HostilePluginTest {

    private static Path jar(Path dir, String entryName, byte[] content) throws Exception {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().putValue("Bundle-SymbolicName", "org.example.hostile");
        mf.getMainAttributes().putValue("Vindplaats-Plugin", "vindplaats-plugin.json");
        Path jar = dir.resolve("hostile.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
            j.setLevel(Deflater.BEST_COMPRESSION);
            j.putNextEntry(new JarEntry(entryName));
            j.write(content);
            j.closeEntry();
        }
        return jar;
    }

    @Test
    void zipBombDescriptorIsRefusedWithoutInflatingIt(@TempDir Path dir) throws Exception {
        // 200 MB of spaces compress to a few hundred KB; the loader must stop after its 1 MiB limit.
        Path bombSource = dir.resolve("big");
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) ' ');
        Path jar = dir.resolve("bomb.jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
            j.setLevel(Deflater.BEST_COMPRESSION);
            j.putNextEntry(new JarEntry("vindplaats-plugin.json"));
            j.write("{\"format\": 1,".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 200; i++) {
                j.write(chunk);
            }
            j.closeEntry();
        }
        assertTrue(Files.size(jar) < 5_000_000, "the bomb is small on disk");
        assertTrue(!Files.exists(bombSource));
        LoadResult r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> new DescriptorLoader().load(PluginContent.of(jar)));
        assertTrue(r.errors().stream().anyMatch(p -> p.message().contains("the limit is")), r.problems().toString());
    }

    @Test
    void traversalEntryNamesAreNeverUsedAsPaths(@TempDir Path dir) throws Exception {
        Path jar = jar(dir, "../../../etc/vindplaats-plugin.json", "{}".getBytes(StandardCharsets.UTF_8));
        LoadResult r = new DescriptorLoader().load(PluginContent.of(jar));
        assertTrue(r.errors().stream().anyMatch(p -> p.message().contains("is missing")), r.problems().toString());
        assertTrue(!Files.exists(dir.resolve("../../../etc/vindplaats-plugin.json").normalize())
                || !dir.resolve("../../../etc/vindplaats-plugin.json").normalize().startsWith(dir));
    }

    @Test
    void notAZipIsAProblemNotACrash(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("fake.jar");
        Files.writeString(fake, "this is not a zip file");
        LoadResult r = new DescriptorLoader().load(PluginContent.of(fake));
        assertTrue(r.hasErrors(), r.problems().toString());
        assertTrue(r.errors().get(0).message().contains("cannot read the plugin"), r.problems().toString());
    }

    @Test
    void symbolicLinksAreNotPackaged(@TempDir Path dir) throws Exception {
        Path folder = Fixtures.copy("valid/platform", dir.resolve("plugin"));
        Files.createSymbolicLink(folder.resolve("passwd"), Path.of("/etc/passwd"));
        var result = new PluginJarBuilder(new DescriptorLoader()).build(folder, dir.resolve("out"));
        assertTrue(!result.ok(), "a plugin with a link is not built");
        assertTrue(result.problems().stream().anyMatch(p -> p.message().contains("is a link")), result.problems().toString());
    }
}
