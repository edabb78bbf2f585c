package org.vindplaats.publish;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.vindplaats.catalog.Settings;
import org.vindplaats.model.io.OwnerOnly;

/**
 * The publishers this user trusts: certificates the user added ({@code vindplaats keys trust}),
 * kept as PEM files in a folder, plus those the active organisation plugin ships in its
 * {@value #ORGANISATION_FOLDER} folder (so a city can roll out its knowledge centre's key to all
 * its workers by shipping it in the organisation plugin).
 */
public final class TrustStore {

    /** Folder inside an organisation plugin holding trusted publishers' certificates (.pem, .cer, .crt). */
    public static final String ORGANISATION_FOLDER = "trusted-publishers";

    /** One trusted certificate and where the trust comes from ("user" or the organisation plugin). */
    public record Trusted(String name, String fingerprint, String source, X509Certificate certificate, Path file) {
    }

    private final Path folder;
    private final boolean includeOrganisation;

    /** @param includeOrganisation whether the active organisation plugin's certificates count too */
    public TrustStore(Path folder, boolean includeOrganisation) {
        this.folder = folder;
        this.includeOrganisation = includeOrganisation;
    }

    public Path folder() {
        return folder;
    }

    /** Every trusted certificate, the user's first; duplicates (same fingerprint) once. */
    public List<Trusted> list() {
        Map<String, Trusted> out = new LinkedHashMap<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.{pem,cer,crt}")) {
                for (Path f : files) {
                    try {
                        for (X509Certificate c : Keys.readCertificates(f)) {
                            out.putIfAbsent(Keys.fingerprint(c), new Trusted(Keys.subjectName(c), Keys.fingerprint(c), "user", c, f));
                        }
                    } catch (IOException e) {
                        ILog.of(TrustStore.class).warn(e.getMessage());
                    }
                }
            } catch (IOException e) {
                ILog.of(TrustStore.class).warn(e.getMessage());
            }
        }
        if (includeOrganisation) {
            for (Trusted t : organisationCertificates()) {
                out.putIfAbsent(t.fingerprint(), t);
            }
        }
        return new ArrayList<>(out.values());
    }

    public Optional<Trusted> find(X509Certificate cert) {
        String fp = Keys.fingerprint(cert);
        return list().stream().filter(t -> t.fingerprint().equals(fp)).findFirst();
    }

    /** Adds the certificate(s) in a PEM/DER file; returns what was added. */
    public List<Trusted> trust(Path certificateFile) throws IOException {
        List<X509Certificate> certs = Keys.readCertificates(certificateFile);
        OwnerOnly.createDirectories(folder);
        List<Trusted> added = new ArrayList<>();
        for (X509Certificate c : certs) {
            String fp = Keys.fingerprint(c);
            Path file = folder.resolve(safeName(Keys.subjectName(c)) + "-" + fp.replace(":", "").substring(0, 16).toLowerCase(Locale.ROOT) + ".pem");
            // Owner-only like every setting: whom a worker trusts is nobody else's to read or change.
            OwnerOnly.write(file, Keys.pem(c).getBytes(StandardCharsets.US_ASCII));
            added.add(new Trusted(Keys.subjectName(c), fp, "user", c, file));
        }
        return added;
    }

    /**
     * Removes a publisher the user trusted, by name or by (a prefix of at least 8 characters of)
     * its fingerprint.
     *
     * @throws IllegalArgumentException when nothing matches, or it is trusted by the organisation plugin
     */
    public List<Trusted> untrust(String nameOrFingerprint) throws IOException {
        String key = nameOrFingerprint.replace(":", "").toUpperCase(Locale.ROOT);
        List<Trusted> removed = new ArrayList<>();
        boolean byOrganisation = false;
        for (Trusted t : list()) {
            boolean match = t.name().equalsIgnoreCase(nameOrFingerprint)
                    || key.length() >= 8 && t.fingerprint().replace(":", "").startsWith(key);
            if (!match) {
                continue;
            }
            if (t.file() == null) {
                byOrganisation = true;
                continue;
            }
            Files.deleteIfExists(t.file());
            removed.add(t);
        }
        if (removed.isEmpty()) {
            throw new IllegalArgumentException(byOrganisation ? NLS.bind(Messages.Trust_byOrganisation, nameOrFingerprint)
                    : NLS.bind(Messages.Trust_unknown, nameOrFingerprint));
        }
        return removed;
    }

    private List<Trusted> organisationCertificates() {
        Optional<String> org = Settings.activeOrganisation();
        Bundle self = FrameworkUtil.getBundle(TrustStore.class);
        if (org.isEmpty() || self == null || self.getBundleContext() == null) {
            return List.of();
        }
        BundleContext ctx = self.getBundleContext();
        List<Trusted> out = new ArrayList<>();
        String bsn = "org.vindplaats.organisation." + org.get();
        for (Bundle b : ctx.getBundles()) {
            if (!bsn.equals(b.getSymbolicName()) || b.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            // getEntryPaths/getEntry read the jar as it is; findEntries would resolve the bundle,
            // and a plugin from the user's folder must never be resolved (it could attach code).
            Enumeration<String> entries = b.getEntryPaths(ORGANISATION_FOLDER + "/");
            while (entries != null && entries.hasMoreElements()) {
                String entry = entries.nextElement();
                String path = entry.toLowerCase(Locale.ROOT);
                URL url = path.endsWith(".pem") || path.endsWith(".cer") || path.endsWith(".crt") ? b.getEntry(entry) : null;
                if (url == null) {
                    continue;
                }
                try (InputStream in = url.openStream()) {
                    for (X509Certificate c : Keys.readCertificates(in, bsn + "/" + entry)) {
                        out.add(new Trusted(Keys.subjectName(c), Keys.fingerprint(c), bsn, c, null));
                    }
                } catch (IOException e) {
                    ILog.of(TrustStore.class).warn(e.getMessage());
                }
            }
        }
        return out;
    }

    private static String safeName(String s) {
        String n = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return n.isEmpty() ? "publisher" : n;
    }
}
