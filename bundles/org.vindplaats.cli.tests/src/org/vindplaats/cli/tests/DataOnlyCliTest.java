package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.FrameworkWiring;
import org.vindplaats.cli.ExitCodes;

/**
 * Issue 13 through the command line: a plugin jar that is a framework extension with an activator
 * and a class file is reported by 'plugin validate' and refused by 'plugin install' with the headers
 * and file named (a folder with a class file by 'validate' too), is refused again
 * when it sits in the plugin folder already, and its code never runs, not after 'organisation use',
 * 'keys list' and 'plugins' either (which once resolved user bundles).
 */
class DataOnlyCliTest {

    @Test
    void theFrameworkExtensionExploitIsRefusedAndNeverRuns(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("payload-ran.marker");
        assertEquals(ExitCodes.OK, CliHarness.run("plugin", "new", "platform", "evilplug", "--dir", dir.toString()).exitCode());
        var build = CliHarness.run("plugin", "build", dir.resolve("evilplug").toString(), "--output", dir.resolve("out").toString());
        assertEquals(ExitCodes.OK, build.exitCode(), build.out());
        Path good = dir.resolve("out/org.vindplaats.platform.evilplug_1.0.0.jar");
        byte[] payload = payload(dir, marker);
        Path hostile = withExtension(good, dir.resolve("hostile.jar"), payload);

        var validate = CliHarness.run("plugin", "validate", hostile.toString());
        assertEquals(ExitCodes.PROBLEMS_FOUND, validate.exitCode(), validate.out());
        assertTrue(validate.out().contains("hostile.jar!/evil/Payload.class") && validate.out().contains("Fragment-Host"),
                validate.out());
        Files.createDirectories(dir.resolve("evilplug/data"));
        Files.write(dir.resolve("evilplug/data/Payload.class"), payload);
        var folderCheck = CliHarness.run("validate", dir.resolve("evilplug").toString());
        assertEquals(ExitCodes.PROBLEMS_FOUND, folderCheck.exitCode(), folderCheck.out());
        assertTrue(folderCheck.out().contains("Payload.class is a Java class file"), folderCheck.out());

        var install = CliHarness.run("plugin", "install", hostile.toString());
        assertEquals(ExitCodes.PROBLEMS_FOUND, install.exitCode(), install.out());
        for (String named : new String[] { "Fragment-Host", "ExtensionBundle-Activator", "hostile.jar!/evil/Payload.class" }) {
            assertTrue(install.out().contains(named), named + " in " + install.out());
        }
        Path folder = CliHarness.installer().folder();
        assertFalse(Files.exists(folder.resolve("org.vindplaats.platform.evilplug.jar")));

        // As an older Vindplaats would have left it: the jar in the plugin folder.
        Files.createDirectories(folder);
        Files.copy(hostile, folder.resolve("org.vindplaats.platform.evilplug.jar"));
        try {
            CliHarness.installer().sync();
            var plugins = CliHarness.run("plugins");
            assertTrue(plugins.out().contains("org.vindplaats.platform.evilplug") && plugins.out().contains("Fragment-Host"),
                    plugins.out());
            assertEquals(ExitCodes.OK, CliHarness.run("organisation", "use", "stad-voorbeeld").exitCode());
            CliHarness.run("keys", "list");
            BundleContext ctx = FrameworkUtil.getBundle(DataOnlyCliTest.class).getBundleContext();
            ctx.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(null);
            assertNull(ctx.getBundle("vindplaats:user-plugins/org.vindplaats.platform.evilplug.jar"), "never installed");
            assertFalse(Files.exists(marker), "plugin code ran");

            var uninstall = CliHarness.run("plugin", "uninstall", "evilplug");
            assertEquals(ExitCodes.OK, uninstall.exitCode(), uninstall.out() + uninstall.err());
            assertFalse(Files.exists(folder.resolve("org.vindplaats.platform.evilplug.jar")), "a refused jar can be removed");
        } finally {
            CliHarness.run("organisation", "use", "none");
            Files.deleteIfExists(folder.resolve("org.vindplaats.platform.evilplug.jar"));
            CliHarness.installer().sync();
        }
        assertFalse(Files.exists(marker), "plugin code ran");
    }

    /** evil/Payload.class, whose static initialiser writes the marker. */
    private static byte[] payload(Path dir, Path marker) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/evil")).resolve("Payload.java");
        Files.writeString(src, "package evil; public class Payload { static { try { java.nio.file.Files.writeString("
                + "java.nio.file.Path.of(\"" + marker.toString().replace("\\", "\\\\")
                + "\"), \"ran\"); } catch (java.io.IOException e) { throw new RuntimeException(e); } } }");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.resolve("classes").toString(),
                src.toString()));
        return Files.readAllBytes(dir.resolve("classes/evil/Payload.class"));
    }

    /** The built jar, turned into a framework extension whose activator is the payload. */
    private static Path withExtension(Path jar, Path out, byte[] payload) throws Exception {
        try (JarFile in = new JarFile(jar.toFile()); OutputStream o = Files.newOutputStream(out)) {
            Manifest mf = new Manifest(in.getManifest());
            mf.getMainAttributes().putValue("Fragment-Host", "system.bundle; extension:=framework");
            mf.getMainAttributes().putValue("ExtensionBundle-Activator", "evil.Payload");
            try (JarOutputStream j = new JarOutputStream(o, mf)) {
                for (var e : java.util.Collections.list(in.entries())) {
                    if (e.getName().equals(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    j.putNextEntry(new JarEntry(e.getName()));
                    try (InputStream data = in.getInputStream(e)) {
                        data.transferTo(j);
                    }
                    j.closeEntry();
                }
                j.putNextEntry(new JarEntry("evil/Payload.class"));
                j.write(payload);
                j.closeEntry();
            }
        }
        return out;
    }
}
