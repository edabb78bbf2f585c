package org.vindplaats.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.DataOnlyCheck;
import org.vindplaats.catalog.DescriptorLoader;
import org.vindplaats.catalog.LoadResult;
import org.vindplaats.catalog.Messages;
import org.vindplaats.catalog.PluginContent;
import org.vindplaats.catalog.PluginDescriptor;
import org.vindplaats.catalog.PluginInfo;
import org.vindplaats.catalog.PluginInstaller;
import org.vindplaats.catalog.PluginJarBuilder;
import org.vindplaats.catalog.Problem;
import org.vindplaats.model.UserFolders;
import org.vindplaats.model.io.FileReplacement;

/**
 * Keeps the framework in step with the user's plugin folder: one jar per plugin, installed as a
 * bundle whose location starts with {@value #LOCATION_PREFIX}. A watcher thread follows changes
 * made by other processes (e.g. the CLI while the workbench runs), so updates apply live.
 */
@Component(service = PluginInstaller.class, immediate = true)
public final class FolderPluginInstaller implements PluginInstaller {

    /** Problems with single jars go to the log (the CLI prints warnings; the workbench's log keeps them). */
    private static final ILog LOG = ILog.of(FolderPluginInstaller.class);

    /** Location prefix of bundles installed from the user's plugin folder (the ones that can be removed). */
    public static final String LOCATION_PREFIX = org.vindplaats.catalog.PluginInfo.USER_LOCATION_PREFIX;
    /** System property, then environment variable, naming the plugin folder. */
    public static final String FOLDER_PROPERTY = "vindplaats.plugins.dir";
    public static final String FOLDER_ENV = "VINDPLAATS_PLUGINS";

    @Reference
    Catalog catalog; // the extender must be active before bundles appear, so it sees them

    private BundleContext context;
    private ServiceRegistration<ResolverHookFactory> resolverHook;
    private Path folder;
    /** Jars that passed the data-only check, with the size and time they had then. */
    private final Map<Path, String> checked = new HashMap<>();
    /** Locations of jars in the folder that were refused (listed by the catalog as broken). */
    private final Set<String> refused = new HashSet<>();
    private Thread watcher;
    private WatchService watchService;

    @Activate
    void activate(BundleContext ctx) {
        this.context = ctx;
        this.folder = defaultFolder();
        // Before the first sync: from now on no bundle from the plugin folder can be resolved.
        resolverHook = ctx.registerService(ResolverHookFactory.class, new UserPluginResolverHook(), null);
        sync();
        startWatcher();
    }

    @Deactivate
    void deactivate() {
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        if (watcher != null) {
            watcher.interrupt();
        }
        if (resolverHook != null) {
            try {
                resolverHook.unregister();
            } catch (IllegalStateException e) {
                // already gone with the framework
            }
        }
    }

    public static Path defaultFolder() {
        String configured = System.getProperty(FOLDER_PROPERTY, System.getenv(FOLDER_ENV));
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        return UserFolders.current().plugins();
    }

    @Override
    public Path folder() {
        return folder;
    }

    @Override
    public PublisherId publisher(PluginInfo plugin) {
        return new PublisherRecords(folder).of(plugin);
    }

