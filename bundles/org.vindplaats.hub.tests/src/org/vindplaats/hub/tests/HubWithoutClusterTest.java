package org.vindplaats.hub.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.hub.Hub;
import org.vindplaats.hub.HubConnection;
import org.vindplaats.hub.HubException;
import org.vindplaats.index.IndexConfig;
import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.Workspace;

/**
 * The hub's client side where no cluster is needed: the stored connection, the outbox (what a push
 * sends, resumes and removes), the configset, and the sentences for a hub that is away. Against a
 * real SolrCloud the product is tried by releng/hub/hub-check.sh.
 */
class HubWithoutClusterTest {

    @TempDir
    Path dir;

    private HubConnection connection(URI url) throws IOException {
        Path pw = dir.resolve("team-noord.password");
        Files.writeString(pw, "s3cret-password\n");
        return new HubConnection(url, "noord", "team-noord", pw);
    }

    @Test
    void theConnectionIsStoredOwnerOnlyWithoutThePasswordAndBadNamesAreRefusedWithAFix() throws Exception {
        HubConnection c = connection(URI.create("https://hub.example.org/solr/"));
        assertEquals("https://hub.example.org/solr", c.url().toString());
        assertEquals("team_noord", c.collection());
        c.save(dir);
        Path file = dir.resolve(HubConnection.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(Files.readString(file).contains("s3cret"), "the password stays in its own file");
        assertEquals(c, HubConnection.load(dir).orElseThrow());

        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> new HubConnection(URI.create("https://hub.example.org/solr"), "Team Noord", "u", dir));
        assertTrue(bad.getMessage().contains("lower-case"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HubConnection(URI.create("ftp://x/solr"), "noord", "u", dir));

        Files.writeString(file, "{\n  \"url\": \"https://h/solr\",\n  \"team\": [");
        HubException damaged = assertThrows(HubException.class, () -> HubConnection.load(dir));
        assertTrue(damaged.getMessage().contains(file.toString()) && damaged.getMessage().contains("hub connect")
                && damaged.getMessage().contains("line 3") && !damaged.getMessage().contains("Source"), damaged.getMessage());
        // Readable, but not a connection: the field is named, and so is a settings address or name.
        for (String[] settings : new String[][] { { "{}", "\"url\" is missing" },
                { "{\"url\":\"https://h/solr\",\"team\":\"noord\",\"user\":\"u\"}", "\"passwordFile\" is missing" },
                { "{\"url\":\"ftp://h\",\"team\":\"noord\",\"user\":\"u\",\"passwordFile\":\"p\"}", "not a hub address" },
                { "{\"url\":\"https://h/solr\",\"team\":\"Noord Oost\",\"user\":\"u\",\"passwordFile\":\"p\"}", "lower-case" },
                { "[1, 2]", "\"url\" is missing" } }) {
            Files.writeString(file, settings[0]);
            HubException e = assertThrows(HubException.class, () -> HubConnection.load(dir), settings[0]);
            assertTrue(e.getMessage().contains(settings[1]) && e.getMessage().contains("hub connect"), e.getMessage());
        }

        // Settings from before origins: the origin made for them is kept, so the workspace stays itself.
        Files.writeString(file, "{\"url\":\"https://h/solr\",\"team\":\"noord\",\"user\":\"u\",\"passwordFile\":\"p\"}");
        String origin = HubConnection.load(dir).orElseThrow().origin();
        assertEquals(origin, HubConnection.load(dir).orElseThrow().origin(), "the same workspace on every load");
        assertTrue(Files.readString(file).contains(origin));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        HubConnection missing = new HubConnection(URI.create("https://h/solr"), "noord", "u", dir.resolve("nope"));
        HubException noFile = assertThrows(HubException.class, missing::password);
        assertTrue(noFile.getMessage().contains(dir.resolve("nope").toString()), noFile.getMessage());
    }

    @Test
    void theOutboxHoldsNewAndChangedNotesKeepsPersonalDataHomeAndRemovesDeletedOnes() throws Exception {
        Path wsDir = dir.resolve("ws");
        try (Workspace ws = Workspace.open(wsDir)) {
            ws.notes().save(note("a", "Een trend op TikTok", false), 0);
            ws.notes().save(note("b", "Nog een trend", false), 0);
            ws.notes().save(note("c", "Met een telefoonnummer dat bewust bleef", true), 0);
            // The invented example a new workspace starts with is not a team note; a real note
            // that only looks a bit like one is.
            ws.notes().save(note("sample-001", "[Voorbeeld] Verdwijnende foto's", false), 0);
            ws.notes().save(note("sample-notes", "[Voorbeeld] eigen notitie met die naam", false), 0);
            try (Hub hub = new Hub(connection(URI.create("http://127.0.0.1:9/solr")), wsDir)) {
                Hub.Outlook o = hub.outlook(ws.notes());
                assertEquals(3, o.toSend(), "a, b and sample-notes; c keeps its personal data here, sample-001 is an example");
                assertEquals(1, o.keptBack());
                assertEquals(0, o.toRemove());

                // As if a push had sent a and b, then the worker deleted b and changed a.
                Files.writeString(wsDir.resolve("hub-sent.log"), "a 1\nb 1\nx 3\nb 1\ntorn-li");
                ws.notes().delete("b");
                var a = ws.notes().get("a").orElseThrow();
                ws.notes().update(a, NoteBuilder.from(a.note()).body("Aangevuld na overleg").build());
                o = hub.outlook(ws.notes());
                assertEquals(2, o.toSend(), "a changed, sample-notes not sent yet");
                assertEquals(2, o.toRemove(), "b deleted here, x no longer here; the torn last line is ignored");
            }
        }
    }

    /**
     * A conflict a push reported is settled by keeping both: the note is saved under a new id
     * marked with this workspace, its sharing choice moves with it, the old id goes, and the
     * conflict is no longer listed; other conflicts stay listed.
     */
    @Test
    void settlingAConflictKeepsBothNotesAndMovesTheSharingChoice() throws Exception {
        Path wsDir = dir.resolve("ws");
        try (Workspace ws = Workspace.open(wsDir)) {
            ws.notes().save(note("n-7", "Andere versie van een trend", false), 0);
            ws.notes().save(note("n-8", "Nog een", false), 0);
            org.vindplaats.hub.SharedNotes.set(wsDir, List.of("n-7"), true);
            Files.writeString(wsDir.resolve("hub-conflicts.txt"), "n-7\nn-8\n"); // as a push leaves it
            HubConnection c = new HubConnection(URI.create("http://127.0.0.1:9/solr"), "noord", "team-noord",
                    dir.resolve("pw"), "3f2a9c1e-0000-4000-8000-000000000000");
            assertEquals(List.of("n-7", "n-8"), Hub.conflicts(wsDir));
            String newId = Hub.keepBoth(ws.notes(), wsDir, c, "n-7");
            assertEquals("n-7-3f2a9c", newId);
            assertTrue(ws.notes().get("n-7").isEmpty(), "the old id goes");
            assertEquals("Andere versie van een trend", ws.notes().get(newId).orElseThrow().note().title());
            assertEquals(java.util.Set.of(newId), org.vindplaats.hub.SharedNotes.ids(wsDir), "sharing moves with it");
            assertEquals(List.of("n-8"), Hub.conflicts(wsDir));
            assertThrows(IllegalArgumentException.class, () -> Hub.keepBoth(ws.notes(), wsDir, c, "n-7"));
        }
    }

    /** A note in which the worker kept personal data is never recorded as shared: it never leaves the workspace. */
    @Test
    void aNoteWithPersonalDataKeptIsNotSharedAndIsNamed() throws Exception {
        Path wsDir = dir.resolve("ws-share");
        Files.createDirectories(wsDir);
        org.vindplaats.hub.SharedNotes.Choice choice = org.vindplaats.hub.SharedNotes.share(wsDir,
                List.of(note("n-1", "Gewoon", false), note("n-2", "Met naam bewaard", true)));
        assertEquals(List.of("n-1"), choice.shared());
        assertEquals(List.of("n-2"), choice.keptPrivate());
        assertEquals(java.util.Set.of("n-1"), org.vindplaats.hub.SharedNotes.ids(wsDir));
        org.vindplaats.hub.SharedNotes.Choice none = org.vindplaats.hub.SharedNotes.share(wsDir,
                List.of(note("n-3", "Ook bewaard", true)));
        assertTrue(none.shared().isEmpty());
        assertEquals(java.util.Set.of("n-1"), org.vindplaats.hub.SharedNotes.ids(wsDir), "nothing added");
    }

    private static TrendNote note(String id, String title, boolean piiKept) {
        return NoteBuilder.create(id).title(title).body(title + ".").observed(LocalDate.of(2026, 11, 2)).language("nl")
                .piiKept(piiKept).build();
    }

    @Test
    void aHubThatIsAwaySaysSoAndNamesTheAddress() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/solr");
        try (Hub hub = new Hub(connection(url), dir)) {
            HubException e = assertThrows(HubException.class, hub::count);
            assertTrue(e.getMessage().contains("cannot be reached") && e.getMessage().contains(url.toString()), e.getMessage());
        }
    }

    @Test
    void theConfigsetCarriesTheSchemaAndTheWordListsOfTheLocalIndex() throws Exception {
        Map<String, String> lists = IndexConfig.defaults().withSlang(Map.of("grooming", List.of("online lokken")))
                .solrWordLists();
        assertTrue(lists.get("stopwords_nl.txt").lines().anyMatch("de"::equals), "Dutch stop words");
        assertTrue(lists.get("synonyms.txt").lines().anyMatch(l -> l.contains("grooming") && l.contains("online lokken")),
                lists.get("synonyms.txt"));
        assertFalse(lists.get("compound-parts.txt").isBlank());
        byte[] zip = org.vindplaats.hub.HubSetup.configset(lists);
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(java.util.Set.of("schema.xml", "solrconfig.xml", "stopwords_nl.txt", "compound-parts.txt", "synonyms.txt"),
                entries.keySet());
        assertTrue(entries.get("schema.xml").contains("SnowballPorterFilterFactory"));
    }
}
