package org.vindplaats.publish.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.catalog.DescriptorLoader;
import org.vindplaats.catalog.PluginJarBuilder;
import org.vindplaats.publish.JarSigning;
import org.vindplaats.publish.Keys;
import org.vindplaats.publish.TrustStore;
import org.vindplaats.publish.Verifier;

/** Publisher keys, signing with the JDK's jar signer, and what the verifier accepts and refuses. */
class KeysAndVerifierTest {

    @Test
    void newKeyIsAReloadableSelfSignedCertificate(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("publisher.p12");
        Keys.SigningKey created = Keys.create(store, Fixtures.password(), "Kenniscentrum Voorbeeld");
        X509Certificate cert = created.certificate();
        assertEquals("Kenniscentrum Voorbeeld", Keys.subjectName(cert));
        cert.verify(cert.getPublicKey()); // self-signed: the signature checks with its own key
        cert.checkValidity();
        assertEquals(-1, cert.getBasicConstraints(), "not a CA");
        assertTrue(cert.getKeyUsage()[0], "digitalSignature");
        assertEquals(95, created.fingerprint().length(), "32 bytes as colon-separated hex");

        Keys.SigningKey loaded = Keys.load(store, Fixtures.password());
        assertEquals(cert, loaded.certificate());
        assertEquals(created.fingerprint(), loaded.fingerprint());

        FileAlreadyExistsException again = assertThrows(FileAlreadyExistsException.class,
                () -> Keys.create(store, Fixtures.password(), "Other"));
        assertTrue(again.getMessage().contains("never overwritten"), again.getMessage());
        IOException wrong = assertThrows(IOException.class, () -> Keys.load(store, "nope".toCharArray()));
        assertTrue(wrong.getMessage().contains("wrong password"), wrong.getMessage());
        IOException missing = assertThrows(IOException.class, () -> Keys.load(dir.resolve("none.p12"), Fixtures.password()));
        assertTrue(missing.getMessage().contains("vindplaats keys new"), missing.getMessage());

        Path pem = dir.resolve("publisher.pem");
        Files.writeString(pem, Keys.pem(cert));
        assertEquals(List.of(cert), Keys.readCertificates(pem));
    }

    @Test
    void verifierAcceptsTrustedAndRefusesChangedContent(@TempDir Path dir) throws Exception {
        Keys.SigningKey key = Keys.create(dir.resolve("k.p12"), Fixtures.password(), "Kenniscentrum Test");
        Path folder = Fixtures.platformPlugin(dir, "signed", "1.0.0", "Signed");
        Path jar = new PluginJarBuilder(new DescriptorLoader()).build(folder, dir.resolve("out")).jar().orElseThrow();
        TrustStore trust = new TrustStore(dir.resolve("trust"), false);
        Verifier verifier = new Verifier(trust);

        Verifier.Verification unsigned = verifier.verify(jar, "signed 1.0.0");
        assertEquals(Verifier.Status.UNSIGNED, unsigned.status());
        assertTrue(unsigned.message().contains("plugin signed 1.0.0 is not signed"), unsigned.message());

        Path signed = dir.resolve("signed.jar");
        JarSigning.sign(jar, signed, key);
        Verifier.Verification untrusted = verifier.verify(signed, "signed 1.0.0");
        assertEquals(Verifier.Status.UNTRUSTED, untrusted.status());
        assertEquals(key.certificate(), untrusted.signer());

        Path pem = dir.resolve("p.pem");
        Files.writeString(pem, Keys.pem(key.certificate()));
        trust.trust(pem);
        Verifier.Verification ok = verifier.verify(signed, "signed 1.0.0");
        assertEquals(Verifier.Status.TRUSTED, ok.status(), ok.message());
        assertEquals("user", ok.trustedAs());

        Path changed = dir.resolve("changed.jar");
        Files.copy(signed, changed);
        Tamper.replaceEntry(changed, "vindplaats-plugin.json", s -> s.replace("\"Signed\"", "\"Changed\""));
        Verifier.Verification tampered = verifier.verify(changed, "signed 1.0.0");
        assertEquals(Verifier.Status.TAMPERED, tampered.status());
        assertNull(tampered.signer());
        assertTrue(tampered.message().startsWith("plugin signed 1.0.0 was changed after it was signed (" + changed),
                tampered.message());
        assertTrue(tampered.message().contains("vindplaats-plugin.json"), tampered.message());
        assertTrue(tampered.message().contains("Refused; nothing was changed"), tampered.message());

        Path added = dir.resolve("added.jar");
        Files.copy(signed, added);
        Tamper.addEntry(added, "extra/notes.json", "{}");
        Verifier.Verification extra = verifier.verify(added, "signed 1.0.0");
        assertEquals(Verifier.Status.TAMPERED, extra.status());
        assertTrue(extra.message().contains("contains extra/notes.json, which was added after signing"), extra.message());

        // An entry deleted after signing: what is left verifies, but the signed list says it is missing.
        String victim;
        try (var z = new java.util.zip.ZipFile(signed.toFile())) {
            victim = z.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> !n.startsWith("META-INF/") && !n.endsWith("/") && !n.equals("vindplaats-plugin.json"))
                    .findFirst().orElseThrow();
        }
        Path removed = dir.resolve("removed.jar");
        Files.copy(signed, removed);
        Tamper.removeEntry(removed, victim);
        Verifier.Verification gone = verifier.verify(removed, "signed 1.0.0");
        assertEquals(Verifier.Status.TAMPERED, gone.status(), gone.message());
        assertTrue(gone.message().contains("lacks " + victim + ", which its signature lists: it was removed after signing"),
                gone.message());

        assertEquals(1, trust.untrust(key.fingerprint().substring(0, 11)).size());
        assertEquals(Verifier.Status.UNTRUSTED, verifier.verify(signed, "signed 1.0.0").status());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> trust.untrust("Nobody"));
        assertTrue(none.getMessage().contains("vindplaats keys list"), none.getMessage());
    }
}
