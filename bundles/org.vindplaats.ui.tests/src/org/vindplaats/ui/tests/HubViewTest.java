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

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
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

    private <T extends Control> T widget(String name, Class<T> type) {
        return Widgets.find(shell, name, type);
    }

    private Text url() {
        return widget("hub.url", Text.class);
    }

    private Text team() {
        return widget("hub.team", Text.class);
    }

    private Text user() {
        return widget("hub.user", Text.class);
    }

    private Text passwordFile() {
        return widget("hub.passwordFile", Text.class);
    }

    private Label conflicts() {
        return widget("hub.conflicts", Label.class);
    }

    private Button keepBothButton() {
        return widget("hub.keepBoth", Button.class);
    }

    private Button knowledgeCentreButton() {
        return widget("hub.knowledgeCentre", Button.class);
    }

    private Button connectButton() {
        return widget("hub.connect", Button.class);
    }

    private Label connectResult() {
        return widget("hub.connectResult", Label.class);
    }

    private Label connection() {
        return widget("hub.connection", Label.class);
    }

    private Label reachable() {
        return widget("hub.reachable", Label.class);
    }

    private Label outbox() {
        return widget("hub.outbox", Label.class);
    }

    private Label lastError() {
        return widget("hub.lastError", Label.class);
    }

    private Button pushButton() {
        return widget("hub.push", Button.class);
    }

    private Button stopButton() {
        return widget("hub.stop", Button.class);
    }

    private Button refreshButton() {
        return widget("hub.refresh", Button.class);
    }

    private Label result() {
        return widget("hub.result", Label.class);
    }

    private void fill(String url, String team, String user, String passwordFile) {
        url().setText(url);
        team().setText(team);
        user().setText(user);
        passwordFile().setText(passwordFile);
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
        waitFor(display, () -> conflicts().getText().contains("n-7"), "the conflict listed: " + conflicts().getText());
        assertTrue(keepBothButton().isEnabled());
        click(keepBothButton());
        assertTrue(store.get("n-7").isEmpty(), "our note left the id to the other workspace's");
        String origin = new ObjectMapper().readTree(ws.resolve(HubConnection.FILE).toFile()).path("origin").asText()
                .replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT).substring(0, 6);
        assertEquals("Andere versie", store.get("n-7-" + origin).orElseThrow().note().title());
        assertTrue(conflicts().getText().contains("n-7-" + origin), conflicts().getText());
        assertFalse(keepBothButton().isEnabled());
        view.refresh(false);
        waitFor(display, () -> conflicts().getText().equals("none"), "no conflict left: " + conflicts().getText());
    }

    @Test
    void notConnectedThePartSaysHowAndPushIsOff() {
        assertFalse(pushButton().isEnabled());
        assertFalse(refreshButton().isEnabled(), "nothing to ask yet");
        assertTrue(connection().getText().startsWith("Not connected."), connection().getText());
        assertTrue(connection().getText().contains("choose Connect"), connection().getText());
    }

    @Test
    void theConnectFormWritesHubJson() throws Exception {
        fill(" http://127.0.0.1:1/solr/ ", "jeugdwerk-noord", "an", password.toString());
        click(connectButton());
        Path file = ws.resolve(HubConnection.FILE);
        assertTrue(Files.isRegularFile(file), connectResult().getText());
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals("http://127.0.0.1:1/solr", json.path("url").asText(), "the address as the hub needs it");
        assertEquals("jeugdwerk-noord", json.path("team").asText());
        assertEquals("an", json.path("user").asText());
        assertEquals(password.toAbsolutePath().toString(), json.path("passwordFile").asText());
        assertFalse(Files.readString(file).contains("geheim-wachtwoord"), "the password itself is never stored");
        assertTrue(connectResult().getText().startsWith("Connected to http://127.0.0.1:1/solr as team jeugdwerk-noord"),
                connectResult().getText());
        waitFor(display, () -> connection().getText().contains("team_jeugdwerk_noord"), "the connection in the status");
        assertTrue(pushButton().isEnabled());
        String origin = json.path("origin").asText();

        // Connecting again (another user) keeps the workspace's name in the hub.
        user().setText("bram");
        click(connectButton());
        JsonNode again = new ObjectMapper().readTree(file.toFile());
        assertEquals("bram", again.path("user").asText());
        assertEquals(origin, again.path("origin").asText());
    }

    @Test
    void aKnowledgeCentresAccountConnectsToReadAndSendsNothing() throws Exception {
        click(knowledgeCentreButton());
        fill(HubFixture.UNREACHABLE, "Kenniscentrum", "kc-reader", password.toString());
        click(connectButton());
        assertTrue(connectResult().getText().startsWith("Knowledge centre: \"Kenniscentrum\" cannot be"),
                "the field is named as it reads now: " + connectResult().getText());
        team().setText("kc");
        click(connectButton());
        JsonNode json = new ObjectMapper().readTree(ws.resolve(HubConnection.FILE).toFile());
        assertTrue(json.path("knowledgeCentre").asBoolean(), json.toString());
        assertEquals("kc", json.path("team").asText());
        waitFor(display, () -> connection().getText().contains("knowledge centre kc"), "the connection: " + connection().getText());
        assertTrue(connection().getText().contains("sends nothing"), connection().getText());
        assertFalse(pushButton().isEnabled(), "a knowledge centre sends nothing");
        assertFalse(hub.sends(ws));
    }

    @Test
    void whatCannotWorkIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        Path file = ws.resolve(HubConnection.FILE);
        fill("ftp://hub.example.org/solr", "jeugdwerk-noord", "an", password.toString());
        click(connectButton());
        assertTrue(connectResult().getText().startsWith("Hub address: \"ftp://hub.example.org/solr\" is not a hub address"),
                connectResult().getText());
        assertEquals(url(), display.getFocusControl(), "the field to fix has the focus");

        fill("", "jeugdwerk-noord", "an", password.toString());
        click(connectButton());
        assertTrue(connectResult().getText().startsWith("Hub address: Give the hub's address"), connectResult().getText());

        fill("https://hub.example.org/solr", "Jeugdwerk Noord", "an", password.toString());
        click(connectButton());
        assertTrue(connectResult().getText().startsWith("Team: \"Jeugdwerk Noord\" cannot be a team or user name"),
                connectResult().getText());

        fill("https://hub.example.org/solr", "jeugdwerk-noord", "An!", password.toString());
        click(connectButton());
        assertTrue(connectResult().getText().startsWith("User: \"An!\" cannot be"), connectResult().getText());

        fill("https://hub.example.org/solr", "jeugdwerk-noord", "an", dir.resolve("nergens.txt").toString());
        click(connectButton());
        assertTrue(connectResult().getText().startsWith("Password file: The password file " + dir.resolve("nergens.txt")),
                connectResult().getText());
        assertTrue(connectResult().getText().contains("does not exist"), connectResult().getText());

        Path empty = Files.writeString(dir.resolve("leeg.txt"), "\n");
        fill("https://hub.example.org/solr", "jeugdwerk-noord", "an", empty.toString());
        click(connectButton());
        assertTrue(connectResult().getText().startsWith("Password file: "), connectResult().getText());
        assertTrue(connectResult().getText().contains("empty"), connectResult().getText());

        assertFalse(Files.exists(file), "nothing stored while a field is wrong");
        assertFalse(pushButton().isEnabled());
    }

    @Test
    void pushingToAnUnreachableHubSaysSoKeepsTheErrorAndLosesNothing() throws Exception {
        NoteStore store = notes.store().orElseThrow();
        store.save(NoteBuilder.create("n1").title("Groepschat").body("Ruzie in een groepschat.").observed(LocalDate.now()).build(),
                NoteStore.NEW);
        store.save(NoteBuilder.create("n2").title("Challenge").body("Een gevaarlijke stunt.").observed(LocalDate.now()).build(),
                NoteStore.NEW);
        fill(HubFixture.UNREACHABLE, "jeugdwerk-noord", "an", password.toString());
        click(connectButton());
        waitFor(display, () -> outbox().getText().startsWith("2 to send"), "the outbox counted: " + outbox().getText());
        assertEquals("None", lastError().getText());

        click(pushButton());
        assertTrue(stopButton().isEnabled(), "a push under way can be stopped");
        assertFalse(pushButton().isEnabled());
        waitFor(display, () -> result().getText().startsWith("Not sent."), "the push to end: " + result().getText());
        String said = result().getText();
        assertTrue(said.contains("cannot be reached") && said.contains("Your notes are safe here"), said);
        waitFor(display, () -> !lastError().getText().equals("None"), "the last error in the status");
        assertTrue(lastError().getText().contains("cannot be reached"), lastError().getText());
        assertFalse(lastError().getText().matches("\\d{4}-\\d{2}-\\d{2}T.*"), "a time a person reads: " + lastError().getText());
        assertNotNull(Hub.lastError(ws), "kept in the workspace for the next look");
        assertTrue(reachable().getText().contains("cannot be reached"), reachable().getText());
        waitFor(display, () -> pushButton().isEnabled() && !stopButton().isEnabled(), "the buttons back");

        assertEquals(2, store.count(), "the notes are all still here");
        assertTrue(outbox().getText().startsWith("2 to send"), "and still waiting to go: " + outbox().getText());
        assertEquals(1, display.getShells().length, "no dialog: the part says it");
    }
}