    @Override
    public synchronized InstallResult install(InstallRequest request) throws IOException {
        Path source = request.source();
        Path jar = source;
        List<Problem> problems = new ArrayList<>();
        Path buildDir = null;
        if (Files.isDirectory(source)) {
            buildDir = Files.createTempDirectory("vindplaats-build");
            var built = new PluginJarBuilder(new DescriptorLoader()).build(source, buildDir);
            problems.addAll(built.problems());
            if (!built.ok()) {
                deleteQuietly(buildDir);
                return new InstallResult(false, false, null, null, null, problems);
            }
            jar = built.jar().get();
        }
        try {
            LoadResult check = new DescriptorLoader().load(PluginContent.of(jar));
            if (buildDir == null) {
                problems.addAll(check.problems());
            }
            Optional<String> bsn = symbolicName(jar);
            if (check.hasErrors() || bsn.isEmpty()) {
                if (bsn.isEmpty()) {
                    problems.add(new Problem(Problem.Severity.ERROR, jar.toString(), "META-INF/MANIFEST.MF", 0, 0,
                            NLS.bind(Messages.Install_notABundle, jar), NLS.bind(Messages.Install_notABundle_fix, null)));
                }
                return new InstallResult(false, false, bsn.orElse(null), null, null, problems);
            }
            if (!isSymbolicName(bsn.get())) {
                // The name becomes <folder>/<name>.jar: "../../x" would write outside the plugin folder.
                problems.add(new Problem(Problem.Severity.ERROR, jar.toString(), "META-INF/MANIFEST.MF", 0, 0,
                        NLS.bind(Messages.Install_badSymbolicName, jar, bsn.get()),
                        NLS.bind(Messages.Install_badSymbolicName_fix, null)));
                return new InstallResult(false, false, null, null, null, problems);
            }
            // Data only: refuse code, foreign headers and files outside the layout, whatever the source.
            List<Problem> code = DataOnlyCheck.checkJar(jar, check.descriptor().get());
            if (!code.isEmpty()) {
                problems.addAll(code);
                return new InstallResult(false, false, bsn.get(), null, null, problems);
            }
            PublisherRecords publishers = new PublisherRecords(folder);
            Path checked = jar;
            Optional<Problem> conflict = check.descriptor().flatMap(d -> publishers.conflict(catalog, d, checked, request));
            if (conflict.isPresent()) {
                problems.add(conflict.get());
                return new InstallResult(false, false, bsn.get(), null, null, problems);
            }
            Files.createDirectories(folder);
            publishers.write(bsn.get(), request.publisher());
            Path target = folder.resolve(bsn.get() + ".jar");
            boolean existed = Files.exists(target);
            if (existed) {
                // Keep the previous version for 'rollback'.
                Files.copy(target, folder.resolve(bsn.get() + ".jar.previous"), StandardCopyOption.REPLACE_EXISTING);
            }
            Path tmp = Files.createTempFile(folder, ".installing-", ".tmp");
            try {
                Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
                FileReplacement.force(tmp);
                FileReplacement.move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
            Bundle b = syncOne(target);
            return new InstallResult(!existed, existed, bsn.get(), b == null ? null : b.getVersion().toString(), target,
                    problems);
        } finally {
            if (buildDir != null) {
                deleteQuietly(buildDir);
            }
        }
    }

    @Override
    public synchronized PluginInfo uninstall(String id) throws IOException {
        Optional<PluginInfo> match = catalog.plugins().stream()
                .filter(p -> matches(p, id)).filter(p -> p.location().startsWith(LOCATION_PREFIX)).findFirst();
        if (match.isEmpty()) {
            boolean shipped = catalog.plugins().stream().anyMatch(p -> matches(p, id));
            throw new IllegalArgumentException(shipped ? NLS.bind(Messages.Install_shipped, id)
                    : NLS.bind(Messages.Install_unknown, id));
        }
        PluginInfo info = match.get();
        Path jar = folder.resolve(info.location().substring(LOCATION_PREFIX.length()));
        Files.deleteIfExists(jar);
        new PublisherRecords(folder).delete(info.source());
        sync();
        return info;
    }

    @Override
    public synchronized void sync() {
        Map<String, Bundle> installed = new HashMap<>();
        for (Bundle b : context.getBundles()) {
            if (b.getLocation().startsWith(LOCATION_PREFIX)) {
                installed.put(b.getLocation(), b);
            }
        }
        Set<String> present = new HashSet<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
                for (Path jar : jars) {
                    installed.remove(LOCATION_PREFIX + jar.getFileName());
                    present.add(LOCATION_PREFIX + jar.getFileName());
                    syncOne(jar);
                }
            } catch (IOException e) {
                LOG.warn("cannot read plugin folder " + folder + ": " + e.getMessage());
            }
        }
        for (var it = refused.iterator(); it.hasNext();) {
            String location = it.next();
            if (!present.contains(location)) {
                it.remove();
                extender().ifPresent(x -> x.forget(location));
            }
        }
        for (Bundle gone : installed.values()) {
            try {
                gone.uninstall();
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("cannot remove plugin " + gone.getSymbolicName() + ": " + e.getMessage());
            }
        }
    }

    /**
     * Installs the jar, or updates its bundle when the jar is newer than the installed copy. A jar
     * that is not data only (e.g. put there by hand or by an older Vindplaats) is never installed:
     * a bundle already installed from it is removed, and the catalog lists the jar as broken.
     */
    private Bundle syncOne(Path jar) {
        String location = LOCATION_PREFIX + jar.getFileName();
        try {
            Bundle existing = context.getBundle(location);
            List<Problem> problems = dataOnlyProblems(jar);
            if (!problems.isEmpty()) {
                if (existing != null) {
                    existing.uninstall();
                }
                refused.add(location);
                extender().ifPresent(x -> x.refuse(location, jar.getFileName().toString().replaceFirst("\\.jar$", ""),
                        problems));
                LOG.warn("plugin " + jar + " refused: " + problems.get(0).message());
                return null;
            }
            if (refused.remove(location)) {
                extender().ifPresent(x -> x.forget(location));
            }
            long modified = Files.getLastModifiedTime(jar).toMillis();
            if (existing == null) {
                try (InputStream in = Files.newInputStream(jar)) {
                    return context.installBundle(location, in);
                }
            }
            if (modified > existing.getLastModified() || !Files.isRegularFile(jar)) {
                try (InputStream in = Files.newInputStream(jar)) {
                    existing.update(in);
                }
            }
            return existing;
        } catch (IOException | BundleException | IllegalStateException e) {
            // One bad jar must not stop the others; the catalog lists what it could read.
            LOG.warn("cannot install plugin " + jar + ": " + e.getMessage());
            return null;
        }
    }

    /** The data-only check of a jar in the folder; a jar unchanged since it passed is not read again. */
    private List<Problem> dataOnlyProblems(Path jar) throws IOException {
        var attrs = Files.readAttributes(jar, java.nio.file.attribute.BasicFileAttributes.class);
        String stamp = attrs.size() + ":" + attrs.lastModifiedTime().toMillis();
        if (stamp.equals(checked.get(jar))) {
            return List.of();
        }
        List<Problem> problems = DataOnlyCheck.checkJar(jar);
        if (problems.isEmpty()) {
            checked.put(jar, stamp);
        } else {
            checked.remove(jar);
        }
        return problems;
    }

    private Optional<PluginExtender> extender() {
        return catalog instanceof PluginExtender x ? Optional.of(x) : Optional.empty();
    }

    private void startWatcher() {
        try {
            Files.createDirectories(folder);
            watchService = folder.getFileSystem().newWatchService();
            folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("plugin folder " + folder + " is not watched (" + e.getMessage()
                    + "); changes apply at the next start.");
            return;
        }
        watcher = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    WatchKey key = watchService.take();
                    // Let a copy in progress finish, then take all events of the burst at once.
                    TimeUnit.MILLISECONDS.sleep(300);
                    key.pollEvents();
                    key.reset();
                    sync();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                // stopping
            }
        }, "Vindplaats plugin folder watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** By platform/organisation id, by bundle name, or by the id part of the bundle name (also for broken plugins). */
    private static boolean matches(PluginInfo p, String id) {
        return id.equals(p.id()) || id.equals(p.source()) || p.source().endsWith("." + id);
    }

    private static final java.util.regex.Pattern SYMBOLIC_NAME = java.util.regex.Pattern
            .compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    /** An OSGi symbolic name (tokens separated by dots), which is also a safe file name. */
    public static boolean isSymbolicName(String name) {
        return name.length() <= 200 && SYMBOLIC_NAME.matcher(name).matches();
    }

    private static Optional<String> symbolicName(Path jar) {
        try (var zip = new java.util.jar.JarFile(jar.toFile())) {
            var mf = zip.getManifest();
            if (mf == null) {
                return Optional.empty();
            }
            String bsn = mf.getMainAttributes().getValue("Bundle-SymbolicName");
            if (bsn == null || mf.getMainAttributes().getValue(PluginDescriptor.MANIFEST_HEADER) == null) {
                return Optional.empty();
            }
            return Optional.of(bsn.split(";")[0].trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // temp folder; the OS cleans it eventually
                }
            });
        } catch (IOException e) {
            // ignore
        }
    }
}
