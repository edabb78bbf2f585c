package org.vindplaats.publish;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactDescriptor;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepository;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.artifact.IFileArtifactRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.eclipse.osgi.util.NLS;

/**
 * Reads plugin repositories written by {@link Publisher} (or any simple p2 repository) over
 * {@code file:}, {@code http:} and {@code https:}, lists the plugin versions they offer and
 * downloads them, checking the repository's SHA-256 checksum.
 * <p>
 * Over http(s) the few metadata files are fetched with the JDK's HTTP client into a temporary
 * folder, then read by p2 from there: timeouts and error messages stay ours, and no second
 * network stack (ECF) has to be configured for proxies and certificates.
 */
public final class RepositoryClient {

    /** A repository could not be read; {@link #getMessage()} says which, why and what to do. */
    public static final class RepositoryException extends IOException {
        private static final long serialVersionUID = 1L;

        public RepositoryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One plugin version a repository offers. */
    public record Available(String id, String version, String name, String kind, URI repository, URI artifact,
            String sha256, long size) {
        /** The version as an OSGi version, for comparing. */
        public org.osgi.framework.Version osgiVersion() {
            return org.osgi.framework.Version.parseVersion(version);
        }
    }

    /** What one repository offers. */
    public record Listing(URI repository, String name, List<Available> plugins) {
    }

    private static final String[] CONTENT = { "content.jar", "content.xml.xz", "content.xml" };
    private static final String[] ARTIFACTS = { "artifacts.jar", "artifacts.xml.xz", "artifacts.xml" };
    /** Default total time one file may take: a server that trickles bytes fails well within 30 s. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(25);
    /** Bytes a download may exceed its announced size by before it is cut off. */
    static final long SIZE_MARGIN = 4096;
    /** Cap for files whose size nobody announced (metadata, artifacts without a size): plugins are data. */
    static final long UNANNOUNCED_MAX = 32L << 20;
    private final HttpClient http;
    private final Duration timeout;
    private final Duration deadline;

    public RepositoryClient() {
        this(Duration.ofSeconds(20));
    }

    public RepositoryClient(Duration timeout) {
        this(timeout, DEFAULT_DEADLINE);
    }

    /**
     * @param timeout  for connecting and for the first answer
     * @param deadline for a whole file, however slowly it arrives
     */
    public RepositoryClient(Duration timeout, Duration deadline) {
        this(timeout, deadline, EnvironmentProxy.fromEnvironment());
    }

    /** As above, through the proxies {@code proxies} chooses (by default https_proxy / no_proxy, see {@link EnvironmentProxy}). */
    public RepositoryClient(Duration timeout, Duration deadline, java.net.ProxySelector proxies) {
        this.timeout = timeout;
        this.deadline = deadline;
        // Redirects are not followed: an artifact must come from the repository's own address.
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .proxy(proxies).build();
    }

