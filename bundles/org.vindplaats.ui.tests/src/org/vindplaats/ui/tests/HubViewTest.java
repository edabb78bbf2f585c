package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vindplaats.ui.tests.TestData.click;
import static org.vindplaats.ui.tests.TestData.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vindplaats.app.TeamHub;
import org.vindplaats.hub.Hub;
import org.vindplaats.hub.HubConnection;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.ui.parts.HubView;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Team hub part (Beheer): the connect form stores hub.json and refuses what cannot work with
 * a message naming the field; a push to a hub that is not there says so in plain words, keeps the
 * error for later and loses nothing.
 */
class HubViewTest extends WorkspaceFixture {

    private TeamHub hub;
    private HubView view;
    private Path password;

    @BeforeEach
    void open() throws Exception {
        hub = new TeamHub(Duration.ofHours(1)); // only pushes started here
        password = HubFixture.passwordFile(dir);
        view = new HubView(shell, hub, notes);
        show();
    }

    private void fill(String url, String team, String user, String passwordFile) {
        view.url().setText(url);
        view.team().setText(team);
        view.user().setText(user);
        view.passwordFile().setText(passwordFile);
    }

    /**
     * A conflict the last push reported is listed in the part until settled; Keep both gives the
     * workspace's note a new id (the next push sends it), and the list is empty again.
     */
    @Test
    void conflictsAreListedAndKeepBothGivesOurNotesANewId() throws Exception {
        HubFixture.connect(hub, ws, password);
        var store = notes.store().orElseThrow();
        store.save(org.vindplaats.notes.NoteBuilder.create("n-7").title("Andere versie").body("Door een collega anders beschreven.")
                .observed(java.time.LocalDate.of(2026, 11, 22)).language("nl").build(), org.vindplaats.notes.NoteStore.NEW);
        Files.writeString(ws.resolve("hub-conflicts.txt"), "n-7\n"); // as a push that met another workspace's n-7 leaves it
        view.refresh(false);
        waitFor(display, () -> view.conflicts().getText().contains("n-7"), "the conflict listed: " + view.conflicts().getText());
        assertTrue(view.keepBothButton().isEnabled());
        click(view.keepBothButton());
        assertTrue(store.get("n-7").isEmpty(), "our note left the id to the other workspace's");
        String origin = new ObjectMapper().readTree(ws.resolve(HubConnection.FILE).toFile()).path("origin").asText()
                .replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT).substring(0, 6);
        assertEquals("Andere versie", store.get("n-7-" + origin).orElseThrow().note().title());
        assertTrue(view.conflicts().getText().contains("n-7-" + origin), view.conflicts().getText());
        assertFalse(view.keepBothButton().isEnabled());
        view.refresh(false);
        waitFor(display, () -> view.conflicts().getText().equals("none"), "no conflict left: " + view.conflicts().getText());
    }

    @Test
    void notConnectedThePartSaysHowAndPushIsOff() {
        assertFalse(view.pushButton().isEnabled());
        assertFalse(view.refreshButton().isEnabled(), "nothing to ask yet");
        assertTrue(view.connection().getText().startsWith("Not connected."), view.connection().getText());
        assertTrue(view.connection().getText().contains("choose Connect"), view.connection().getText());
    }

    @Test
    void theConnectFormWritesHubJson() throws Exception {
        fill(" http://127.0.0.1:1/solr/ ", "jeugdwerk-noord", "an", password.toString());
        click(view.connectButton());
        Path file = ws.resolve(HubConnection.FILE);
        assertTrue(Files.isRegularFile(file), view.connectResult().getText());
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals("http://127.0.0.1:1/solr", json.path("url").asText(), "the address as the hub needs it");
        assertEquals("jeugdwerk-noord", json.path("team").asText());
        assertEquals("an", json.path("user").asText());
        assertEquals(password.toAbsolutePath().toString(), json.path("passwordFile").asText());
        assertFalse(Files.readString(file).contains("geheim-wachtwoord"), "the password itself is never stored");
        assertTrue(view.connectResult().getText().startsWith("Connected to http://127.0.0.1:1/solr as team jeugdwerk-noord"),
                view.connectResult().getText());
        waitFor(display, () -> view.connection().getText().contains("team_jeugdwerk_noord"), "the connection in the status");
        assertTrue(view.pushButton().isEnabled());
        String origin = json.path("origin").asText();

        // Connecting again (another user) keeps the workspace's name in the hub.
        view.user().setText("bram");
        click(view.connectButton());
        JsonNode again = new ObjectMapper().readTree(file.toFile());
        assertEquals("bram", again.path("user").asText());
        assertEquals(origin, again.path("origin").asText());
    }

    @Test
    void aKnowledgeCentresAccountConnectsToReadAndSendsNothing() throws Exception {
        click(view.knowledgeCentreButton());
        fill(HubFixture.UNREACHABLE, "Kenniscentrum", "kc-reader", password.toString());
        click(view.connectButton());
        assertTrue(view.connectResult().getText().startsWith("Knowledge centre: \"Kenniscentrum\" cannot be"),
                "the field is named as it reads now: " + view.connectResult().getText());
        view.team().setText("kc");
        click(view.connectButton());
        JsonNode json = new ObjectMapper().readTree(ws.resolve(HubConnection.FILE).toFile());
        assertTrue(json.path("knowledgeCentre").asBoolean(), json.toString());
        assertEquals("kc", json.path("team").asText());
        waitFor(display, () -> view.connection().getText().contains("knowledge centre kc"), "the connection: " + view.connection().getText());
        assertTrue(view.connection().getText().contains("sends nothing"), view.connection().getText());
        assertFalse(view.pushButton().isEnabled(), "a knowledge centre sends nothing");
        assertFalse(hub.sends(ws));
    }

    @Test
    void whatCannotWorkIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        Path file = ws.resolve(HubConnection.FILE);
        fill("ftp://hub.example.org/solr", "jeugdwerk-noord", "an", password.toString());
        click(view.connectButton());
        assertTrue(view.connectResult().getText().startsWith("Hub address: \"ftp://hub.example.org/solr\" is not a hub address"),
                view.connectResult().getText());
        assertEquals(view.url(), display.getFocusControl(), "the field to fix has the focus");

        fill("", "jeugdwerk-noord", "an", password.toString());
        click(view.connectButton());
        assertTrue(view.connectResult().getText().startsWith("Hub address: Give the hub's address"), view.connectResult().getText());

        fill("https://hub.example.org/solr", "Jeugdwerk Noord", "an", password.toString());
        click(view.connectButton());
        assertTrue(view.connectResult().getText().startsWith("Team: \"Jeugdwerk Noord\" cannot be a team or user name"),
                view.connectResult().getText());

        fill("https://hub.example.org/solr", "jeugdwerk-noord", "An!", password.toString());
        click(view.connectButton());
        assertTrue(view.connectResult().getText().startsWith("User: \"An!\" cannot be"), view.connectResult().getText());

        fill("https://hub.example.org/solr", "jeugdwerk-noord", "an", dir.resolve("nergens.txt").toString());
        click(view.connectButton());
        assertTrue(view.connectResult().getText().startsWith("Password file: The password file " + dir.resolve("nergens.txt")),
                view.connectResult().getText());
        assertTrue(view.connectResult().getText().contains("does not exist"), view.connectResult().getText());

        Path empty = Files.writeString(dir.resolve("leeg.txt"), "\n");
        fill("https://hub.example.org/solr", "jeugdwerk-noord", "an", empty.toString());
        click(view.connectButton());
        assertTrue(view.connectResult().getText().startsWith("Password file: "), view.connectResult().getText());
        assertTrue(view.connectResult().getText().contains("empty"), view.connectResult().getText());

        assertFalse(Files.exists(file), "nothing stored while a field is wrong");
        assertFalse(view.pushButton().isEnabled());
    }

    @Test
    void pushingToAnUnreachableHubSaysSoKeepsTheErrorAndLosesNothing() throws Exception {
        NoteStore store = notes.store().orElseThrow();
        store.save(NoteBuilder.create("n1").title("Groepschat").body("Ruzie in een groepschat.").observed(LocalDate.now()).build(),
                NoteStore.NEW);
        store.save(NoteBuilder.create("n2").title("Challenge").body("Een gevaarlijke stunt.").observed(LocalDate.now()).build(),
                NoteStore.NEW);
        fill(HubFixture.UNREACHABLE, "jeugdwerk-noord", "an", password.toString());
        click(view.connectButton());
        waitFor(display, () -> view.outbox().getText().startsWith("2 to send"), "the outbox counted: " + view.outbox().getText());
        assertEquals("None", view.lastError().getText());

        click(view.pushButton());
        assertTrue(view.stopButton().isEnabled(), "a push under way can be stopped");
        assertFalse(view.pushButton().isEnabled());
        waitFor(display, () -> view.result().getText().startsWith("Not sent."), "the push to end: " + view.result().getText());
        String said = view.result().getText();
        assertTrue(said.contains("cannot be reached") && said.contains("Your notes are safe here"), said);
        waitFor(display, () -> !view.lastError().getText().equals("None"), "the last error in the status");
        assertTrue(view.lastError().getText().contains("cannot be reached"), view.lastError().getText());
        assertFalse(view.lastError().getText().matches("\\d{4}-\\d{2}-\\d{2}T.*"), "a time a person reads: " + view.lastError().getText());
        assertNotNull(Hub.lastError(ws), "kept in the workspace for the next look");
        assertTrue(view.reachable().getText().contains("cannot be reached"), view.reachable().getText());
        waitFor(display, () -> view.pushButton().isEnabled() && !view.stopButton().isEnabled(), "the buttons back");

        assertEquals(2, store.count(), "the notes are all still here");
        assertTrue(view.outbox().getText().startsWith("2 to send"), "and still waiting to go: " + view.outbox().getText());
        assertEquals(1, display.getShells().length, "no dialog: the part says it");
    }
}
