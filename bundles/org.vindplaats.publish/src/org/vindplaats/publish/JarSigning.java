package org.vindplaats.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.zip.ZipFile;

import jdk.security.jarsigner.JarSigner;

/** Signs plugin jars with the JDK's own jar signer (what jarsigner does), so any JDK can verify them. */
public final class JarSigning {

    /** Signer name: the signature files are META-INF/VINDPLAA.SF and .EC. */
    static final String SIGNER_NAME = "VINDPLAA";

    private JarSigning() {
    }

    public static void sign(Path jar, Path signedJar, Keys.SigningKey key) throws IOException {
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream out = Files.newOutputStream(signedJar)) {
            var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(key.certificate()));
            JarSigner signer = new JarSigner.Builder(key.privateKey(), path).digestAlgorithm("SHA-256")
                    .signerName(SIGNER_NAME).build();
            signer.sign(in, out);
        } catch (GeneralSecurityException e) {
            throw new IOException(org.eclipse.osgi.util.NLS.bind(Messages.Keys_cannotSign, jar, e.getMessage()), e);
        } catch (jdk.security.jarsigner.JarSignerException e) {
            throw new IOException(org.eclipse.osgi.util.NLS.bind(Messages.Keys_cannotSign, jar, e.getMessage()), e);
        }
    }
}