    /** Whether a plain http: address leaves this machine (and so needs the worker's explicit consent). */
    public static boolean isInsecure(URI repository) {
        if (!"http".equalsIgnoreCase(repository.getScheme())) {
            return false;
        }
        String host = repository.getHost() == null ? "" : repository.getHost().toLowerCase(Locale.ROOT);
        return !(host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1"));
    }

    /** Whether {@code artifact} lies inside {@code repository}: same scheme, host and port, below its path. */
    static boolean isInside(URI repository, URI artifact) {
        URI r = repository.normalize();
        URI a = artifact.normalize();
        if (r.getScheme() == null || a.getScheme() == null || !r.getScheme().equalsIgnoreCase(a.getScheme())) {
            return false;
        }
        if (!java.util.Objects.equals(lower(r.getHost()), lower(a.getHost())) || r.getPort() != a.getPort()) {
            return false;
        }
        String rp = r.getPath() == null ? "" : r.getPath();
        String ap = a.getPath() == null ? "" : a.getPath();
        return rp.endsWith("/") && ap.startsWith(rp) && !ap.contains("/../") && a.getRawQuery() == null;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** A repository location from what a user typed: a URL, or a folder path (made absolute). */
    public static URI location(String text) {
        return location(text, Path.of(""));
    }

    /** As {@link #location(String)}, a folder path taken relative to {@code workingDirectory}. */
    public static URI location(String text, Path workingDirectory) {
        String t = text.strip();
        try {
            URI u = new URI(t);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("http") || scheme.equals("https") || scheme.equals("file")) {
                return withSlash(u);
            }
            if (scheme.length() > 1) { // not a drive letter
                throw new IllegalArgumentException(NLS.bind(Messages.Repo_badUrl, text));
            }
        } catch (URISyntaxException e) {
            // a path with characters URIs do not allow
        }
        return withSlash(workingDirectory.toAbsolutePath().resolve(t).normalize().toUri());
    }

    private static URI withSlash(URI u) {
        String s = u.toString();
        return s.endsWith("/") ? u : URI.create(s + "/");
    }

    public Listing list(URI repository, IProgressMonitor monitor) throws RepositoryException {
        URI repo = withSlash(repository);
        SubMonitor sub = SubMonitor.convert(monitor, NLS.bind(Messages.Repo_reading, repo), 4);
        Path mirror = null;
        try {
            Path local;
            if ("file".equalsIgnoreCase(repo.getScheme())) {
                local = Path.of(repo);
                if (!Files.isDirectory(local)) {
                    throw new RepositoryException(NLS.bind(Messages.Repo_unreachable, repo,
                            NLS.bind(Messages.Repo_noFolder, local)), null);
                }
                if (find(local, CONTENT) == null) {
                    throw new RepositoryException(NLS.bind(Messages.Repo_notARepository, repo), null);
                }
            } else {
                mirror = Publisher.tempDirectory("vindplaats-repo");
                if (!fetchFirst(repo, CONTENT, mirror)) {
                    throw new RepositoryException(NLS.bind(Messages.Repo_notARepository, repo), null);
                }
                fetchFirst(repo, ARTIFACTS, mirror);
                local = mirror;
            }
            sub.worked(2);
            Publisher.checkCanceled(sub);
            try (P2 p2 = P2.open()) {
                IMetadataRepositoryManager metaManager = p2.service(IMetadataRepositoryManager.class);
                IArtifactRepositoryManager artifactManager = p2.service(IArtifactRepositoryManager.class);
                URI localUri = local.toUri();
                IMetadataRepository meta;
                try {
                    meta = metaManager.loadRepository(localUri, sub.split(1));
                } catch (ProvisionException e) {
                    throw new RepositoryException(NLS.bind(Messages.Repo_broken,
                            new Object[] { repo, find(local, CONTENT), rootMessage(e) }), e);
                }
                IArtifactRepository artifacts = null;
                if (find(local, ARTIFACTS) != null) {
                    try {
                        artifacts = artifactManager.loadRepository(localUri, sub.split(1));
                    } catch (ProvisionException e) {
                        throw new RepositoryException(NLS.bind(Messages.Repo_broken,
                                new Object[] { repo, find(local, ARTIFACTS), rootMessage(e) }), e);
                    }
                }
                List<Available> out = new ArrayList<>();
                for (IInstallableUnit iu : meta.query(QueryUtil.createIUAnyQuery(), null)) {
                    String kind = Publisher.kindOf(iu.getId());
                    if (kind == null || QueryUtil.isCategory(iu) || iu.getArtifacts().isEmpty()) {
                        continue;
                    }
                    out.add(available(repo, local, iu, kind, artifacts));
                }
                out.sort((a, b) -> a.id().equals(b.id()) ? b.osgiVersion().compareTo(a.osgiVersion())
                        : a.id().compareTo(b.id()));
                String name = meta.getName();
                metaManager.removeRepository(localUri);
                artifactManager.removeRepository(localUri);
                return new Listing(repo, name, out);
            } catch (RepositoryException e) {
                throw e;
            } catch (IOException e) {
                throw new RepositoryException(e.getMessage(), e);
            }
        } catch (IOException e) {
            if (e instanceof RepositoryException r) {
                throw r;
            }
            throw new RepositoryException(NLS.bind(Messages.Repo_unreachable, repo, e.getMessage()), e);
        } finally {
            Publisher.deleteQuietly(mirror);
            sub.done();
        }
    }

    private static Available available(URI repo, Path local, IInstallableUnit iu, String kind, IArtifactRepository artifacts) {
        IArtifactKey key = iu.getArtifacts().iterator().next();
        String sha = null;
        long size = -1;
        URI artifact = repo.resolve("plugins/" + key.getId() + "_" + key.getVersion() + ".jar");
        if (artifacts != null) {
            for (IArtifactDescriptor d : artifacts.getArtifactDescriptors(key)) {
                if (d.getProperty(IArtifactDescriptor.FORMAT) != null) {
                    continue; // packed variants are not used for plugins
                }
                sha = d.getProperty("download.checksum.sha-256");
                String s = d.getProperty(IArtifactDescriptor.DOWNLOAD_SIZE);
                size = s == null ? -1 : Long.parseLong(s);
                if (artifacts instanceof IFileArtifactRepository files) {
                    // The repository's own mapping rules, made relative to where it was read from.
                    // A rule pointing elsewhere (file:, another host) stays absolute and is refused on download.
                    File f = files.getArtifactFile(d);
                    URI mapped = f != null ? f.toPath().toAbsolutePath().normalize().toUri() : mappedElsewhere(files, d);
                    URI base = local.toAbsolutePath().normalize().toUri();
                    URI relative = mapped == null ? null : base.relativize(mapped);
                    artifact = relative == null ? artifact : relative.isAbsolute() ? relative : repo.resolve(relative);
                }
                break;
            }
        }
        return new Available(iu.getId(), iu.getVersion().toString(), iu.getProperty(IInstallableUnit.PROP_NAME, null),
                kind, repo, artifact, sha, size);
    }

    /** Where a mapping rule that is not a local file points (e.g. another host), as p2 reports it. */
    private static URI mappedElsewhere(IFileArtifactRepository files, IArtifactDescriptor d) {
        try {
            var m = files.getClass().getMethod("getLocation", IArtifactDescriptor.class);
            Object u = m.invoke(files, d);
            return u instanceof URI uri ? uri : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return URI.create("unknown:mapping");
        }
    }

    /**
     * Downloads a plugin jar into {@code folder} and checks it against the repository's checksum.
     *
     * @throws RepositoryException when unreachable, or when the file differs from what the repository lists
     */
    public Path download(Available plugin, Path folder, IProgressMonitor monitor) throws RepositoryException {
        SubMonitor sub = SubMonitor.convert(monitor, NLS.bind(Messages.Repo_downloading, plugin.id(), plugin.version()), 2);
        Path target = folder.resolve(plugin.id() + "_" + plugin.version() + ".jar");
        boolean done = false;
        try {
            if (!isInside(plugin.repository(), plugin.artifact())) {
                throw new RepositoryException(NLS.bind(Messages.Repo_outside,
                        new Object[] { plugin.id(), plugin.version(), plugin.artifact(), plugin.repository() }), null);
            }
            long max = plugin.size() >= 0 ? plugin.size() + SIZE_MARGIN : UNANNOUNCED_MAX;
            Files.createDirectories(folder);
            if ("file".equalsIgnoreCase(plugin.artifact().getScheme())) {
                Path source = Path.of(plugin.artifact());
                if (!Files.isRegularFile(source)) {
                    throw new RepositoryException(NLS.bind(Messages.Repo_missingArtifact,
                            new Object[] { plugin.id(), plugin.version(), plugin.artifact() }), null);
                }
                if (Files.size(source) > max) {
                    throw new RepositoryException(NLS.bind(Messages.Repo_tooLarge,
                            new Object[] { plugin.artifact(), max }), null);
                }
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            } else if (!fetch(plugin.artifact(), target, max)) {
                throw new RepositoryException(NLS.bind(Messages.Repo_missingArtifact,
                        new Object[] { plugin.id(), plugin.version(), plugin.artifact() }), null);
            }
            sub.worked(1);
            if (plugin.sha256() != null) {
                String actual = sha256(target);
                if (!actual.equalsIgnoreCase(plugin.sha256())) {
                    Files.deleteIfExists(target);
                    throw new RepositoryException(NLS.bind(Messages.Repo_checksum,
                            new Object[] { plugin.id(), plugin.version(), plugin.artifact() }), null);
                }
            }
            sub.worked(1);
            done = true;
            return target;
        } catch (RepositoryException e) {
            throw e;
        } catch (IOException e) {
            throw new RepositoryException(NLS.bind(Messages.Repo_unreachable, plugin.artifact(), e.getMessage()), e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(target);
                } catch (IOException e) {
                    // its folder is a temporary one the caller removes
                }
            }
            sub.done();
        }
    }

