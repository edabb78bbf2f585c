package org.vindplaats.publish.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.catalog.Settings;
import org.vindplaats.publish.Keys;
import org.vindplaats.publish.Repositories;
import org.vindplaats.publish.TrustStore;

/**
 * A worker's settings are the worker's own: keys, trusted publishers, the repository list and the
 * shared preferences are owner-only whatever the umask (the build's 022 would give 644/755).
 */
class PrivateSettingsTest {

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void keysTrustedPublishersAndTheRepositoryListAreOwnerOnly(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("data/keys/publisher.p12");
        Keys.SigningKey key = Keys.create(keystore, Fixtures.password(), "Kenniscentrum Modes");
        assertEquals("rw-------", mode(keystore));
        assertEquals("rwx------", mode(keystore.getParent()));

        Path pem = Files.writeString(dir.resolve("centre.pem"), Keys.pem(key.certificate()));
        TrustStore trust = new TrustStore(dir.resolve("data/trusted-publishers"), false);
        Path trusted = trust.trust(pem).get(0).file();
        assertEquals("rw-------", mode(trusted));
        assertEquals("rwx------", mode(trusted.getParent()));

        Repositories repos = new Repositories(dir.resolve("data2/repositories.txt"));
        repos.add(URI.create("https://www.example.org/vindplaats/"));
        assertEquals("rw-------", mode(repos.file()));
        assertEquals("rwx------", mode(repos.file().getParent()));
    }

    @Test
    void theSharedPreferencesFileIsOwnerOnly() throws Exception {
        String area = System.getProperty("osgi.instance.area");
        assertTrue(area != null, "the test runtime has an instance location");
        Path root = Path.of(URI.create(area.replace(" ", "%20")));
        Optional<String> before = Settings.activeOrganisation();
        try {
            Settings.setActiveOrganisation("modes-test");
            Path prefs;
            try (Stream<Path> all = Files.walk(root)) {
                prefs = all.filter(p -> p.getFileName().toString().equals(Settings.NODE + ".prefs")).findFirst()
                        .orElseThrow();
            }
            assertEquals("rw-------", mode(prefs));
            for (Path p = prefs.getParent(); !p.equals(root.getParent()); p = p.getParent()) {
                assertEquals("rwx------", mode(p), p.toString());
            }
        } finally {
            Settings.setActiveOrganisation(before.orElse(null));
        }
    }
}
