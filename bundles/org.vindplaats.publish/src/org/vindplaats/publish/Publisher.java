package org.vindplaats.publish;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.metadata.IRequirement;
import org.eclipse.equinox.p2.metadata.MetadataFactory;
import org.eclipse.equinox.p2.metadata.MetadataFactory.InstallableUnitDescription;
import org.eclipse.equinox.p2.metadata.Version;
import org.eclipse.equinox.p2.metadata.VersionRange;
import org.eclipse.equinox.p2.publisher.IPublisherAction;
import org.eclipse.equinox.p2.publisher.IPublisherInfo;
import org.eclipse.equinox.p2.publisher.PublisherInfo;
import org.eclipse.equinox.p2.publisher.eclipse.BundlesAction;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.catalog.DescriptorLoader;
import org.vindplaats.catalog.LoadResult;
import org.vindplaats.catalog.PluginContent;
import org.vindplaats.catalog.PluginDescriptor;
import org.vindplaats.catalog.PluginJarBuilder;
import org.vindplaats.catalog.Problem;

/**
 * Publishes plugins into a p2 repository folder (metadata, artifacts, categories) that any static
 * web server can serve or that can be shared as a folder: each plugin folder is built, each jar
 * checked, signed with the publisher's key and added by p2's own publisher. Older versions stay,
 * so workers can roll back.
 */
public final class Publisher {

    /** Category ids, one per plugin kind. */
    public static final String CATEGORY_PREFIX = "org.vindplaats.category.";
    static final String PLUGIN_PREFIX = "org.vindplaats.";

    /** One plugin version that was added to the repository. */
    public record Published(String id, String version, String name, Path source) {
    }

