package org.vindplaats.cli.server;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeMap;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.FrameworkUtil;
import org.vindplaats.cli.CliRuntime;

/**
 * The resident CLI server ({@code -application org.vindplaats.cli.server}), started in the
 * background by the launcher the first time a command finds none; see {@link ResidentServer}.
 * System properties: {@value #SOCKET_PROPERTY} (required) and {@value #IDLE_PROPERTY} (seconds
 * without commands before it stops; default 600).
 */
public final class CliServer implements IApplication {

    public static final String SOCKET_PROPERTY = "vindplaats.cli.socket";
    public static final String IDLE_PROPERTY = "vindplaats.cli.idleSeconds";
    private static final long DEFAULT_IDLE_SECONDS = 600;

    private volatile ResidentServer server;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        context.applicationRunning();
        String socketProperty = System.getProperty(SOCKET_PROPERTY);
        PrintWriter log = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        if (socketProperty == null || socketProperty.isBlank()) {
            log.println("vindplaats: no socket given (-D" + SOCKET_PROPERTY + "=...)");
            return 2;
        }
        Path socket = Path.of(socketProperty).toAbsolutePath();
        // One server per socket: a second one started at the same moment leaves it to the first.
        Path lockFile = socket.resolveSibling(socket.getFileName() + ".lock");
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = acquire(lockChannel, socket)) {
            if (lock == null) {
                return EXIT_OK;
            }
            try (CliRuntime runtime = new CliRuntime(FrameworkUtil.getBundle(getClass()).getBundleContext())) {
                if (!runtime.awaitServices()) {
                    log.println("vindplaats: the catalog service did not start");
                    return 70;
                }
                Path installation = installationFile();
                long installedAt = lastModified(installation);
                Path pluginFolder = runtime.installer().folder();
                Path settings = settingsFolder();
                server = new ResidentServer(socket, Duration.ofSeconds(Long.getLong(IDLE_PROPERTY, DEFAULT_IDLE_SECONDS)),
                        runtime::run, () -> stamp(pluginFolder, settings),
                        () -> lastModified(installation) != installedAt);
                server.bind();
                log.println("vindplaats: serving commands on " + socket);
                server.serve();
                log.println("vindplaats: stopped");
            }
        }
        return EXIT_OK;
    }

    @Override
    public void stop() {
        ResidentServer s = server;
        if (s != null) {
            s.stop();
        }
    }

    /** The lock, or null when a live server holds it (a server on its way out gets a moment to go). */
    private static FileLock acquire(FileChannel channel, Path socket) throws IOException, InterruptedException {
        for (int i = 0; i < 200; i++) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (answers(socket)) {
                return null;
            }
            Thread.sleep(50);
        }
        return null;
    }

    private static boolean answers(Path socket) {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** What the product's installation was built with: rewritten by a build or an update. */
    private static Path installationFile() {
        try {
            Path home = Path.of(Platform.getInstallLocation().getURL().toURI());
            return home.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info");
        } catch (Exception e) {
            return null;
        }
    }

    private static Path settingsFolder() {
        var location = InstanceScope.INSTANCE.getLocation();
        return location == null ? null : location.toFile().toPath();
    }

    private static long lastModified(Path file) {
        try {
            return file == null ? 0 : Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Name, size and time of every installed plugin file and settings file. Taken before and after
     * every command, so it reads each file's attributes once, as the walk finds them (not a walk
     * and then three more look-ups per file).
     */
    static Object stamp(Path... folders) {
        List<String> entries = new ArrayList<>();
        for (Path folder : folders) {
            if (folder == null || !Files.isDirectory(folder)) {
                entries.add(folder + ": none");
                continue;
            }
            TreeMap<Path, String> files = new TreeMap<>();
            try {
                Files.walkFileTree(folder, EnumSet.noneOf(FileVisitOption.class), 4, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        BasicFileAttributes a = attributes;
                        if (a.isSymbolicLink()) {
                            try {
                                a = Files.readAttributes(file, BasicFileAttributes.class); // a link counts as what it points to
                            } catch (IOException e) {
                                return FileVisitResult.CONTINUE; // dangling
                            }
                        }
                        if (a.isRegularFile()) {
                            files.put(file, file + " " + a.size() + " " + a.lastModifiedTime().toMillis());
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
                entries.addAll(files.values());
            } catch (IOException e) {
                entries.add(folder + ": unreadable");
            }
        }
        return entries;
    }
}
