package org.vindplaats.catalog.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import org.vindplaats.testing.TestFiles;

/** Test data: copies the fragment's fixtures to disk and builds small plugin jars. */
final class Fixtures {

    private Fixtures() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Fixtures.class).getBundleContext();
    }

    /** Copies fixtures/{@code folder} out of this test fragment into {@code target}. */
    static Path copy(String folder, Path target) throws IOException {
        return TestFiles.copy("org.vindplaats.catalog.tests", "fixtures/" + folder, target);
    }

    /** A plugin jar with the given descriptor text, as 'vindplaats plugin build' would make it. */
    static Path pluginJar(Path dir, String symbolicName, String version, String descriptor) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", version);
        a.putValue("Vindplaats-Plugin", "vindplaats-plugin.json");
        Path jar = dir.resolve(symbolicName + "_" + version + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
            j.putNextEntry(new JarEntry("vindplaats-plugin.json"));
            j.write(descriptor.getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        return jar;
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
