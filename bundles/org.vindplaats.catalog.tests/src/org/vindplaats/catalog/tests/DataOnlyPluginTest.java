package org.vindplaats.catalog.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.DescriptorLoader;
import org.vindplaats.catalog.PluginInfo;
import org.vindplaats.catalog.PluginInstaller;
import org.vindplaats.catalog.PluginJarBuilder;
import org.vindplaats.catalog.Problem;
import org.vindplaats.catalog.internal.FolderPluginInstaller;
import org.vindplaats.catalog.internal.Restarts;
import org.vindplaats.testing.Services;

/**
 * Plugins are data, never code (issue 13). Every hostile jar below is refused by the installer with
 * the header or file it is about and a reason, and nothing of it ever runs: the payload class writes
 * a marker file from its static initialiser, which any load by the framework would trigger. After
 * each case the test does what the rest of Vindplaats might do with an installed bundle (resolve
 * every bundle, start the user's bundles) and checks the marker is still absent, also after a
 * restart over the same plugin folder.
 */
class DataOnlyPluginTest {

    private static final String BSN = "org.vindplaats.platform.testapp";

    @TempDir
    static Path dir;
    static String valid;
    static Path marker;
    static byte[] payload;
    static PluginInstaller installer;
    static Catalog catalog;

    /** One hostile jar: extra manifest headers, extra entries, and what the refusal must name. */
    record Hostile(String label, Map<String, String> headers, Map<String, byte[]> entries, String named) {
        @Override
        public String toString() {
            return label;
        }
    }

    @BeforeAll
    static void setUp() throws Exception {
        Fixtures.copy("valid", dir.resolve("fixtures"));
        valid = Fixtures.read(dir.resolve("fixtures/platform/vindplaats-plugin.json"));
        marker = dir.resolve("payload-ran.marker");
        payload = compilePayload(marker);
        installer = Services.await(PluginInstaller.class);
        catalog = Services.await(Catalog.class);
    }

