package org.vindplaats.catalog.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.PluginInfo;
import org.vindplaats.model.Affordance;
import org.vindplaats.testing.Services;

/**
 * Installs, updates and uninstalls plugin bundles in the running framework and checks what the
 * catalog (the real OSGi service, registered through Declarative Services) serves at each point.
 */
class LiveCatalogTest {

    @TempDir
    static Path dir;
    static String validDescriptor;
    static Catalog catalog;

    @BeforeAll
    static void setUp() throws Exception {
        Fixtures.copy("valid", dir);
        validDescriptor = Fixtures.read(dir.resolve("platform/vindplaats-plugin.json"));
        catalog = Services.await(Catalog.class); // registered by Declarative Services
    }

    /** The valid fixture with another id, version and anonymity (2-4: it has anonymous accounts, scale rule 1). */
    private static String descriptor(String id, String version, int anonymity) {
        return validDescriptor.replace("\"id\": \"testapp\"", "\"id\": \"" + id + "\"")
                .replace("\"version\": \"1.0.0\"", "\"version\": \"" + version + "\"")
                .replaceFirst("(\"anonymity\": \\{\\s*\"level\": )2", "$1" + anonymity);
    }

    private static Bundle install(String bsn, String version, String descriptor) throws Exception {
        Path jar = Fixtures.pluginJar(Files.createTempDirectory(dir, "jar"), bsn, version, descriptor);
        try (InputStream in = Files.newInputStream(jar)) {
            return Fixtures.context().installBundle("test:" + bsn + "/" + version + "/" + System.nanoTime(), in);
        }
    }

    private static void update(Bundle bundle, String version, String descriptor) throws Exception {
        Path jar = Fixtures.pluginJar(Files.createTempDirectory(dir, "jar"), bundle.getSymbolicName(), version, descriptor);
        try (InputStream in = Files.newInputStream(jar)) {
            bundle.update(in);
        }
    }

    private static PluginInfo info(String bsn) {
        return catalog.plugins().stream().filter(p -> p.source().equals(bsn)).findFirst().orElseThrow();
    }

    @Test
    void installUpdateBrokenUpdateAndUninstallAtRuntime() throws Exception {
        AtomicInteger changes = new AtomicInteger();
        Runnable listener = changes::incrementAndGet;
        catalog.addListener(listener);
        try {
            Bundle b = install("org.example.live", "1.0.0", descriptor("liveapp", "1.0.0", 2));
            assertEquals(2, catalog.platform("liveapp").orElseThrow().profile().level(Affordance.ANONYMITY).orElseThrow());
            assertEquals(PluginInfo.State.ACTIVE, info("org.example.live").state());

            update(b, "1.1.0", descriptor("liveapp", "1.1.0", 3));
            assertEquals(3, catalog.platform("liveapp").orElseThrow().profile().level(Affordance.ANONYMITY).orElseThrow());

            // A broken update: the previous good version keeps serving, and the problem is shown.
            update(b, "1.2.0", descriptor("liveapp", "1.2.0", 9));
            assertEquals(3, catalog.platform("liveapp").orElseThrow().profile().level(Affordance.ANONYMITY).orElseThrow());
            PluginInfo broken = info("org.example.live");
            assertEquals(PluginInfo.State.UPDATE_BROKEN, broken.state());
            assertEquals("1.1.0", broken.version());
            assertTrue(broken.problems().stream().anyMatch(p -> p.message().contains("value 9")), broken.problems().toString());

            b.uninstall();
            assertTrue(catalog.platform("liveapp").isEmpty());
            assertTrue(catalog.plugins().stream().noneMatch(p -> p.source().equals("org.example.live")));
            assertTrue(changes.get() >= 4, "listeners hear every change, got " + changes.get());
        } finally {
            catalog.removeListener(listener);
        }
    }

    @Test
    void brokenPluginIsListedWithItsProblemAndBreaksNothingElse() throws Exception {
        Bundle good = install("org.example.good", "1.0.0", descriptor("goodapp", "1.0.0", 2));
        Bundle bad = install("org.example.bad", "1.0.0", "{ \"format\": 1, \"kind\": ");
        try {
            assertTrue(catalog.platform("goodapp").isPresent());
            PluginInfo info = info("org.example.bad");
            assertEquals(PluginInfo.State.BROKEN, info.state());
            assertTrue(info.problems().get(0).line() > 0, info.problems().toString());
        } finally {
            good.uninstall();
            bad.uninstall();
        }
    }

    @Test
    void duplicatePlatformIdHighestVersionWins() throws Exception {
        Bundle older = install("org.example.a", "1.0.0", descriptor("dupapp", "1.0.0", 2));
        Bundle newer = install("org.example.b", "2.0.0", descriptor("dupapp", "2.0.0", 4));
        try {
            assertEquals(4, catalog.platform("dupapp").orElseThrow().profile().level(Affordance.ANONYMITY).orElseThrow());
            PluginInfo loser = info("org.example.a");
            assertEquals(PluginInfo.State.SHADOWED, loser.state());
            assertTrue(loser.problems().stream().anyMatch(p -> p.message().contains("org.example.b")), loser.toString());
            newer.uninstall();
            // The other one takes over as soon as the winner leaves.
            assertEquals(2, catalog.platform("dupapp").orElseThrow().profile().level(Affordance.ANONYMITY).orElseThrow());
            assertEquals(PluginInfo.State.ACTIVE, info("org.example.a").state());
        } finally {
            older.uninstall();
            if (newer.getState() != Bundle.UNINSTALLED) {
                newer.uninstall();
            }
        }
    }

}
