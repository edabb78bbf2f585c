package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.cli.ExitCodes;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Overriding facts is visible: a plugin with the id of a shipped platform is refused unless the
 * worker says --replace, a later version from the same publisher goes in without it, another
 * publisher's does not, and "platform show" names the plugin, version and publisher in use.
 * Plain http: repositories elsewhere need --insecure, recorded and shown by "repos list".
 */
class ReplaceAndInsecureTest {

    private static final String BUNDLE = "org.vindplaats.platform.tiktok";

    @Test
    void replacingAShippedPlatformNeedsConsentAndShowsWhoSuppliedIt(@TempDir Path dir) throws Exception {
        var shipped = CliHarness.run("platform", "show", "tiktok", "--format", "json");
        assertEquals(ExitCodes.OK, shipped.exitCode(), shipped.err());
        JsonNode by = shipped.json().get("suppliedBy");
        assertEquals(BUNDLE, by.get("plugin").asText(), shipped.out());
        assertEquals("Vindplaats", by.get("publisher").asText());
        String shippedName = CliHarness.catalog().platform("tiktok").orElseThrow().name();
        var text = CliHarness.run("platform", "show", "tiktok");
        assertTrue(text.out().contains("Facts from plugin " + BUNDLE + " " + by.get("version").asText()
                + ", published by Vindplaats."), text.out());

        assertEquals(ExitCodes.OK, CliHarness.run("plugin", "new", "platform", "tiktok", "--dir", dir.toString()).exitCode());
        Path plugin = dir.resolve("tiktok");
        PublishingCommandsTest.setVersion(plugin, "9.0.0", "TikTok, other facts");
        try {
            var local = CliHarness.run("plugin", "install", plugin.toString());
            assertEquals(ExitCodes.PROBLEMS_FOUND, local.exitCode(), local.out() + local.err());
            assertTrue(local.out().contains("the platform \"tiktok\" is already supplied by " + BUNDLE), local.out());
            assertTrue(local.out().contains("published by Vindplaats; this plugin comes from unsigned"), local.out());
            assertTrue(local.out().contains("--replace"), local.out());
            assertEquals(shippedName, CliHarness.catalog().platform("tiktok").orElseThrow().name());

            // Signed by a knowledge centre and offered by its repository: still its consent first.
            Path password = dir.resolve("pw");
            Files.writeString(password, "correct horse battery\n");
            String fp = newKey(dir, "centre", "Kenniscentrum Ander", password);
            Path repo = dir.resolve("site");
            publish(plugin, repo, dir.resolve("keys/centre.p12"), password);
            var refused = CliHarness.run("install", "tiktok", "--from", repo.toString(), "--allow-unsigned");
            assertEquals(ExitCodes.REFUSED, refused.exitCode(), refused.out() + refused.err());
            assertTrue(refused.out().contains("is already supplied by " + BUNDLE), refused.out());
            assertEquals(shippedName, CliHarness.catalog().platform("tiktok").orElseThrow().name());

            var replaced = CliHarness.run("install", "tiktok", "--from", repo.toString(), "--allow-unsigned", "--replace");
            assertEquals(ExitCodes.OK, replaced.exitCode(), replaced.out() + replaced.err());
            assertEquals("TikTok, other facts", CliHarness.catalog().platform("tiktok").orElseThrow().name());
            JsonNode now = CliHarness.run("platform", "show", "tiktok", "--format", "json").json().get("suppliedBy");
            assertEquals("9.0.0", now.get("version").asText());
            assertEquals("Kenniscentrum Ander", now.get("publisher").asText());
            assertEquals(fp, now.get("fingerprint").asText());
            assertTrue(CliHarness.run("platform", "show", "tiktok").out()
                    .contains("Facts from plugin " + BUNDLE + " 9.0.0, published by Kenniscentrum Ander (" + fp + ")."));

            // The same publisher's next version needs no --replace; another publisher's does.
            PublishingCommandsTest.setVersion(plugin, "9.0.1", "TikTok, other facts 2");
            publish(plugin, repo, dir.resolve("keys/centre.p12"), password);
            var same = CliHarness.run("install", "tiktok", "--from", repo.toString(), "--allow-unsigned");
            assertEquals(ExitCodes.OK, same.exitCode(), same.out() + same.err());
            assertEquals("TikTok, other facts 2", CliHarness.catalog().platform("tiktok").orElseThrow().name());

            newKey(dir, "intruder", "Iemand Anders", password);
            PublishingCommandsTest.setVersion(plugin, "9.0.2", "TikTok, intruder");
            Path repo2 = dir.resolve("site2");
            publish(plugin, repo2, dir.resolve("keys/intruder.p12"), password);
            var other = CliHarness.run("install", "tiktok", "--from", repo2.toString(), "--allow-unsigned");
            assertEquals(ExitCodes.REFUSED, other.exitCode(), other.out() + other.err());
            assertTrue(other.out().contains("published by Kenniscentrum Ander (" + fp + "); this plugin comes from Iemand Anders"),
                    other.out());
            assertEquals("TikTok, other facts 2", CliHarness.catalog().platform("tiktok").orElseThrow().name());
        } finally {
            CliHarness.run("plugin", "uninstall", "tiktok");
            Files.deleteIfExists(CliHarness.installer().folder().resolve(BUNDLE + ".jar.previous"));
        }
        assertEquals(shippedName, CliHarness.catalog().platform("tiktok").orElseThrow().name());
        assertFalse(Files.exists(CliHarness.installer().folder().resolve(BUNDLE + ".publisher")));
    }

    @Test
    void plainHttpElsewhereNeedsInsecure() throws Exception {
        String url = "http://plugins.example.org/vindplaats-test/";
        var refused = CliHarness.run("repos", "add", url, "--no-check");
        assertEquals(ExitCodes.USAGE, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains("plain http: address") && refused.err().contains("--insecure"), refused.err());
        assertFalse(CliHarness.run("repos", "list").out().contains(url));
        try {
            var added = CliHarness.run("repos", "add", url, "--no-check", "--insecure");
            assertEquals(ExitCodes.OK, added.exitCode(), added.err());
            assertTrue(CliHarness.run("repos", "list").out().contains(url + "  (plain http, accepted with --insecure)"));
            JsonNode list = CliHarness.run("repos", "list", "--format", "json").json();
            boolean marked = false;
            for (JsonNode n : list) {
                marked |= n.get("url").asText().equals(url) && n.get("insecure").asBoolean();
            }
            assertTrue(marked, list.toPrettyString());
        } finally {
            CliHarness.run("repos", "remove", url);
        }
    }

    private static String newKey(Path dir, String file, String name, Path password) throws Exception {
        var key = CliHarness.run("keys", "new", "--name", name, "--keystore", dir.resolve("keys/" + file + ".p12").toString(),
                "--password-file", password.toString(), "--format", "json");
        assertEquals(ExitCodes.OK, key.exitCode(), key.err());
        return key.json().get("fingerprint").asText();
    }

    private static void publish(Path plugin, Path repo, Path keystore, Path password) throws Exception {
        var r = CliHarness.run("publish", plugin.toString(), "--to", repo.toString(), "--key", keystore.toString(),
                "--password-file", password.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.out() + r.err());
    }
}
