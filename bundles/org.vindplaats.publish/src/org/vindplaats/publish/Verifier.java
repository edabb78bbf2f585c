package org.vindplaats.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Enumeration;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.eclipse.osgi.util.NLS;

/**
 * Checks a plugin jar before it is installed: every file signed by one publisher, nothing changed
 * after signing, and that publisher trusted.
 */
public final class Verifier {

    public enum Status {
        /** Signed, unchanged, by a trusted publisher. */
        TRUSTED,
        /** Signed and unchanged, but the publisher is not trusted here. */
        UNTRUSTED,
        /** Not signed at all. */
        UNSIGNED,
        /** Content was changed, added or removed after signing: always refused. */
        TAMPERED
    }

    /**
     * @param signer  the publisher's certificate (null when unsigned or tampered)
     * @param message what is wrong and what to do; empty for {@link Status#TRUSTED}
     */
    public record Verification(Status status, X509Certificate signer, String trustedAs, String message) {
        /** Installable without asking: trusted. Unsigned/untrusted need the user's explicit consent; tampered never. */
        public boolean ok() {
            return status == Status.TRUSTED;
        }
    }

    private final TrustStore trust;

    public Verifier(TrustStore trust) {
        this.trust = trust;
    }

    /** @param plugin the plugin's name for messages (bundle name and version) */
    public Verification verify(Path jar, String plugin) {
        X509Certificate signer = null;
        boolean anySigned = false;
        String unsignedFile = null;
        java.util.Set<String> present = new java.util.HashSet<>();
        java.util.Set<String> listed = java.util.Set.of();
        try (JarFile zip = new JarFile(jar.toFile(), true)) {
            var manifest = zip.getManifest();
            if (manifest != null) {
                listed = manifest.getEntries().keySet();
            }
            Enumeration<JarEntry> entries = zip.entries();
            byte[] buffer = new byte[8192];
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                // Reading an entry to its end makes JarFile check its digest (SecurityException when changed).
                try (InputStream in = zip.getInputStream(e)) {
                    while (in.read(buffer) >= 0) {
                        // reading is the check
                    }
                }
                if (e.isDirectory() || isSignatureFile(e.getName())) {
                    continue;
                }
                present.add(e.getName());
                CodeSigner[] signers = e.getCodeSigners();
                if (signers == null || signers.length == 0) {
                    unsignedFile = unsignedFile == null ? e.getName() : unsignedFile;
                    continue;
                }
                anySigned = true;
                Certificate c = signers[0].getSignerCertPath().getCertificates().get(0);
                if (signer == null) {
                    signer = (X509Certificate) c;
                } else if (!signer.equals(c)) {
                    return new Verification(Status.TAMPERED, null, null,
                            NLS.bind(Messages.Verify_mixedSigners, new Object[] { plugin, e.getName(), jar }));
                }
            }
        } catch (SecurityException e) {
            return new Verification(Status.TAMPERED, null, null,
                    NLS.bind(Messages.Verify_tampered, new Object[] { plugin, jar, e.getMessage() }));
        } catch (IOException e) {
            return new Verification(Status.TAMPERED, null, null,
                    NLS.bind(Messages.Verify_unreadable, new Object[] { plugin, jar, e.getMessage() }));
        }
        if (!anySigned) {
            return new Verification(Status.UNSIGNED, null, null, NLS.bind(Messages.Verify_unsigned, plugin));
        }
        // The signature covers only entries that are there: one deleted after signing goes unnoticed
        // unless the signed manifest's list is compared with the jar.
        for (String name : new java.util.TreeSet<>(listed)) {
            if (!present.contains(name) && !name.endsWith("/")) {
                return new Verification(Status.TAMPERED, null, null,
                        NLS.bind(Messages.Verify_removedFile, new Object[] { plugin, name, jar }));
            }
        }
        if (unsignedFile != null) {
            return new Verification(Status.TAMPERED, null, null,
                    NLS.bind(Messages.Verify_addedFile, new Object[] { plugin, unsignedFile, jar }));
        }
        var trusted = trust.find(signer);
        if (trusted.isEmpty()) {
            return new Verification(Status.UNTRUSTED, signer, null, NLS.bind(Messages.Verify_untrusted,
                    new Object[] { plugin, Keys.subjectName(signer), Keys.fingerprint(signer) }));
        }
        return new Verification(Status.TRUSTED, signer, trusted.get().source(), "");
    }

    private static boolean isSignatureFile(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (n.equals("META-INF/MANIFEST.MF")) {
            return true;
        }
        if (!n.startsWith("META-INF/") || n.indexOf('/', 9) >= 0) {
            return false;
        }
        return n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA") || n.endsWith(".EC") || n.startsWith("META-INF/SIG-");
    }
}
