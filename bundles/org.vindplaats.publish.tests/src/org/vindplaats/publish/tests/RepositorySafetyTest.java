package org.vindplaats.publish.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.publish.Keys;
import org.vindplaats.publish.PluginUpdates;
import org.vindplaats.publish.Publisher;
import org.vindplaats.publish.Repositories;
import org.vindplaats.publish.RepositoryClient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A repository install installs exactly what it announced: hostile repositories served over HTTP
 * on 127.0.0.1 (swapped jar, endless and trickling downloads, mapping rules pointing elsewhere),
 * downgrades, plain http: elsewhere, and no temporary folder left behind by any failure.
 */
class RepositorySafetyTest {

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<String> installedHere = new ArrayList<>();
    private Path temp;

    @BeforeEach
    void tempRoot(@TempDir Path dir) throws IOException {
        temp = Files.createDirectories(dir.resolve("tmp"));
        System.setProperty(Publisher.TEMP_PROPERTY, temp.toString());
    }

    @AfterEach
    void stop() throws Exception {
        System.clearProperty(Publisher.TEMP_PROPERTY);
        servers.forEach(s -> s.stop(0));
        for (String id : installedHere) {
            try {
                Fixtures.installer().uninstall(id);
            } catch (IllegalArgumentException e) {
                // already gone
            }
            Files.deleteIfExists(Fixtures.installer().folder().resolve("org.vindplaats.platform." + id + ".jar.previous"));
        }
    }

    private PluginUpdates worker(Path dir, Keys.SigningKey key, Duration deadline) throws Exception {
        PluginUpdates w = new PluginUpdates(Fixtures.installer(), Fixtures.catalog(), dir.resolve("worker"),
                new RepositoryClient(Duration.ofSeconds(5), deadline));
        Path pem = dir.resolve("publisher-" + System.nanoTime() + ".pem");
        Files.writeString(pem, Keys.pem(key.certificate()));
        w.trust().trust(pem);
        return w;
    }

    private static Path publish(Path dir, Keys.SigningKey key, Path repo, String id, String version) throws Exception {
        Path src = Fixtures.platformPlugin(dir.resolve("src-" + id + "-" + version), id, version, "Plugin " + id);
        var r = new Publisher().publish(List.of(src), repo, key, null, new NullProgressMonitor());
        assertTrue(r.ok(), r.problems().toString());
        return repo.resolve("plugins/org.vindplaats.platform." + id + "_" + version + ".jar");
    }

