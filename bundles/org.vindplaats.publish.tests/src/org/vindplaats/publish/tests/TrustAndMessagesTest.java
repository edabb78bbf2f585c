package org.vindplaats.publish.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.catalog.PluginDescriptor;
import org.vindplaats.catalog.PluginScaffold;
import org.vindplaats.catalog.Settings;
import org.vindplaats.publish.Keys;
import org.vindplaats.publish.Messages;
import org.vindplaats.publish.TrustStore;

/** Trust rolled out through the active organisation plugin, and the message bundles. */
class TrustAndMessagesTest {

    @Test
    void activeOrganisationPluginShipsTrustedPublishers(@TempDir Path dir) throws Exception {
        Keys.SigningKey key = Keys.create(dir.resolve("k.p12"), Fixtures.password(), "Kenniscentrum Stad");
        Path org = PluginScaffold.create(PluginDescriptor.Kind.ORGANISATION, "trustorg", dir, LocalDate.now());
        Files.createDirectories(org.resolve(TrustStore.ORGANISATION_FOLDER));
        Files.writeString(org.resolve(TrustStore.ORGANISATION_FOLDER + "/kenniscentrum.pem"), Keys.pem(key.certificate()));
        var installed = Fixtures.installer().install(org);
        assertTrue(installed.jar() != null, installed.problems().toString());
        Optional<String> before = Settings.activeOrganisation();
        TrustStore trust = new TrustStore(dir.resolve("user-trust"), true);
        try {
            assertTrue(trust.find(key.certificate()).isEmpty(), "not trusted while another organisation is active");
            Settings.setActiveOrganisation("trustorg");
            var found = trust.find(key.certificate()).orElseThrow();
            assertEquals("org.vindplaats.organisation.trustorg", found.source());
            assertEquals("Kenniscentrum Stad", found.name());
            // The user cannot untrust what the organisation trusts; the message says how.
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trust.untrust("Kenniscentrum Stad"));
            assertTrue(e.getMessage().contains("trusted by the active organisation plugin"), e.getMessage());
        } finally {
            if (before.isPresent()) {
                Settings.setActiveOrganisation(before.get());
            } else {
                Settings.setActiveOrganisation(null);
            }
            Fixtures.installer().uninstall("trustorg");
        }
    }

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            byte[] bytes = in.readAllBytes();
            for (byte b : bytes) {
                assertTrue(b >= 0, name + " must be ASCII; escape other characters as \\uXXXX (NLS reads ISO-8859-1)");
            }
            p.load(new java.io.ByteArrayInputStream(bytes));
        }
        return p;
    }

    @Test
    void everyMessageInEnglishAndDutch() throws Exception {
        Set<String> fields = new TreeSet<>();
        for (Field f : Messages.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                fields.add(f.getName());
            }
        }
        assertEquals(fields, new TreeSet<>(load("messages.properties").stringPropertyNames()));
        Properties nl = load("messages_nl.properties");
        assertEquals(fields, new TreeSet<>(nl.stringPropertyNames()));
        nl.stringPropertyNames().forEach(k -> assertTrue(!nl.getProperty(k).isBlank(), k));
    }
}
