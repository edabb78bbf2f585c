package org.vindplaats.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.osgi.framework.Bundle;

/**
 * The files of one plugin, wherever they live: a folder being authored, a built .jar, or an
 * installed OSGi bundle. Paths are relative to the plugin root and use '/'.
 */
public interface PluginContent {

    /** Something a person recognises: the folder, the jar file, or the bundle's symbolic name. */
    String displayName();

    /**
     * Reads a file, at most {@code limit} bytes; returns empty when it does not exist. Reading more
     * than {@code limit} bytes is reported by returning {@code limit + 1} bytes.
     */
    Optional<byte[]> read(String path, long limit) throws IOException;

    boolean exists(String path);

    /** The manifest's Bundle-Version, when the content is a bundle or a built jar. */
    default Optional<String> bundleVersion() {
        return Optional.empty();
    }

    static PluginContent of(Path path) {
        return Files.isDirectory(path) ? new DirectoryContent(path) : new JarContent(path);
    }

    static PluginContent of(Bundle bundle) {
        return new BundleContent(bundle);
    }

    static byte[] readLimited(InputStream in, long limit) throws IOException {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    }

    /** A plugin folder on disk, as an author works on it. */
    record DirectoryContent(Path root) implements PluginContent {
        @Override
        public String displayName() {
            return root.toString();
        }

        @Override
        public Optional<byte[]> read(String path, long limit) throws IOException {
            try (InputStream in = Files.newInputStream(root.resolve(path))) {
                return Optional.of(readLimited(in, limit));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }

        @Override
        public boolean exists(String path) {
            Path p = root.resolve(path).normalize();
            return p.startsWith(root.normalize()) && Files.isRegularFile(p);
        }

        @Override
        public Optional<String> bundleVersion() {
            return ManifestReader.bundleVersion(root.resolve("META-INF/MANIFEST.MF"));
        }
    }

    /** A built plugin .jar (a bundle), read without installing it. */
    record JarContent(Path jar) implements PluginContent {
        @Override
        public String displayName() {
            return jar.toString();
        }

        @Override
        public Optional<byte[]> read(String path, long limit) throws IOException {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry e = zip.getEntry(path);
                if (e == null || e.isDirectory()) {
                    return Optional.empty();
                }
                try (InputStream in = zip.getInputStream(e)) {
                    return Optional.of(readLimited(in, limit));
                }
            }
        }

        @Override
        public boolean exists(String path) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry e = zip.getEntry(path);
                return e != null && !e.isDirectory();
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public Optional<String> bundleVersion() {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry e = zip.getEntry("META-INF/MANIFEST.MF");
                if (e == null) {
                    return Optional.empty();
                }
                try (InputStream in = zip.getInputStream(e)) {
                    return ManifestReader.bundleVersion(in);
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    /** An installed bundle; entries are read from the bundle itself, not its class path. */
    record BundleContent(Bundle bundle) implements PluginContent {
        @Override
        public String displayName() {
            return bundle.getSymbolicName() + " " + bundle.getVersion();
        }

        @Override
        public Optional<byte[]> read(String path, long limit) throws IOException {
            URL url = bundle.getEntry(path);
            if (url == null) {
                return Optional.empty();
            }
            try (InputStream in = url.openStream()) {
                return Optional.of(readLimited(in, limit));
            }
        }

        @Override
        public boolean exists(String path) {
            return bundle.getEntry(path) != null;
        }

        @Override
        public Optional<String> bundleVersion() {
            return Optional.of(bundle.getVersion().toString());
        }
    }
}
