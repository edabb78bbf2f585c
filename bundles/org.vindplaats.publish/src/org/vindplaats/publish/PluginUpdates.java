package org.vindplaats.publish;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Version;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.PluginInfo;
import org.vindplaats.catalog.PluginInstaller;
import org.vindplaats.catalog.Problem;
import org.vindplaats.publish.RepositoryClient.Available;
import org.vindplaats.publish.RepositoryClient.Listing;
import org.vindplaats.publish.RepositoryClient.RepositoryException;

/**
 * What workers do with plugin repositories: list what they offer, see updates, install, update
 * and roll back. Installs go through the {@link PluginInstaller}, so running workbenches and CLI
 * sessions apply them without a restart. Every download is checked (checksum, signature, trust)
 * before anything changes.
 */
public final class PluginUpdates {

    /** System property naming the folder for repositories, trusted publishers and keys. */
    public static final String DATA_PROPERTY = "vindplaats.data.dir";

    public enum Status {
        INSTALLED, UPDATED, ROLLED_BACK, UP_TO_DATE, REFUSED
    }

    /**
     * The result of one install, update or rollback.
     *
     * @param message why it was refused, what to do; empty otherwise
     */
    public record Outcome(Status status, String id, String version, String previousVersion,
            Verifier.Verification verification, List<Problem> problems, String message) {
        public boolean changed() {
            return status == Status.INSTALLED || status == Status.UPDATED || status == Status.ROLLED_BACK;
        }
    }

    /**
     * What the worker agreed to.
     *
     * @param allowUnsigned accept a plugin that is unsigned or signed by an untrusted publisher
     * @param replace       accept that it replaces a platform or organisation another publisher supplies
     * @param allowOlder    accept a version older than the installed one (an explicitly chosen version)
     */
    public record Consent(boolean allowUnsigned, boolean replace, boolean allowOlder) {
        /** An update: never older, nothing more than the flags given. */
        public static Consent update(boolean allowUnsigned, boolean replace) {
            return new Consent(allowUnsigned, replace, false);
        }
    }

    /** An available newer version of an installed plugin. */
    public record Update(String id, String installedVersion, Available available) {
    }

    /** What the repositories offer; a repository that could not be read is reported and skipped. */
    public record Offer(List<Listing> listings, List<String> errors) {
        public List<Available> plugins() {
            return listings.stream().flatMap(l -> l.plugins().stream()).toList();
        }
    }

    private final PluginInstaller installer;
    private final Catalog catalog;
    private final Path dataFolder;
    private final RepositoryClient client;
    private final Repositories repositories;
    private final TrustStore trust;

    public PluginUpdates(PluginInstaller installer, Catalog catalog, Path dataFolder, RepositoryClient client) {
        this.installer = installer;
        this.catalog = catalog;
        this.dataFolder = dataFolder;
        this.client = client;
        this.repositories = new Repositories(dataFolder.resolve("repositories.txt"));
        this.trust = new TrustStore(dataFolder.resolve("trusted-publishers"), true);
    }

    /** With the user's data folder beside the plugin folder (or {@value #DATA_PROPERTY}). */
    public PluginUpdates(PluginInstaller installer, Catalog catalog) {
        this(installer, catalog, defaultDataFolder(installer), new RepositoryClient());
    }