    /** evil.Payload: writes the marker as soon as the class is initialised, i.e. loaded by the framework. */
    private static byte[] compilePayload(Path marker) throws Exception {
        Path src = Files.createDirectories(dir.resolve("payload-src/evil")).resolve("Payload.java");
        String path = marker.toString().replace("\\", "\\\\");
        Files.writeString(src, """
                package evil;
                public class Payload {
                    static {
                        try {
                            java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "code from a plugin ran");
                        } catch (java.io.IOException e) {
                            throw new RuntimeException(e);
                        }
                    }
                    public void start(Object context) { }
                    public void stop(Object context) { }
                }
                """.formatted(path));
        Path out = Files.createDirectories(dir.resolve("payload-classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests run on a JDK");
        assertEquals(0, javac.run(null, null, null, "-d", out.toString(), src.toString()));
        return Files.readAllBytes(out.resolve("evil/Payload.class"));
    }

    @AfterEach
    void nothingRan() throws Exception {
        resolveAndStartEverything();
        assertFalse(Files.exists(marker), "plugin code ran: " + marker);
        for (Bundle b : Fixtures.context().getBundles()) {
            if (b.getLocation().startsWith(FolderPluginInstaller.LOCATION_PREFIX)) {
                assertEquals(Bundle.INSTALLED, b.getState(), "a user plugin is never resolved: " + b);
            }
        }
    }

    /** What a careless part of Vindplaats could do: resolve every bundle, start the user's ones. */
    private static void resolveAndStartEverything() {
        Bundle system = Fixtures.context().getBundle(0);
        system.adapt(FrameworkWiring.class).resolveBundles(null);
        for (Bundle b : Fixtures.context().getBundles()) {
            if (b.getLocation().startsWith(FolderPluginInstaller.LOCATION_PREFIX)) {
                try {
                    b.start();
                } catch (BundleException | IllegalStateException e) {
                    // refused by the framework: what we want
                }
            }
        }
    }

    static Map<String, byte[]> entries(Object... nameAndContent) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndContent.length; i += 2) {
            Object c = nameAndContent[i + 1];
            m.put((String) nameAndContent[i], c instanceof byte[] b ? b : ((String) c).getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }

    static Stream<Hostile> hostile() throws Exception {
        byte[] cls = payload;
        byte[] elf = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0 };
        byte[] nestedJar = zip(entries("evil/Payload.class", cls));
        List<Hostile> h = new ArrayList<>();
        // The exploit of issue 13: a framework extension whose activator runs as the user.
        h.add(new Hostile("framework extension", Map.of("Fragment-Host", "system.bundle; extension:=framework",
                "ExtensionBundle-Activator", "evil.Payload"), entries("evil/Payload.class", cls), "Fragment-Host"));
        h.add(new Hostile("extension activator", Map.of("ExtensionBundle-Activator", "evil.Payload"),
                entries("evil/Payload.class", cls), "ExtensionBundle-Activator"));
        h.add(new Hostile("bundle activator", Map.of("Bundle-Activator", "evil.Payload"),
                entries("evil/Payload.class", cls), "Bundle-Activator"));
        h.add(new Hostile("fragment of the catalog", Map.of("Fragment-Host", "org.vindplaats.catalog"), entries(),
                "Fragment-Host"));
        h.add(new Hostile("header in lower case", Map.of("fragment-host", "system.bundle; extension:=framework"),
                entries(), "fragment-host"));
        h.add(new Hostile("service component", Map.of("Service-Component", "OSGI-INF/evil.xml"),
                entries("OSGI-INF/evil.xml", "<component/>"), "Service-Component"));
        h.add(new Hostile("require bundle", Map.of("Require-Bundle", "org.vindplaats.catalog"), entries(), "Require-Bundle"));
        h.add(new Hostile("import package", Map.of("Import-Package", "org.osgi.framework"), entries(), "Import-Package"));
        h.add(new Hostile("dynamic import", Map.of("DynamicImport-Package", "*"), entries(), "DynamicImport-Package"));
        h.add(new Hostile("native code header", Map.of("Bundle-NativeCode", "lib/libevil.so; osname=Linux"),
                entries("lib/libevil.so", elf), "Bundle-NativeCode"));
        h.add(new Hostile("class path", Map.of("Bundle-ClassPath", "data/lib.jar,."), entries("data/lib.jar", nestedJar),
                "Bundle-ClassPath"));
        h.add(new Hostile("foreign header", Map.of("Eclipse-BuddyPolicy", "global"), entries(), "Eclipse-BuddyPolicy"));
        h.add(new Hostile("capability", Map.of("Provide-Capability", "osgi.extender; osgi.extender=\"osgi.component\""),
                entries(), "Provide-Capability"));
        h.add(new Hostile("no manifest version", Map.of("Bundle-ManifestVersion", "1"), entries(), "Bundle-ManifestVersion"));
        h.add(new Hostile("class file", Map.of(), entries("evil/Payload.class", cls), "evil/Payload.class"));
        h.add(new Hostile("class file disguised as data", Map.of(), entries("data/notes.jsonl", cls), "data/notes.jsonl"));
        h.add(new Hostile("class file in a nested jar", Map.of(), entries("data/extra.jar", nestedJar), "data/extra.jar!/evil/Payload.class"));
        h.add(new Hostile("class file in a nested zip in a zip", Map.of(),
                entries("data/bundle.zip", zip(entries("inner.zip", nestedJar))), "data/bundle.zip!/inner.zip!/evil/Payload.class"));
        h.add(new Hostile("native library .so", Map.of(), entries("lib/libevil.so", elf), "lib/libevil.so"));
        h.add(new Hostile("native library .dll", Map.of(), entries("evil.dll", "MZ"), "evil.dll"));
        h.add(new Hostile("native library .dylib", Map.of(), entries("libevil.dylib", elf), "libevil.dylib"));
        h.add(new Hostile("native library .jnilib", Map.of(), entries("libevil.jnilib", elf), "libevil.jnilib"));
        h.add(new Hostile("native code disguised as an icon", Map.of(), entries("icon/logo.png", elf), "icon/logo.png"));
        h.add(new Hostile("service loader file", Map.of(), entries("META-INF/services/java.lang.Runnable", "evil.Payload"),
                "META-INF/services/java.lang.Runnable"));
        h.add(new Hostile("multi-release folder", Map.of(), entries("META-INF/versions/21/x.json", "{}"),
                "META-INF/versions/21/x.json"));
        h.add(new Hostile("plugin.xml", Map.of(), entries("plugin.xml", "<plugin/>"), "plugin.xml"));
        h.add(new Hostile("properties outside the layout", Map.of(), entries("OSGI-INF/l10n/bundle.properties", "x=y"),
                "OSGI-INF/l10n/bundle.properties"));
        h.add(new Hostile("unknown file type", Map.of(), entries("data/run.sh", "#!/bin/sh\n"), "data/run.sh"));
        h.add(new Hostile("hidden file", Map.of(), entries("data/.hidden.json", "{}"), "data/.hidden.json"));
        h.add(new Hostile("name of another plugin", Map.of("Bundle-SymbolicName", "org.vindplaats.platform.tiktok"),
                entries(), "org.vindplaats.platform.tiktok"));
        return h.stream();
    }

