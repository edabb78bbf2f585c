package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.catalog.PluginInfo;
import org.vindplaats.cli.ExitCodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;

/**
 * The publishing round trip from the command line: a knowledge centre creates a key and publishes
 * a plugin folder into a repository served over HTTP on 127.0.0.1; a worker adds the repository,
 * trusts the publisher, installs, updates and rolls back; a changed jar and an unreachable
 * repository are refused and change nothing.
 */
class PublishingCommandsTest {

    private static final String BUNDLE = "org.vindplaats.platform.clirt";

    @Test
    void knowledgeCentrePublishesWorkerInstallsUpdatesRollsBack(@TempDir Path dir) throws Exception {
        Path password = dir.resolve("pw");
        Files.writeString(password, "correct horse battery\n");
        Path keystore = dir.resolve("keys/centre.p12");
        var key = CliHarness.run("keys", "new", "--name", "Kenniscentrum CLI", "--keystore", keystore.toString(),
                "--password-file", password.toString(), "--format", "json");
        assertEquals(ExitCodes.OK, key.exitCode(), key.err());
        String fingerprint = key.json().get("fingerprint").asText();
        Path pem = dir.resolve("keys/centre.pem");
        assertEquals(pem.toString(), key.json().get("certificate").asText());
        assertTrue(Files.readString(pem).startsWith("-----BEGIN CERTIFICATE-----"));
        var again = CliHarness.run("keys", "new", "--name", "X", "--keystore", keystore.toString(), "--password-file",
                password.toString());
        assertEquals(ExitCodes.USAGE, again.exitCode());
        assertTrue(again.err().contains("never overwritten"), again.err());

        assertEquals(ExitCodes.OK, CliHarness.run("plugin", "new", "platform", "clirt", "--dir", dir.toString()).exitCode());
        Path plugin = dir.resolve("clirt");
        setVersion(plugin, "1.0.0", "CLI Round Trip");
        Path repo = dir.resolve("site");
        var published = CliHarness.run("publish", plugin.toString(), "--to", repo.toString(), "--key", keystore.toString(),
                "--password-file", password.toString(), "--name", "Kenniscentrum CLI plugins");
        assertEquals(ExitCodes.OK, published.exitCode(), published.out() + published.err());
        assertTrue(published.out().contains("Published " + BUNDLE + " 1.0.0"), published.out());
        assertTrue(published.out().contains("fingerprint " + fingerprint), published.out());

        HttpServer server = SimpleFileServer.createFileServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                repo.toAbsolutePath(), SimpleFileServer.OutputLevel.NONE);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        try {
            var add = CliHarness.run("repos", "add", url);
            assertEquals(ExitCodes.OK, add.exitCode(), add.err());
            assertTrue(add.out().contains("(1 plugin versions available)"), add.out());
            assertTrue(CliHarness.run("repos", "list", "--format", "json").json().toString().contains(url));

            // Not trusted yet: refused, with the way out.
            var refused = CliHarness.run("install", "clirt");
            assertEquals(ExitCodes.REFUSED, refused.exitCode(), refused.out() + refused.err());
            assertTrue(refused.err().contains("a publisher you do not trust yet"), refused.err());
            assertTrue(refused.err().contains("--allow-unsigned"), refused.err());
            assertTrue(CliHarness.catalog().platform("clirt").isEmpty());

            assertEquals(ExitCodes.OK, CliHarness.run("keys", "trust", pem.toString()).exitCode());
            JsonNode keys = CliHarness.run("keys", "list", "--format", "json").json();
            assertTrue(keys.get("trusted").toString().contains(fingerprint), keys.toPrettyString());

            var install = CliHarness.run("install", "clirt", "--format", "json");
            assertEquals(ExitCodes.OK, install.exitCode(), install.out() + install.err());
            assertEquals("installed", install.json().get("status").asText());
            assertEquals("trusted", install.json().get("signature").asText());
            assertEquals("Kenniscentrum CLI", install.json().get("signer").asText());
            assertEquals("CLI Round Trip", CliHarness.catalog().platform("clirt").orElseThrow().name());

            var none = CliHarness.run("updates");
            assertEquals(ExitCodes.OK, none.exitCode(), none.err());
            assertTrue(none.out().contains("All installed plugins are up to date."), none.out());

            setVersion(plugin, "1.1.0", "CLI Round Trip Two");
            assertEquals(ExitCodes.OK, CliHarness.run("publish", plugin.toString(), "--to", repo.toString(), "--key",
                    keystore.toString(), "--password-file", password.toString()).exitCode());
            JsonNode updates = CliHarness.run("updates", "--all", "--format", "json").json();
            assertEquals(1, updates.get("updates").size(), updates.toPrettyString());
            assertEquals("1.0.0", updates.get("updates").get(0).get("installed").asText());
            assertEquals("1.1.0", updates.get("updates").get(0).get("available").asText());
            assertEquals(2, updates.get("available").size(), "older versions stay available");

            var update = CliHarness.run("update", "--all");
            assertEquals(ExitCodes.OK, update.exitCode(), update.out() + update.err());
            assertTrue(update.out().contains("Updated " + BUNDLE + " from 1.0.0 to 1.1.0, signed by Kenniscentrum CLI"),
                    update.out());
            assertEquals("CLI Round Trip Two", CliHarness.catalog().platform("clirt").orElseThrow().name());

            var rollback = CliHarness.run("rollback", "clirt");
            assertEquals(ExitCodes.OK, rollback.exitCode(), rollback.out() + rollback.err());
            assertTrue(rollback.out().contains("Rolled " + BUNDLE + " back from 1.1.0 to 1.0.0"), rollback.out());
            assertEquals("CLI Round Trip", CliHarness.catalog().platform("clirt").orElseThrow().name());

            // 1.2.0 is changed on the server after publishing: refused, 1.0.0 keeps serving.
            setVersion(plugin, "1.2.0", "CLI Round Trip Three");
            assertEquals(ExitCodes.OK, CliHarness.run("publish", plugin.toString(), "--to", repo.toString(), "--key",
                    keystore.toString(), "--password-file", password.toString()).exitCode());
            tamper(repo.resolve("plugins/" + BUNDLE + "_1.2.0.jar"));
            var tampered = CliHarness.run("update", "clirt");
            assertEquals(ExitCodes.REFUSED, tampered.exitCode(), tampered.out() + tampered.err());
            assertTrue(tampered.err().contains("does not match the checksum in the repository"), tampered.err());
            assertEquals("CLI Round Trip", CliHarness.catalog().platform("clirt").orElseThrow().name());
            assertEquals("1.0.0", CliHarness.catalog().plugins().stream().filter(p -> p.source().equals(BUNDLE))
                    .map(PluginInfo::version).findFirst().orElseThrow());

            // A chosen version rather than the newest (here the good 1.1.0 instead of the changed 1.2.0).
            var chosen = CliHarness.run("install", "clirt", "--plugin-version", "1.1.0");
            assertEquals(ExitCodes.OK, chosen.exitCode(), chosen.out() + chosen.err());
            assertTrue(chosen.out().contains("Updated " + BUNDLE + " from 1.0.0 to 1.1.0"), chosen.out());
        } finally {
            server.stop(0);
            CliHarness.run("repos", "remove", url);
            CliHarness.run("keys", "untrust", fingerprint);
            CliHarness.run("plugin", "uninstall", "clirt");
            Files.deleteIfExists(CliHarness.installer().folder().resolve(BUNDLE + ".jar.previous"));
        }
        assertFalse(CliHarness.run("repos", "list").out().contains(url));
    }

    @Test
    void unreachableRepositoryIsAClearErrorAndNothingChanges(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/vindplaats/";
        String before = CliHarness.run("repos", "list", "--format", "json").out();
        int plugins = CliHarness.catalog().plugins().size();

        var add = CliHarness.run("repos", "add", url);
        assertEquals(ExitCodes.UNREACHABLE, add.exitCode(), add.out() + add.err());
        assertTrue(add.err().contains("cannot reach the plugin repository " + url + ": connection refused by 127.0.0.1:" + port),
                add.err());
        assertTrue(add.err().contains("The repository was not added"), add.err());
        assertEquals(before, CliHarness.run("repos", "list", "--format", "json").out());

        var install = CliHarness.run("install", "tiktok", "--from", url);
        assertEquals(ExitCodes.UNREACHABLE, install.exitCode(), install.out() + install.err());
        assertTrue(install.err().contains("nothing was changed"), install.err());
        assertEquals(plugins, CliHarness.catalog().plugins().size());

        var broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("content.xml"), "<repository");
        var updates = CliHarness.run("updates", "--from", broken.toString());
        assertEquals(ExitCodes.UNREACHABLE, updates.exitCode());
        assertTrue(updates.err().contains("has a broken descriptor"), updates.err());
        assertTrue(CliHarness.catalog().platform("tiktok").isPresent(), "the installed catalog is not affected");
        assertEquals(plugins, CliHarness.catalog().plugins().size());
    }

    @Test
    void helpAndUsageErrors() throws Exception {
        var help = CliHarness.run("publish", "--help");
        assertEquals(ExitCodes.OK, help.exitCode());
        assertTrue(help.out().contains("--to=<repository folder>"), help.out());
        assertTrue(help.out().contains("Build, sign and add plugins to a p2 repository folder"), help.out());
        var nl = CliHarness.run(Locale.forLanguageTag("nl"), "install", "--help");
        assertTrue(nl.out().replaceAll("\\s+", " ").contains("meteen in gebruik, zonder herstart"), nl.out() + nl.err());
        var rollback = CliHarness.run("rollback", "never-installed-plugin");
        assertEquals(ExitCodes.USAGE, rollback.exitCode());
        assertTrue(rollback.err().contains("there is no previous version of \"never-installed-plugin\""), rollback.err());
        var badUrl = CliHarness.run("repos", "add", "ftp://example.org/x");
        assertEquals(ExitCodes.USAGE, badUrl.exitCode());
        assertTrue(badUrl.err().contains("is not a repository address"), badUrl.err());
        var update = CliHarness.run("update");
        assertEquals(ExitCodes.USAGE, update.exitCode(), update.err());
    }

    static void setVersion(Path folder, String version, String name) throws IOException {
        Path json = folder.resolve("vindplaats-plugin.json");
        String text = Files.readString(json, StandardCharsets.UTF_8)
                .replaceFirst("\"version\" : \"[^\"]*\"", "\"version\" : \"" + version + "\"")
                .replaceFirst("\"name\" : \"[^\"]*\"", "\"name\" : \"" + name + "\"");
        Files.writeString(json, text, StandardCharsets.UTF_8);
    }

    /** Rewrites the descriptor inside a published jar, as a compromised server would. */
    private static void tamper(Path jar) throws IOException {
        Path tmp = Files.createTempFile(jar.getParent(), "t", ".jar");
        try (ZipFile in = new ZipFile(jar.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            var entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream s = in.getInputStream(e)) {
                    byte[] b = s.readAllBytes();
                    if (e.getName().equals("vindplaats-plugin.json")) {
                        b = new String(b, StandardCharsets.UTF_8).replace("Three", "Hijacked").getBytes(StandardCharsets.UTF_8);
                    }
                    out.write(b);
                }
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
    }
}