    public static Path defaultDataFolder(PluginInstaller installer) {
        String configured = System.getProperty(DATA_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        Path parent = installer.folder().toAbsolutePath().getParent();
        return parent != null ? parent : installer.folder();
    }

    /** The default publisher keystore of this user. */
    public Path defaultKeystore() {
        return dataFolder.resolve("keys").resolve("publisher.p12");
    }

    public Repositories repositories() {
        return repositories;
    }

    public TrustStore trust() {
        return trust;
    }

    public RepositoryClient client() {
        return client;
    }

    /** Reads every given repository (the configured ones when {@code from} is empty). */
    public Offer offer(List<URI> from, IProgressMonitor monitor) {
        List<URI> repos = from == null || from.isEmpty() ? repositories.list() : from;
        SubMonitor sub = SubMonitor.convert(monitor, Messages.Updates_checking, Math.max(1, repos.size()));
        List<Listing> listings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (URI r : repos) {
            Publisher.checkCanceled(sub);
            if (RepositoryClient.isInsecure(r) && !repositories.acceptedInsecure(r)) {
                errors.add(NLS.bind(Messages.Repo_insecure, r));
                sub.worked(1);
                continue;
            }
            try {
                listings.add(client.list(r, sub.split(1)));
            } catch (RepositoryException e) {
                errors.add(e.getMessage());
            }
        }
        return new Offer(listings, errors);
    }

    /** The installed version of a plugin bundle (the highest when several are installed), if any. */
    public Optional<String> installedVersion(String bundleId) {
        return catalog.plugins().stream().filter(p -> bundleId.equals(p.source()) && p.bundleVersion() != null)
                .map(PluginInfo::bundleVersion).max(Comparator.comparing(Version::parseVersion));
    }

    /** Installed plugins for which a repository offers a higher version. */
    public List<Update> updates(Offer offer) {
        Map<String, Available> newest = new TreeMap<>();
        for (Available a : offer.plugins()) {
            newest.merge(a.id(), a, (x, y) -> x.osgiVersion().compareTo(y.osgiVersion()) >= 0 ? x : y);
        }
        List<Update> out = new ArrayList<>();
        for (Available a : newest.values()) {
            installedVersion(a.id()).ifPresent(v -> {
                if (a.osgiVersion().compareTo(Version.parseVersion(v)) > 0) {
                    out.add(new Update(a.id(), v, a));
                }
            });
        }
        return out;
    }

    /** Matches a plugin id as users type it: "yubo", "org.vindplaats.platform.yubo". */
    public static boolean matches(String bundleId, String typed) {
        return bundleId.equals(typed) || bundleId.endsWith("." + typed);
    }

    /**
     * Installs (or updates to) a plugin from the offer: the newest version, or {@code version}.
     *
     * @param allowUnsigned the user explicitly accepted an unsigned or untrusted plugin
     * @throws IllegalArgumentException when no repository offers that plugin (or version)
     */
    public Outcome install(Offer offer, String id, String version, boolean allowUnsigned, IProgressMonitor monitor)
            throws IOException {
        return install(offer, id, version, new Consent(allowUnsigned, false, version != null), monitor);
    }

    /** As above; an older version than the installed one only when {@code version} names it. */
    public Outcome install(Offer offer, String id, String version, Consent consent, IProgressMonitor monitor)
            throws IOException {
        List<Available> candidates = offer.plugins().stream().filter(a -> matches(a.id(), id))
                .filter(a -> version == null || Version.parseVersion(a.version()).equals(Version.parseVersion(version)))
                .sorted(Comparator.comparing(Available::osgiVersion).reversed()).toList();
        if (candidates.isEmpty()) {
            var ids = offer.plugins().stream().map(Available::id).distinct().toList();
            throw new IllegalArgumentException(version == null
                    ? NLS.bind(Messages.Updates_notOffered, id, ids.isEmpty() ? "-" : String.join(", ", ids))
                    : NLS.bind(Messages.Updates_versionNotOffered, id, version));
        }
        long ids = candidates.stream().map(Available::id).distinct().count();
        if (ids > 1) {
            throw new IllegalArgumentException(NLS.bind(Messages.Updates_ambiguous, id,
                    String.join(", ", candidates.stream().map(Available::id).distinct().toList())));
        }
        Available chosen = candidates.get(0);
        String before = installedVersion(chosen.id()).orElse(null);
        if (version == null && before != null && chosen.osgiVersion().compareTo(Version.parseVersion(before)) < 0
                && !consent.allowOlder()) {
            return new Outcome(Status.REFUSED, chosen.id(), chosen.version(), before, null, List.of(),
                    NLS.bind(Messages.Updates_olderInstall, new Object[] { chosen.id(), before, chosen.version() }));
        }
        return install(chosen, new Consent(consent.allowUnsigned(), consent.replace(), true), monitor);
    }

    /** An update: downloads, checks and installs one plugin version, never an older one. */
    public Outcome install(Available plugin, boolean allowUnsigned, IProgressMonitor monitor) throws IOException {
        return install(plugin, Consent.update(allowUnsigned, false), monitor);
    }

    /** Downloads, checks and installs one plugin version. Nothing changes unless every check passes. */
    public Outcome install(Available plugin, Consent consent, IProgressMonitor monitor) throws IOException {
        SubMonitor sub = SubMonitor.convert(monitor, NLS.bind(Messages.Updates_installing, plugin.id(), plugin.version()), 3);
        String before = installedVersion(plugin.id()).orElse(null);
        if (before != null && Version.parseVersion(before).equals(plugin.osgiVersion())) {
            return new Outcome(Status.UP_TO_DATE, plugin.id(), before, before, null, List.of(), "");
        }
        if (before != null && plugin.osgiVersion().compareTo(Version.parseVersion(before)) < 0 && !consent.allowOlder()) {
            return new Outcome(Status.REFUSED, plugin.id(), plugin.version(), before, null, List.of(),
                    NLS.bind(Messages.Updates_older, new Object[] { plugin.id(), before, plugin.version() }));
        }
        boolean allowUnsigned = consent.allowUnsigned();
        Path tmp = Publisher.tempDirectory("vindplaats-download");
        try {
            Path jar;
            try {
                jar = client.download(plugin, tmp, sub.split(1));
            } catch (RepositoryException e) {
                // Unreachable, missing or not matching the repository's checksum: nothing changes.
                return new Outcome(Status.REFUSED, plugin.id(), plugin.version(), before, null, List.of(), e.getMessage());
            }
            String label = plugin.id() + " " + plugin.version();
            Verifier.Verification v = new Verifier(trust).verify(jar, label);
            sub.worked(1);
            if (v.status() == Verifier.Status.TAMPERED) {
                return new Outcome(Status.REFUSED, plugin.id(), plugin.version(), before, v, List.of(), v.message());
            }
            if (!v.ok() && !allowUnsigned) {
                return new Outcome(Status.REFUSED, plugin.id(), plugin.version(), before, v, List.of(),
                        v.message() + " " + Messages.Updates_needsConsent);
            }
            // The jar must be what the repository announced: a listing of "yubo" must not deliver another plugin.
            String[] actual = Publisher.idAndVersion(jar);
            if (actual == null || !actual[0].equals(plugin.id())
                    || !Version.parseVersion(actual[1]).equals(plugin.osgiVersion())) {
                return new Outcome(Status.REFUSED, plugin.id(), plugin.version(), before, v, List.of(),
                        NLS.bind(Messages.Updates_wrongContent, new Object[] { plugin.id(), plugin.version(),
                                actual == null ? "?" : actual[0], actual == null ? "?" : actual[1] }));
            }
            Publisher.checkCanceled(sub);
            PluginInstaller.InstallResult r = installer.install(new PluginInstaller.InstallRequest(jar, consent.replace(),
                    publisher(v)));
            sub.worked(1);
            if (r.jar() == null) {
                return new Outcome(Status.REFUSED, plugin.id(), plugin.version(), before, v, r.problems(),
                        NLS.bind(Messages.Updates_brokenPlugin, plugin.id(), plugin.version()));
            }
            return new Outcome(before == null ? Status.INSTALLED : Status.UPDATED, plugin.id(), plugin.version(), before, v,
                    r.problems(), "");
        } finally {
            Publisher.deleteQuietly(tmp);
            sub.done();
        }
    }

    /** The publisher a verification names: its signer, or null when unsigned or changed. */
    public static PluginInstaller.PublisherId publisher(Verifier.Verification v) {
        return v == null || v.signer() == null ? null
                : new PluginInstaller.PublisherId(Keys.subjectName(v.signer()), Keys.fingerprint(v.signer()));
    }

    /**
     * Puts back the version that was installed before the last install or update of this plugin
     * (the installer keeps it as {@code <bundle>.jar.previous}). Rolling back twice returns to the newer one.
     *
     * @throws IllegalArgumentException when there is no previous version
     */
    public Outcome rollback(String id) throws IOException {
        Path folder = installer.folder();
        Path previous = null;
        String bundle = null;
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".jar.previous")).toList()) {
                    String b = p.getFileName().toString().replace(".jar.previous", "");
                    if (matches(b, id)) {
                        previous = p;
                        bundle = b;
                    }
                }
            }
        }
        if (previous == null) {
            throw new IllegalArgumentException(NLS.bind(Messages.Updates_noPrevious, id));
        }
        String before = installedVersion(bundle).orElse(null);
        // The installer replaces <bundle>.jar.previous with the current jar; install from a copy.
        Path tmp = Publisher.tempDirectory("vindplaats-rollback");
        try {
            Path copy = tmp.resolve(bundle + ".jar");
            Files.copy(previous, copy, StandardCopyOption.REPLACE_EXISTING);
            // Going back to what was installed before is the worker's explicit choice; its signer is still its publisher.
            Verifier.Verification v = new Verifier(trust).verify(copy, bundle);
            if (v.status() == Verifier.Status.TAMPERED) {
                return new Outcome(Status.REFUSED, bundle, null, before, v, List.of(), v.message());
            }
            PluginInstaller.InstallResult r = installer.install(new PluginInstaller.InstallRequest(copy, true, publisher(v)));
            if (r.jar() == null) {
                return new Outcome(Status.REFUSED, bundle, null, before, null, r.problems(),
                        NLS.bind(Messages.Updates_brokenPrevious, bundle, previous));
            }
            return new Outcome(Status.ROLLED_BACK, bundle, r.version(), before, null, r.problems(), "");
        } finally {
            Publisher.deleteQuietly(tmp);
        }
    }
}