    private void assertNoTempLeft() throws IOException {
        try (Stream<Path> s = Files.list(temp)) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).toList(), "temporary folders left behind");
        }
    }

    private HttpServer start(HttpServer s) {
        s.start();
        servers.add(s);
        return s;
    }

    private HttpServer served(HttpServer running) {
        servers.add(running);
        return running;
    }

    private static URI url(HttpServer s) {
        return URI.create("http://127.0.0.1:" + s.getAddress().getPort() + "/");
    }

    /** Serves the repository's files, but the one artifact through {@code artifact}. */
    private HttpServer hostile(Path repo, String artifactPath, com.sun.net.httpserver.HttpHandler artifact) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        s.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            if (path.equals(artifactPath)) {
                artifact.handle(ex);
                return;
            }
            serveFile(ex, repo.resolve(path.substring(1)));
        });
        return start(s);
    }

    @Test
    void aJarOtherThanTheAnnouncedOneIsRefused(@TempDir Path dir) throws Exception {
        Keys.SigningKey key = Keys.create(dir.resolve("k.p12"), Fixtures.password(), "Kenniscentrum Test");
        Path repo = dir.resolve("site");
        Path yubo = publish(dir, key, repo, "swapyubo", "1.0.0");
        // The same publisher's signed jar of another plugin, put where the listing's jar should be;
        // the artifact index (checksums) is dropped, as a careless or hostile mirror would.
        Path other = publish(dir, key, dir.resolve("other"), "swaptarget", "1.0.1");
        Files.copy(other, yubo, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.delete(repo.resolve("artifacts.jar"));
        PluginUpdates w = worker(dir, key, Duration.ofSeconds(10));
        var offer = w.offer(List.of(url(served(Fixtures.serve(repo)))), new NullProgressMonitor());
        assertEquals(List.of(), offer.errors());

        installedHere.add("swaptarget");
        installedHere.add("swapyubo");
        var o = w.install(offer, "swapyubo", null, false, new NullProgressMonitor());
        assertEquals(PluginUpdates.Status.REFUSED, o.status(), o.message());
        assertTrue(o.message().startsWith("the repository announced org.vindplaats.platform.swapyubo 1.0.0, but the downloaded "
                + "jar is org.vindplaats.platform.swaptarget 1.0.1"), o.message());
        assertFalse(Files.exists(Fixtures.installer().folder().resolve("org.vindplaats.platform.swaptarget.jar")));
        assertTrue(Fixtures.catalog().platform("swaptarget").isEmpty(), "the swapped plugin is not in use");
        assertNoTempLeft();
    }

    @Test
    void anUpdateNeverGoesBack(@TempDir Path dir) throws Exception {
        Keys.SigningKey key = Keys.create(dir.resolve("k.p12"), Fixtures.password(), "Kenniscentrum Test");
        Path newer = dir.resolve("newer");
        Path older = dir.resolve("older");
        publish(dir, key, newer, "noback", "2.0.0");
        publish(dir, key, older, "noback", "1.0.0");
        PluginUpdates w = worker(dir, key, Duration.ofSeconds(10));
        installedHere.add("noback");
        var first = w.install(w.offer(List.of(newer.toUri()), null), "noback", null, false, null);
        assertEquals(PluginUpdates.Status.INSTALLED, first.status(), first.message());

        var offer = w.offer(List.of(older.toUri()), null);
        var plain = w.install(offer, "noback", null, false, null);
        assertEquals(PluginUpdates.Status.REFUSED, plain.status());
        assertTrue(plain.message().contains("the newest version offered is 1.0.0, which is older"), plain.message());
        var update = w.install(offer.plugins().get(0), false, null);
        assertEquals(PluginUpdates.Status.REFUSED, update.status());
        assertTrue(update.message().contains("is not newer, so it is not an update"), update.message());
        assertEquals("2.0.0", w.installedVersion("org.vindplaats.platform.noback").orElseThrow());

        // Naming the older version is the worker's explicit choice.
        var chosen = w.install(offer, "noback", "1.0.0", false, null);
        assertEquals(PluginUpdates.Status.UPDATED, chosen.status(), chosen.message());
        assertEquals("1.0.0", w.installedVersion("org.vindplaats.platform.noback").orElseThrow());
        assertNoTempLeft();
    }

    @Test
    void plainHttpElsewhereNeedsExplicitConsent(@TempDir Path dir) throws Exception {
        Repositories repos = new Repositories(dir.resolve("repositories.txt"));
        URI remote = URI.create("http://plugins.example.org/vindplaats/");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> repos.add(remote));
        assertTrue(e.getMessage().contains("plain http: address") && e.getMessage().contains("--insecure"), e.getMessage());
        assertEquals(List.of(), repos.list());

        assertTrue(repos.add(remote, true));
        assertTrue(repos.acceptedInsecure(remote));
        assertTrue(Files.readString(repos.file()).contains(remote + " insecure"), Files.readString(repos.file()));
        assertTrue(repos.add(URI.create("http://127.0.0.1:8080/p/")));
        assertTrue(repos.add(URI.create("http://localhost/p/")));
        assertTrue(repos.add(URI.create("https://plugins.example.org/v/")));
        assertFalse(repos.acceptedInsecure(URI.create("https://plugins.example.org/v/")));
        assertEquals(4, new Repositories(repos.file()).list().size());

        // A hand-edited list (or --from) with such an address is not read.
        Keys.SigningKey key = Keys.create(dir.resolve("k.p12"), Fixtures.password(), "Kenniscentrum Test");
        PluginUpdates w = worker(dir, key, Duration.ofSeconds(5));
        var offer = w.offer(List.of(URI.create("http://192.0.2.1/plugins/")), null);
        assertEquals(1, offer.errors().size());
        assertTrue(offer.errors().get(0).contains("Use its https: address, or add it with --insecure"), offer.errors().toString());
    }

    @Test
    @Timeout(60)
    void aDownloadLargerThanAnnouncedIsCutOff(@TempDir Path dir) throws Exception {
        Keys.SigningKey key = Keys.create(dir.resolve("k.p12"), Fixtures.password(), "Kenniscentrum Test");
        Path repo = dir.resolve("site");
        Path jar = publish(dir, key, repo, "oversized", "1.0.0");
        byte[] genuine = Files.readAllBytes(jar);
        AtomicLong sent = new AtomicLong();
        // The genuine jar, then bytes without end.
        HttpServer s = hostile(repo, "/plugins/org.vindplaats.platform.oversized_1.0.0.jar", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(genuine);
                byte[] more = new byte[8192];
                while (sent.addAndGet(more.length) < (1L << 32)) {
                    out.write(more);
                }
            } catch (IOException gone) {
                // the client hung up, as it should
            }
        });
        PluginUpdates w = worker(dir, key, Duration.ofSeconds(40));
        var offer = w.offer(List.of(url(s)), null);
        long announced = offer.plugins().get(0).size();
        assertEquals(genuine.length, announced);
        long t0 = System.nanoTime();
        var o = w.install(offer, "oversized", null, false, null);
        assertEquals(PluginUpdates.Status.REFUSED, o.status());
        assertTrue(o.message().contains("sends more than the " + (announced + 4096) + " bytes the repository announced"),
                o.message());
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 20, "stopped at once, not after the deadline");
        assertFalse(Files.exists(Fixtures.installer().folder().resolve("org.vindplaats.platform.oversized.jar")));
        assertNoTempLeft();
    }

    @Test
    @Timeout(120)
    void aTricklingServerFailsWithinTheDeadline(@TempDir Path dir) throws Exception {
        Keys.SigningKey key = Keys.create(dir.resolve("k.p12"), Fixtures.password(), "Kenniscentrum Test");
        Path repo = dir.resolve("site");
        publish(dir, key, repo, "trickle", "1.0.0");
        HttpServer s = hostile(repo, "/plugins/org.vindplaats.platform.trickle_1.0.0.jar", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 600; i++) {
                    out.write('P');
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (IOException | InterruptedException gone) {
                // the client hung up
            }
        });
        PluginUpdates fast = worker(dir, key, Duration.ofSeconds(3));
        var offer = fast.offer(List.of(url(s)), null);
        long t0 = System.nanoTime();
        var o = fast.install(offer, "trickle", null, false, null);
        long took = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
        assertEquals(PluginUpdates.Status.REFUSED, o.status());
        assertTrue(o.message().contains("did not arrive completely within 3 seconds; the download was stopped"), o.message());
        assertTrue(took < 10, took + " s");
        assertNoTempLeft();

        // The default deadline: well within 30 s.
        PluginUpdates standard = new PluginUpdates(Fixtures.installer(), Fixtures.catalog(), dir.resolve("worker2"),
                new RepositoryClient());
        standard.trust().trust(writePem(dir, key));
        t0 = System.nanoTime();
        var d = standard.install(standard.offer(List.of(url(s)), null), "trickle", null, false, null);
        took = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
        assertEquals(PluginUpdates.Status.REFUSED, d.status());
        assertTrue(d.message().contains("did not arrive completely within"), d.message());
        assertTrue(took < 30, took + " s");
        assertNoTempLeft();
    }

    @Test
    void mappingRulesPointingOutsideTheRepositoryAreRefused(@TempDir Path dir) throws Exception {
        Keys.SigningKey key = Keys.create(dir.resolve("k.p12"), Fixtures.password(), "Kenniscentrum Test");
        Path repo = dir.resolve("site");
        Path jar = publish(dir, key, repo, "mapped", "1.0.0");
        // The genuine signed jar (checksum and all) elsewhere: on this disk, and on another server.
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/plugins"));
        Files.move(jar, elsewhere.resolve(jar.getFileName()));
        String xml;
        try (ZipFile z = new ZipFile(repo.resolve("artifacts.jar").toFile()); InputStream in = z.getInputStream(z.getEntry("artifacts.xml"))) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String rule = "output='${repoUrl}/plugins/${id}_${version}.jar'";
        assertTrue(xml.contains(rule), xml);
        Files.delete(repo.resolve("artifacts.jar"));
        PluginUpdates w = worker(dir, key, Duration.ofSeconds(10));
        HttpServer site = served(Fixtures.serve(repo));

        String local = elsewhere.getParent().toUri().toString();
        Files.writeString(repo.resolve("artifacts.xml"), xml.replace(rule, "output='" + local + "plugins/${id}_${version}.jar'"));
        installedHere.add("mapped");
        var o = w.install(w.offer(List.of(url(site)), null), "mapped", null, false, null);
        assertEquals(PluginUpdates.Status.REFUSED, o.status(), o.message());
        assertTrue(o.message().contains("which is outside the repository"), o.message());
        assertTrue(o.message().contains(local), o.message());
        assertNoTempLeft();

        AtomicInteger asked = new AtomicInteger();
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", ex -> {
            asked.incrementAndGet();
            serveFile(ex, elsewhere.getParent().resolve(ex.getRequestURI().getPath().substring(1)));
        });
        start(other);
        Files.writeString(repo.resolve("artifacts.xml"), xml.replace(rule, "output='" + url(other) + "plugins/${id}_${version}.jar'"));
        var h = w.install(w.offer(List.of(url(site)), null), "mapped", null, false, null);
        assertEquals(PluginUpdates.Status.REFUSED, h.status(), h.message());
        assertTrue(h.message().contains("which is outside the repository"), h.message());
        assertEquals(0, asked.get(), "nothing fetched from the other host");
        assertFalse(Files.exists(Fixtures.installer().folder().resolve("org.vindplaats.platform.mapped.jar")));
        assertNoTempLeft();
    }

    private static void serveFile(HttpExchange ex, Path f) throws IOException {
        if (!Files.isRegularFile(f)) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        byte[] b = Files.readAllBytes(f);
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private static Path writePem(Path dir, Keys.SigningKey key) throws IOException {
        Path pem = dir.resolve("publisher-" + System.nanoTime() + ".pem");
        Files.writeString(pem, Keys.pem(key.certificate()));
        return pem;
    }
}