    /** What was published and every problem found (errors mean that plugin was not published). */
    public record PublishResult(List<Published> published, List<Problem> problems) {
        public boolean ok() {
            return problems.stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR);
        }
    }

    private final DescriptorLoader loader = new DescriptorLoader();

    /**
     * @param inputs plugin folders and/or built plugin jars
     * @param repo   the repository folder (created when missing; appended to when present)
     * @param key    the publisher's signing key
     */
    public PublishResult publish(List<Path> inputs, Path repo, Keys.SigningKey key, String repositoryName,
            IProgressMonitor monitor) throws IOException {
        SubMonitor sub = SubMonitor.convert(monitor, NLS.bind(Messages.Publish_task, repo), inputs.size() * 2 + 3);
        List<Problem> problems = new ArrayList<>();
        List<Published> published = new ArrayList<>();
        Path staging = Publisher.tempDirectory("vindplaats-publish");
        try {
            Map<String, Path> signed = new TreeMap<>(); // id_version -> signed jar
            Map<String, Path> sources = new TreeMap<>();
            for (Path input : inputs) {
                checkCanceled(sub);
                sub.subTask(input.toString());
                Path jar = input;
                if (Files.isDirectory(input)) {
                    var built = new PluginJarBuilder(loader).build(input, staging.resolve("built"));
                    problems.addAll(built.problems());
                    if (!built.ok()) {
                        sub.worked(2);
                        continue;
                    }
                    jar = built.jar().get();
                } else {
                    LoadResult check = loader.load(PluginContent.of(input));
                    problems.addAll(check.problems());
                    if (check.hasErrors()) {
                        sub.worked(2);
                        continue;
                    }
                }
                sub.worked(1);
                String[] idVersion = idAndVersion(jar);
                if (idVersion == null) {
                    problems.add(error(input, NLS.bind(Messages.Publish_notAPlugin, input), Messages.Publish_notAPlugin_fix));
                    sub.worked(1);
                    continue;
                }
                String name = idVersion[0] + "_" + idVersion[1];
                if (signed.containsKey(name)) {
                    problems.add(error(input, NLS.bind(Messages.Publish_twice, new Object[] { idVersion[0], idVersion[1], sources.get(name) }),
                            Messages.Publish_twice_fix));
                    sub.worked(1);
                    continue;
                }
                Path out = staging.resolve(name + ".jar");
                JarSigning.sign(jar, out, key);
                signed.put(name, out);
                sources.put(name, input);
                sub.worked(1);
            }
            if (signed.isEmpty()) {
                return new PublishResult(published, problems);
            }
            checkCanceled(sub);
            Files.createDirectories(repo);
            URI location = repo.toAbsolutePath().normalize().toUri();
            try (P2 p2 = P2.open()) {
                String title = repositoryName == null || repositoryName.isBlank() ? Messages.Publish_defaultName : repositoryName;
                IMetadataRepository meta = org.eclipse.equinox.p2.publisher.Publisher.createMetadataRepository(p2.agent,
                        location, title, true, true);
                IArtifactRepository artifacts = org.eclipse.equinox.p2.publisher.Publisher.createArtifactRepository(p2.agent,
                        location, title, true);
                // A version once published is never replaced: workers may have it installed, and
                // changing its bytes would make it look tampered. A new version is needed instead.
                List<File> toPublish = new ArrayList<>();
                for (var e : signed.entrySet()) {
                    String[] iv = idAndVersion(e.getValue());
                    var existing = meta.query(QueryUtil.createIUQuery(iv[0], Version.create(iv[1])), null);
                    if (!existing.isEmpty()) {
                        problems.add(error(sources.get(e.getKey()), NLS.bind(Messages.Publish_exists,
                                new Object[] { iv[0], iv[1], repo }), Messages.Publish_exists_fix));
                        continue;
                    }
                    toPublish.add(e.getValue().toFile());
                }
                sub.worked(1);
                if (!toPublish.isEmpty()) {
                    PublisherInfo info = new PublisherInfo();
                    info.setArtifactOptions(IPublisherInfo.A_INDEX | IPublisherInfo.A_PUBLISH);
                    info.setMetadataRepository(meta);
                    info.setArtifactRepository(artifacts);
                    IStatus status = new org.eclipse.equinox.p2.publisher.Publisher(info).publish(
                            new IPublisherAction[] { new BundlesAction(toPublish.toArray(File[]::new)) }, sub.split(1));
                    if (status.getSeverity() == IStatus.ERROR || status.getSeverity() == IStatus.CANCEL) {
                        throw new IOException(NLS.bind(Messages.Publish_p2Failed, repo, status.getMessage()));
                    }
                    for (File f : toPublish) {
                        String[] iv = idAndVersion(f.toPath());
                        var iu = meta.query(QueryUtil.createIUQuery(iv[0], Version.create(iv[1])), null).iterator();
                        String label = iu.hasNext() ? iu.next().getProperty(IInstallableUnit.PROP_NAME, null) : iv[0];
                        published.add(new Published(iv[0], iv[1], label, sources.get(iv[0] + "_" + iv[1])));
                    }
                    updateCategories(meta);
                }
                sub.worked(1);
            } catch (ProvisionException e) {
                throw new IOException(NLS.bind(Messages.Publish_p2Failed, repo, e.getMessage()), e);
            }
            return new PublishResult(published, problems);
        } finally {
            deleteQuietly(staging);
            sub.done();
        }
    }

    /** One category per plugin kind listing every version of every plugin, rebuilt on each publish. */
    private static void updateCategories(IMetadataRepository meta) {
        List<IInstallableUnit> old = new ArrayList<>();
        meta.query(QueryUtil.createIUCategoryQuery(), null).forEach(old::add);
        old.removeIf(iu -> !iu.getId().startsWith(CATEGORY_PREFIX));
        meta.removeInstallableUnits(old);
        Map<String, List<IRequirement>> byKind = new TreeMap<>();
        for (IInstallableUnit iu : meta.query(QueryUtil.createIUAnyQuery(), null)) {
            String kind = kindOf(iu.getId());
            if (kind == null || QueryUtil.isCategory(iu)) {
                continue;
            }
            VersionRange exact = new VersionRange(iu.getVersion(), true, iu.getVersion(), true);
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(MetadataFactory
                    .createRequirement(IInstallableUnit.NAMESPACE_IU_ID, iu.getId(), exact, null, false, false));
        }
        List<IInstallableUnit> categories = new ArrayList<>();
        String qualifier = java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                .format(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC));
        for (var e : byKind.entrySet()) {
            InstallableUnitDescription d = new InstallableUnitDescription();
            d.setId(CATEGORY_PREFIX + e.getKey());
            d.setVersion(Version.createOSGi(1, 0, 0, qualifier));
            d.setProperty(InstallableUnitDescription.PROP_TYPE_CATEGORY, Boolean.TRUE.toString());
            d.setProperty(IInstallableUnit.PROP_NAME, "platform".equals(e.getKey()) ? Messages.Publish_categoryPlatforms
                    : Messages.Publish_categoryOrganisations);
            d.setRequirements(e.getValue().toArray(IRequirement[]::new));
            d.setCapabilities(new org.eclipse.equinox.p2.metadata.IProvidedCapability[] {
                    MetadataFactory.createProvidedCapability(IInstallableUnit.NAMESPACE_IU_ID, d.getId(), d.getVersion()) });
            categories.add(MetadataFactory.createInstallableUnit(d));
        }
        meta.addInstallableUnits(categories);
    }

    /** "platform" or "organisation" for a plugin bundle id, else null. */
    static String kindOf(String bundleId) {
        for (PluginDescriptor.Kind k : PluginDescriptor.Kind.values()) {
            if (bundleId.startsWith(PLUGIN_PREFIX + k.id() + ".")) {
                return k.id();
            }
        }
        return null;
    }

    /** Bundle-SymbolicName and Bundle-Version of a plugin jar, or null when it is not a plugin bundle. */
    static String[] idAndVersion(Path jar) throws IOException {
        try (JarFile zip = new JarFile(jar.toFile(), false)) {
            var mf = zip.getManifest();
            if (mf == null) {
                return null;
            }
            var a = mf.getMainAttributes();
            String bsn = a.getValue("Bundle-SymbolicName");
            String version = a.getValue("Bundle-Version");
            if (bsn == null || version == null || a.getValue(PluginDescriptor.MANIFEST_HEADER) == null) {
                return null;
            }
            return new String[] { bsn.split(";")[0].trim(), version.trim() };
        }
    }

    private static Problem error(Path where, String message, String fix) {
        return new Problem(Problem.Severity.ERROR, where.toString(), "", 0, 0, message, fix);
    }

    static void checkCanceled(IProgressMonitor m) {
        if (m != null && m.isCanceled()) {
            throw new OperationCanceledException();
        }
    }

    /** System property naming the folder for temporary files (tests check that nothing is left there). */
    public static final String TEMP_PROPERTY = "vindplaats.temp.dir";

    /** A new temporary folder, under {@value #TEMP_PROPERTY} when set; callers delete it on every path. */
    static Path tempDirectory(String prefix) throws IOException {
        String root = System.getProperty(TEMP_PROPERTY);
        if (root == null || root.isBlank()) {
            return Files.createTempDirectory(prefix);
        }
        return Files.createTempDirectory(Files.createDirectories(Path.of(root)), prefix);
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp folder
        }
    }
}
