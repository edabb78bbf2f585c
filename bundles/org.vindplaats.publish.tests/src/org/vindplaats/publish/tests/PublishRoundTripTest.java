package org.vindplaats.publish.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.catalog.PluginInfo;
import org.vindplaats.publish.Keys;
import org.vindplaats.publish.PluginUpdates;
import org.vindplaats.publish.Publisher;
import org.vindplaats.publish.RepositoryClient;
import org.vindplaats.publish.RepositoryClient.RepositoryException;

import com.sun.net.httpserver.HttpServer;

/**
 * The round trip of the publishing issue against the real catalog and installer: publish into a
 * repository folder, serve it over HTTP on 127.0.0.1, add it, install, publish an update, update,
 * roll back; and the failures that must change nothing.
 */
class PublishRoundTripTest {

    private HttpServer server;
    private final List<String> installedHere = new java.util.ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop(0);
        }
        for (String id : installedHere) {
            try {
                Fixtures.installer().uninstall(id);
            } catch (IllegalArgumentException e) {
                // already gone
            }
            Files.deleteIfExists(Fixtures.installer().folder().resolve("org.vindplaats.platform." + id + ".jar.previous"));
        }
    }

    private PluginUpdates updates(Path data) throws InterruptedException {
        return new PluginUpdates(Fixtures.installer(), Fixtures.catalog(), data, new RepositoryClient(Duration.ofSeconds(5)));
    }

    private static Map<String, String> catalogState() throws InterruptedException {
        return Fixtures.catalog().plugins().stream()
                .collect(Collectors.toMap(p -> p.source() + "@" + p.location(), p -> p.version() + "/" + p.state(),
                        (a, b) -> a, TreeMap::new));
    }

    private static String servedVersion(String bundle) throws InterruptedException {
        return Fixtures.catalog().plugins().stream().filter(p -> p.source().equals(bundle))
                .filter(p -> p.state() == PluginInfo.State.ACTIVE).map(PluginInfo::version).findFirst().orElse(null);
    }

    @Test
    void publishServeInstallUpdateRollBack(@TempDir Path dir) throws Exception {
        Keys.SigningKey key = Keys.create(dir.resolve("keys/publisher.p12"), Fixtures.password(), "Kenniscentrum Test");
        Path plugin = Fixtures.platformPlugin(dir.resolve("src"), "roundtrip", "1.0.0", "Roundtrip One");
        Path repo = dir.resolve("site");
        var first = new Publisher().publish(List.of(plugin), repo, key, "Test plugins", new NullProgressMonitor());
        assertTrue(first.ok(), first.problems().toString());
        assertEquals(1, first.published().size());
        assertTrue(Files.exists(repo.resolve("content.jar")) && Files.exists(repo.resolve("artifacts.jar")),
                "p2 metadata and artifact index written");
        assertTrue(Files.exists(repo.resolve("plugins/org.vindplaats.platform.roundtrip_1.0.0.jar")));

        server = Fixtures.serve(repo);
        URI url = Fixtures.url(server);
        PluginUpdates worker = updates(dir.resolve("worker"));
        worker.trust().trust(writePem(dir, key));
        assertTrue(worker.repositories().add(url));
        assertEquals(List.of(url), worker.repositories().list());

        var offer = worker.offer(List.of(), new NullProgressMonitor());
        assertEquals(List.of(), offer.errors());
        assertEquals(List.of("org.vindplaats.platform.roundtrip 1.0.0"),
                offer.plugins().stream().map(a -> a.id() + " " + a.version()).toList());
        assertEquals("Test plugins", offer.listings().get(0).name());

        installedHere.add("roundtrip");
        var installed = worker.install(offer, "roundtrip", null, false, new NullProgressMonitor());
        assertEquals(PluginUpdates.Status.INSTALLED, installed.status(), installed.message());
        assertEquals("1.0.0", servedVersion("org.vindplaats.platform.roundtrip"));
        assertEquals("Roundtrip One", Fixtures.catalog().platform("roundtrip").orElseThrow().name());
        assertEquals(List.of(), worker.updates(offer));

        // The knowledge centre publishes 1.1.0; 1.0.0 stays available.
        Fixtures.setVersion(plugin, "1.1.0", "Roundtrip Two");
        var second = new Publisher().publish(List.of(plugin), repo, key, null, new NullProgressMonitor());
        assertTrue(second.ok(), second.problems().toString());
        offer = worker.offer(List.of(), new NullProgressMonitor());
        assertEquals(List.of("1.1.0", "1.0.0"), offer.plugins().stream().map(a -> a.version()).toList());
        var pending = worker.updates(offer);
        assertEquals(1, pending.size());
        assertEquals("1.0.0", pending.get(0).installedVersion());
        assertEquals("1.1.0", pending.get(0).available().version());

        var updated = worker.install(pending.get(0).available(), false, new NullProgressMonitor());
        assertEquals(PluginUpdates.Status.UPDATED, updated.status(), updated.message());
        assertEquals("1.0.0", updated.previousVersion());
        assertEquals("1.1.0", servedVersion("org.vindplaats.platform.roundtrip"));
        assertEquals("Roundtrip Two", Fixtures.catalog().platform("roundtrip").orElseThrow().name());
        assertEquals(List.of(), worker.updates(worker.offer(List.of(), new NullProgressMonitor())));

        var back = worker.rollback("roundtrip");
        assertEquals(PluginUpdates.Status.ROLLED_BACK, back.status());
        assertEquals("1.0.0", back.version());
        assertEquals("1.0.0", servedVersion("org.vindplaats.platform.roundtrip"));
        assertEquals("Roundtrip One", Fixtures.catalog().platform("roundtrip").orElseThrow().name());

        // Republishing an existing version is refused: its bytes must never change under workers.
        var again = new Publisher().publish(List.of(plugin), repo, key, null, new NullProgressMonitor());
        assertFalse(again.ok());
        assertTrue(again.problems().get(again.problems().size() - 1).message().contains("1.1.0 is already in the repository"),
                again.problems().toString());
    }

    @Test
    void untrustedPublisherNeedsExplicitConsent(@TempDir Path dir) throws Exception {
        Keys.SigningKey key = Keys.create(dir.resolve("k.p12"), Fixtures.password(), "Unknown Centre");
        Path repo = dir.resolve("site");
        new Publisher().publish(List.of(Fixtures.platformPlugin(dir, "untrusted", "2.0.0", "Untrusted")), repo, key, null,
                new NullProgressMonitor());
        PluginUpdates worker = updates(dir.resolve("worker"));
        var offer = worker.offer(List.of(repo.toUri()), new NullProgressMonitor());
        Map<String, String> before = catalogState();
        var refused = worker.install(offer, "untrusted", null, false, new NullProgressMonitor());
        assertEquals(PluginUpdates.Status.REFUSED, refused.status());
        assertTrue(refused.message().contains("signed by \"Unknown Centre\" (fingerprint " + key.fingerprint() + ")"),
                refused.message());
        assertTrue(refused.message().contains("--allow-unsigned"), refused.message());
        assertEquals(before, catalogState(), "nothing changed");

        installedHere.add("untrusted");
        var accepted = worker.install(offer, "untrusted", null, true, new NullProgressMonitor());
        assertEquals(PluginUpdates.Status.INSTALLED, accepted.status(), accepted.message());
        assertEquals("2.0.0", servedVersion("org.vindplaats.platform.untrusted"));
    }

    @Test
    void jarChangedInTheRepositoryIsRefused(@TempDir Path dir) throws Exception {
        Keys.SigningKey key = Keys.create(dir.resolve("k.p12"), Fixtures.password(), "Kenniscentrum Test");
        Path repo = dir.resolve("site");
        new Publisher().publish(List.of(Fixtures.platformPlugin(dir, "tampered", "1.0.0", "Tampered")), repo, key, null,
                new NullProgressMonitor());
        Path jar = repo.resolve("plugins/org.vindplaats.platform.tampered_1.0.0.jar");
        Tamper.replaceEntry(jar, "vindplaats-plugin.json", s -> s.replace("\"Tampered\"", "\"Hijacked\""));

        PluginUpdates worker = updates(dir.resolve("worker"));
        worker.trust().trust(writePem(dir, key));
        server = Fixtures.serve(repo);
        var offer = worker.offer(List.of(Fixtures.url(server)), new NullProgressMonitor());
        Map<String, String> before = catalogState();
        var refused = worker.install(offer, "tampered", null, true, new NullProgressMonitor());
        assertEquals(PluginUpdates.Status.REFUSED, refused.status());
        assertTrue(refused.message().contains("does not match the checksum"), refused.message());
        assertEquals(before, catalogState());
        assertFalse(Files.exists(Fixtures.installer().folder().resolve("org.vindplaats.platform.tampered.jar")));
    }

    @Test
    void changedContentIsRefusedBySignatureEvenWithoutChecksumsAndEvenWithConsent(@TempDir Path dir) throws Exception {
        Keys.SigningKey key = Keys.create(dir.resolve("k.p12"), Fixtures.password(), "Kenniscentrum Test");
        Path repo = dir.resolve("site");
        new Publisher().publish(List.of(Fixtures.platformPlugin(dir, "resigned", "1.0.0", "Resigned")), repo, key, null,
                new NullProgressMonitor());
        Tamper.replaceEntry(repo.resolve("plugins/org.vindplaats.platform.resigned_1.0.0.jar"), "vindplaats-plugin.json",
                s -> s.replace("\"Resigned\"", "\"Hijacked\""));
        // A mirror that also dropped the artifact index: no checksum to compare, the signature still tells.
        Files.delete(repo.resolve("artifacts.jar"));

        PluginUpdates worker = updates(dir.resolve("worker"));
        worker.trust().trust(writePem(dir, key));
        var offer = worker.offer(List.of(repo.toUri()), new NullProgressMonitor());
        Map<String, String> before = catalogState();
        var refused = worker.install(offer, "resigned", null, true, new NullProgressMonitor());
        assertEquals(PluginUpdates.Status.REFUSED, refused.status());
        assertEquals(org.vindplaats.publish.Verifier.Status.TAMPERED, refused.verification().status());
        assertTrue(refused.message().startsWith("plugin org.vindplaats.platform.resigned 1.0.0 was changed after it was signed"),
                refused.message());
        assertTrue(refused.message().contains("vindplaats-plugin.json"), refused.message());
        assertEquals(before, catalogState());
        assertFalse(Files.exists(Fixtures.installer().folder().resolve("org.vindplaats.platform.resigned.jar")));
    }

    @Test
    void unreachableRepositoryGivesAClearErrorAndChangesNothing(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI gone = URI.create("http://127.0.0.1:" + port + "/plugins/");
        PluginUpdates worker = updates(dir.resolve("worker"));
        Map<String, String> before = catalogState();
        List<String> folderBefore = listFolder(Fixtures.installer().folder());

        RepositoryException e = assertThrows(RepositoryException.class,
                () -> worker.client().list(gone, new NullProgressMonitor()));
        assertTrue(e.getMessage().startsWith("cannot reach the plugin repository " + gone), e.getMessage());
        assertTrue(e.getMessage().contains("connection refused by 127.0.0.1:" + port), e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing was changed."), e.getMessage());

        var offer = worker.offer(List.of(gone), new NullProgressMonitor());
        assertEquals(1, offer.errors().size());
        assertThrows(IllegalArgumentException.class, () -> worker.install(offer, "tiktok", null, true, new NullProgressMonitor()));
        assertEquals(before, catalogState());
        assertEquals(folderBefore, listFolder(Fixtures.installer().folder()));

        URI missingFolder = dir.resolve("no-such-site").toUri();
        RepositoryException f = assertThrows(RepositoryException.class,
                () -> worker.client().list(missingFolder, new NullProgressMonitor()));
        assertTrue(f.getMessage().contains("does not exist"), f.getMessage());
    }

    @Test
    void brokenRepositoryDescriptorDoesNotBreakTheCatalog(@TempDir Path dir) throws Exception {
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("content.xml"), "<?xml version='1.0'?>\n<repository name='x' type=\n");
        Keys.SigningKey key = Keys.create(dir.resolve("k.p12"), Fixtures.password(), "Kenniscentrum Test");
        Path good = dir.resolve("good");
        new Publisher().publish(List.of(Fixtures.platformPlugin(dir, "beside", "1.0.0", "Beside")), good, key, null,
                new NullProgressMonitor());
        PluginUpdates worker = updates(dir.resolve("worker"));
        installedHere.add("beside");
        var installed = worker.install(worker.offer(List.of(good.toUri()), new NullProgressMonitor()), "beside", null, true,
                new NullProgressMonitor());
        assertEquals(PluginUpdates.Status.INSTALLED, installed.status(), installed.message());
        int platforms = Fixtures.catalog().platforms().size();
        Map<String, String> before = catalogState();

        server = Fixtures.serve(broken);
        RepositoryException e = assertThrows(RepositoryException.class,
                () -> worker.client().list(Fixtures.url(server), new NullProgressMonitor()));
        assertTrue(e.getMessage().contains("has a broken descriptor (") && e.getMessage().contains("content.xml"),
                e.getMessage());
        assertTrue(e.getMessage().contains("your installed plugins are not affected"), e.getMessage());

        // The broken one is reported, the good one still offered, the catalog untouched.
        var offer = worker.offer(List.of(Fixtures.url(server), good.toUri()), new NullProgressMonitor());
        assertEquals(1, offer.errors().size());
        assertEquals(List.of("org.vindplaats.platform.beside"), offer.plugins().stream().map(a -> a.id()).toList());
        assertEquals(before, catalogState());
        assertEquals(platforms, Fixtures.catalog().platforms().size());
        assertEquals("1.0.0", servedVersion("org.vindplaats.platform.beside"));

        Path notRepo = Files.createDirectories(dir.resolve("empty"));
        RepositoryException n = assertThrows(RepositoryException.class,
                () -> worker.client().list(notRepo.toUri(), new NullProgressMonitor()));
        assertTrue(n.getMessage().contains("is not a plugin repository (no content.jar or content.xml there)"), n.getMessage());
    }

    private static Path writePem(Path dir, Keys.SigningKey key) throws Exception {
        Path pem = dir.resolve("publisher-" + System.nanoTime() + ".pem");
        Files.writeString(pem, Keys.pem(key.certificate()));
        return pem;
    }

    private static List<String> listFolder(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static void assertPresent(Object o) {
        assertNotNull(o);
    }
}
