package org.vindplaats.publish;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.model.io.OwnerOnly;

/**
 * Publisher keys: a key pair with a self-signed certificate in a PKCS12 keystore. Workers trust a
 * publisher by its certificate (see {@link TrustStore}); the certificate's SHA-256 fingerprint is
 * what they compare when a knowledge centre reads it out to them.
 */
public final class Keys {

    /** The alias of the publisher key inside the keystore. */
    public static final String ALIAS = "vindplaats-publisher";
    private static final int VALID_YEARS = 10;

    private Keys() {
    }

    /** A loaded signing key: the private key and its certificate. */
    public record SigningKey(PrivateKey privateKey, X509Certificate certificate) {
        public String fingerprint() {
            return Keys.fingerprint(certificate);
        }
    }

    /**
     * Creates a new publisher key pair and self-signed certificate (EC P-256, valid 10 years) in a
     * new PKCS12 keystore. Never overwrites an existing keystore: losing a key means workers must
     * trust a new one.
     */
    public static SigningKey create(Path keystore, char[] password, String publisherName) throws IOException {
        if (Files.exists(keystore)) {
            throw new FileAlreadyExistsException(keystore.toString(), null,
                    NLS.bind(Messages.Keys_exists, keystore));
        }
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = gen.generateKeyPair();
            X509Certificate cert = selfSigned(pair, publisherName);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, pair.getPrivate(), password, new java.security.cert.Certificate[] { cert });
            if (keystore.toAbsolutePath().getParent() != null) {
                OwnerOnly.createDirectories(keystore.toAbsolutePath().getParent());
            }
            // Created rw------- (not chmod-ed afterwards): the private key is never readable by others.
            try (OutputStream out = java.nio.channels.Channels.newOutputStream(OwnerOnly.open(keystore,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE))) {
                ks.store(out, password);
            }
            return new SigningKey(pair.getPrivate(), cert);
        } catch (GeneralSecurityException e) {
            throw new IOException(NLS.bind(Messages.Keys_cannotCreate, keystore, e.getMessage()), e);
        }
    }

    /** Loads the publisher key; the message says what to do when the keystore is missing or the password wrong. */
    public static SigningKey load(Path keystore, char[] password) throws IOException {
        if (!Files.isRegularFile(keystore)) {
            throw new IOException(NLS.bind(Messages.Keys_missing, keystore));
        }
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            String alias = ks.containsAlias(ALIAS) ? ALIAS
                    : java.util.Collections.list(ks.aliases()).stream().filter(a -> isKey(ks, a)).findFirst()
                            .orElseThrow(() -> new IOException(NLS.bind(Messages.Keys_noKeyInStore, keystore)));
            PrivateKey key = (PrivateKey) ks.getKey(alias, password);
            X509Certificate cert = (X509Certificate) ks.getCertificate(alias);
            return new SigningKey(key, cert);
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException || e.getMessage() != null
                    && e.getMessage().toLowerCase(Locale.ROOT).contains("password")) {
                throw new IOException(NLS.bind(Messages.Keys_wrongPassword, keystore), e);
            }
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IOException(NLS.bind(Messages.Keys_wrongPassword, keystore), e);
        }
    }

    private static boolean isKey(KeyStore ks, String alias) {
        try {
            return ks.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The certificate as PEM text, to hand to workers or an organisation plugin. */
    public static String pem(X509Certificate cert) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads certificates from a PEM or DER file. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readCertificates(in, file.toString());
        }
    }

    static List<X509Certificate> readCertificates(InputStream in, String where) throws IOException {
        try {
            var certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> out = new ArrayList<>();
            for (var c : certs) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IOException(NLS.bind(Messages.Keys_noCertificate, where));
            }
            return out;
        } catch (CertificateException e) {
            throw new IOException(NLS.bind(Messages.Keys_noCertificate, where), e);
        }
    }

    /** SHA-256 of the encoded certificate, as colon-separated upper-case hex (what keytool shows). */
    public static String fingerprint(X509Certificate cert) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CN of a certificate's subject, for messages. */
    public static String subjectName(X509Certificate cert) {
        String dn = cert.getSubjectX500Principal().getName();
        for (String part : dn.split(",")) {
            if (part.trim().startsWith("CN=")) {
                return part.trim().substring(3);
            }
        }
        return dn;
    }

    // The JDK has no public API to create certificates (keytool uses internal classes), so the
    // small self-signed X.509 v3 certificate is DER-encoded here and parsed back by the JDK.
    private static X509Certificate selfSigned(KeyPair pair, String name) throws GeneralSecurityException, IOException {
        byte[] algorithm = seq(oid(1, 2, 840, 10045, 4, 3, 2)); // ecdsa-with-SHA256
        byte[] subject = seq(set(seq(oid(2, 5, 4, 3), tlv(0x0c, name.getBytes(StandardCharsets.UTF_8)))),
                set(seq(oid(2, 5, 4, 11), tlv(0x0c, "Vindplaats publisher".getBytes(StandardCharsets.UTF_8)))));
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withNano(0).minusMinutes(5);
        byte[] validity = seq(time(now), time(now.plusYears(VALID_YEARS)));
        byte[] serial = tlv(0x02, new BigInteger(64, new SecureRandom()).setBit(62).toByteArray());
        // Extensions: basicConstraints CA:false and keyUsage digitalSignature, so no tool mistakes it for a CA.
        byte[] basic = seq(oid(2, 5, 29, 19), tlv(0x01, new byte[] { (byte) 0xff }), tlv(0x04, seq()));
        byte[] usage = seq(oid(2, 5, 29, 15), tlv(0x01, new byte[] { (byte) 0xff }),
                tlv(0x04, tlv(0x03, new byte[] { 0x07, (byte) 0x80 })));
        byte[] extensions = tlv(0xa3, seq(basic, usage));
        byte[] tbs = seq(tlv(0xa0, tlv(0x02, new byte[] { 2 })), serial, algorithm, subject, validity, subject,
                pair.getPublic().getEncoded(), extensions);
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(pair.getPrivate());
        s.update(tbs);
        byte[] sig = s.sign();
        byte[] bits = new byte[sig.length + 1];
        System.arraycopy(sig, 0, bits, 1, sig.length);
        byte[] der = seq(tbs, algorithm, tlv(0x03, bits));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    private static byte[] time(ZonedDateTime t) {
        if (t.getYear() < 2050) {
            return tlv(0x17, DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").format(t).getBytes(StandardCharsets.US_ASCII));
        }
        return tlv(0x18, DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").format(t).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] oid(int... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(parts[0] * 40 + parts[1]);
        for (int i = 2; i < parts.length; i++) {
            int v = parts[i];
            int shift = 28;
            while (shift > 0 && (v >>> shift) == 0) {
                shift -= 7;
            }
            for (; shift > 0; shift -= 7) {
                out.write(0x80 | ((v >>> shift) & 0x7f));
            }
            out.write(v & 0x7f);
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = value.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else if (len < 0x10000) {
            out.write(0x82);
            out.write(len >>> 8);
            out.write(len & 0xff);
        } else {
            out.write(0x83);
            out.write(len >>> 16);
            out.write((len >>> 8) & 0xff);
            out.write(len & 0xff);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