    private boolean fetchFirst(URI repo, String[] names, Path into) throws IOException {
        for (String n : names) {
            if (fetch(repo.resolve(n), into.resolve(n), UNANNOUNCED_MAX)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fetches one file, cut off as soon as more than {@code max} bytes arrive or {@link #deadline}
     * passes (a body that trickles in would otherwise hold the worker forever).
     *
     * @return false on 404/410; other failures throw with the reason
     */
    private boolean fetch(URI uri, Path target, long max) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("User-Agent", "Vindplaats").build();
        CompletableFuture<HttpResponse<Path>> future = http.sendAsync(request,
                info -> info.statusCode() / 100 == 2 ? new CappedFile(target, max)
                        : HttpResponse.BodySubscribers.replacing(null));
        try {
            HttpResponse<Path> response = future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            int code = response.statusCode();
            if (code == 404 || code == 410) {
                return false;
            }
            if (code / 100 == 3) {
                throw new IOException(NLS.bind(Messages.Repo_redirect,
                        new Object[] { uri, response.headers().firstValue("Location").orElse("?") }));
            }
            if (code / 100 != 2) {
                throw new IOException(NLS.bind(Messages.Repo_httpStatus, code, uri));
            }
            return true;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IOException(NLS.bind(Messages.Repo_deadline, uri, deadline.toSeconds()), e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof TooLarge) {
                throw new IOException(NLS.bind(Messages.Repo_tooLarge, uri, max), c);
            }
            if (c instanceof HttpTimeoutException) {
                throw new IOException(NLS.bind(Messages.Repo_timeout, timeout.toSeconds()), c);
            }
            if (c instanceof ConnectException) {
                throw new IOException(NLS.bind(Messages.Repo_refused,
                        uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")), c);
            }
            String m = c == null ? null : c.getMessage();
            throw new IOException(m == null || m.isBlank() ? String.valueOf(c == null ? e : c.getClass().getSimpleName()) : m, c);
        } finally {
            if (!future.isDone() || future.isCompletedExceptionally()) {
                Files.deleteIfExists(target);
            }
        }
    }

    /** More bytes arrived than allowed. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Writes a response body to a file and stops the transfer as soon as it grows beyond {@code max}. */
    private static final class CappedFile implements HttpResponse.BodySubscriber<Path> {
        private final Path target;
        private final long max;
        private final CompletableFuture<Path> result = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private java.nio.channels.FileChannel out;
        private long count;

        CappedFile(Path target, long max) {
            this.target = target;
            this.max = max;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            try {
                out = java.nio.channels.FileChannel.open(target, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
                s.request(1);
            } catch (IOException e) {
                fail(e);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            try {
                for (ByteBuffer b : items) {
                    count += b.remaining();
                    if (count > max) {
                        fail(new TooLarge());
                        return;
                    }
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                }
                subscription.request(1);
            } catch (IOException e) {
                fail(e);
            }
        }

        private void fail(IOException e) {
            subscription.cancel();
            close();
            result.completeExceptionally(e);
        }

        @Override
        public void onError(Throwable t) {
            close();
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            close();
            result.complete(target);
        }

        private void close() {
            try {
                if (out != null) {
                    out.close();
                }
            } catch (IOException e) {
                // the file is deleted or checked afterwards
            }
        }

        @Override
        public CompletionStage<Path> getBody() {
            return result;
        }
    }

    private static Path find(Path folder, String[] names) {
        for (String n : names) {
            if (Files.isRegularFile(folder.resolve(n))) {
                return folder.resolve(n);
            }
        }
        return null;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        String msg = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) {
                msg = t.getMessage();
            }
        }
        if (e instanceof ProvisionException pe && pe.getStatus() != null) {
            String s = pe.getStatus().getMessage();
            if (msg == null || !msg.equals(s)) {
                msg = s + (msg == null ? "" : " (" + msg + ")");
            }
        }
        return msg;
    }
}
