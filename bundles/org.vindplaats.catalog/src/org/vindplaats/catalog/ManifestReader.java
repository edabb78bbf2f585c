package org.vindplaats.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.Manifest;

/** Reads Bundle-Version from a manifest; missing or unreadable manifests simply give no version. */
final class ManifestReader {

    private ManifestReader() {
    }

    static Optional<String> bundleVersion(Path manifest) {
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(manifest)) {
            return bundleVersion(in);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<String> bundleVersion(InputStream in) throws IOException {
        String v = new Manifest(in).getMainAttributes().getValue("Bundle-Version");
        return Optional.ofNullable(v).map(String::trim);
    }
}