    /** A jar like 'plugin build' makes for the valid fixture, plus the hostile headers and entries. */
    static Path jar(Hostile h) throws Exception {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-SymbolicName", BSN);
        headers.put("Bundle-Version", "1.0.0");
        headers.put("Vindplaats-Plugin", "vindplaats-plugin.json");
        headers.putAll(h.headers());
        headers.forEach(a::putValue);
        Path jar = Files.createTempDirectory(dir, "hostile").resolve(BSN + "_1.0.0.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
            j.putNextEntry(new JarEntry("vindplaats-plugin.json"));
            j.write(valid.getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
            for (var e : h.entries().entrySet()) {
                j.putNextEntry(new JarEntry(e.getKey()));
                j.write(e.getValue());
                j.closeEntry();
            }
        }
        return jar;
    }

    private static Problem refusal(List<Problem> problems, String named) {
        return problems.stream().filter(Problem::isError)
                .filter(p -> p.file().contains(named) || p.message().contains(named)).findFirst()
                .orElseThrow(() -> new AssertionError("no error names " + named + ": " + problems));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void aHostileJarIsRefusedNamingWhatAndWhyAndNothingChanges(Hostile h) throws Exception {
        Path jar = jar(h);
        PluginInstaller.InstallResult r = installer.install(jar);
        assertFalse(r.installed() || r.updated(), "refused: " + r);
        assertNull(r.jar(), "no jar written: " + r);
        Problem p = refusal(r.problems(), h.named());
        assertFalse(p.fix().isBlank(), "says what to do: " + p);
        assertTrue(p.message().length() > h.named().length() + 10, "says why: " + p);
        assertFalse(Files.exists(installer.folder().resolve(BSN + ".jar")), "nothing in the plugin folder");
        assertNull(Fixtures.context().getBundle(FolderPluginInstaller.LOCATION_PREFIX + BSN + ".jar"));
    }

    @Test
    void theFirstHostileCaseIsTheExploitOfIssue13() throws Exception {
        Hostile exploit = hostile().findFirst().orElseThrow();
        List<Problem> problems = installer.install(jar(exploit)).problems();
        // Every part of it is named: both headers and the class file.
        refusal(problems, "Fragment-Host");
        refusal(problems, "ExtensionBundle-Activator");
        refusal(problems, "evil/Payload.class");
    }

    @Test
    void aPluginFolderWithCodeIsNotBuiltAndNotInstalled() throws Exception {
        Path folder = Fixtures.copy("valid/platform", dir.resolve("with-code"));
        Files.createDirectories(folder.resolve("data"));
        Files.write(folder.resolve("data/Payload.class"), payload);
        Files.write(folder.resolve("data/libevil.so"), new byte[] { 0x7f, 'E', 'L', 'F' });
        var built = new PluginJarBuilder(new DescriptorLoader()).build(folder, dir.resolve("with-code-out"));
        assertFalse(built.ok(), built.problems().toString());
        refusal(built.problems(), "data/Payload.class");
        refusal(built.problems(), "data/libevil.so");
        PluginInstaller.InstallResult r = installer.install(folder);
        assertNull(r.jar());
        refusal(r.problems(), "data/Payload.class");
    }

    @Test
    void aDataOnlyPluginWithDataFilesStillInstallsAndIsNeverResolved() throws Exception {
        Path folder = Fixtures.copy("valid/platform", dir.resolve("good"));
        Files.createDirectories(folder.resolve("icon"));
        Files.write(folder.resolve("icon/logo.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 });
        Files.writeString(folder.resolve("README.md"), "# Testapp\n");
        PluginInstaller.InstallResult r = installer.install(folder);
        try {
            assertNotNull(r.jar(), r.problems().toString());
            Bundle b = Fixtures.context().getBundle(FolderPluginInstaller.LOCATION_PREFIX + BSN + ".jar");
            assertNotNull(b);
            resolveAndStartEverything();
            assertEquals(Bundle.INSTALLED, b.getState(), "read with getEntry only, never resolved");
            assertTrue(catalog.platform("testapp").isPresent(), "its content is served");
        } finally {
            installer.uninstall("testapp");
        }
    }

    /**
     * A hostile jar already in the plugin folder (put there by an older Vindplaats, or by hand) is
     * refused when the folder is read, listed as broken with the reason, and never installed into
     * the framework; the same after a restart over the same folder.
     */
    @Test
    void aHostileJarAlreadyInThePluginFolderIsRefusedAtLoadAndAfterARestart() throws Exception {
        Hostile exploit = hostile().findFirst().orElseThrow();
        Path inFolder = installer.folder().resolve(BSN + ".jar");
        Files.createDirectories(installer.folder());
        Files.copy(jar(exploit), inFolder);
        String location = FolderPluginInstaller.LOCATION_PREFIX + BSN + ".jar";
        try {
            installer.sync();
            assertNull(Fixtures.context().getBundle(location), "never installed into the framework");
            assertRefusedInCatalog(catalog, location);
            resolveAndStartEverything();
            assertFalse(Files.exists(marker));

            try (Restarts.Session restarted = Restarts.start(Fixtures.context())) {
                assertNull(Fixtures.context().getBundle(location), "not installed after a restart either");
                assertRefusedInCatalog(restarted.catalog(), location);
                resolveAndStartEverything();
                assertFalse(Files.exists(marker));
            }
        } finally {
            Files.deleteIfExists(inFolder);
            installer.sync();
        }
        assertTrue(catalog.plugins().stream().noneMatch(p -> p.location().equals(location)),
                "removing the jar removes its entry");
    }

    private static void assertRefusedInCatalog(Catalog c, String location) {
        PluginInfo info = c.plugins().stream().filter(p -> p.location().equals(location)).findFirst()
                .orElseThrow(() -> new AssertionError("the refused jar is listed: " + c.plugins()));
        assertEquals(PluginInfo.State.BROKEN, info.state());
        refusal(info.problems(), "Fragment-Host");
        refusal(info.problems(), "evil/Payload.class");
    }
}
