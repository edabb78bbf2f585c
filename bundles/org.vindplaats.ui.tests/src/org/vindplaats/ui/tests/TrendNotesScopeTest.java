package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vindplaats.ui.tests.TestData.waitFor;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.util.JavaBinCodec;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vindplaats.app.TeamHub;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.ui.parts.TrendNotesView;

import com.sun.net.httpserver.HttpServer;

/**
 * Trend notes' scope switch: only "this workspace" without a hub; connected, also the team's
 * notes in the hub, shown read-only in the same list; a hub that does not answer is said in the
 * status line, and switching back shows the workspace's notes again.
 */
class TrendNotesScopeTest extends WorkspaceFixture {

    private TeamHub hub;
    private TrendNotesView view;
    private TrendNotesWidgets ui;
    private HttpServer solr;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<String> opened = new ArrayList<>();
    /** How many notes the fake hub says match (above 50 000 the client asks for facets in a sample). */
    private volatile long hubMatches = 12;

    @BeforeEach
    void open() throws Exception {
        notes.store().orElseThrow().save(NoteBuilder.create("hier-1").title("Groepschat hier").body("Ruzie in een groepschat.")
                .observed(LocalDate.of(2026, 10, 1)).build(), NoteStore.NEW);
        hub = new TeamHub(Duration.ofHours(1));
        view = new TrendNotesView(shell, catalog, notes, Locale.ENGLISH);
        view.setHub(hub);
        view.onOpen(opened::add);
        ui = new TrendNotesWidgets(shell);
        show();
        waitFor(display, () -> view.idle() && ui.table().getItemCount() == 1, "the first search");
    }

    @AfterEach
    void close() {
        if (solr != null) {
            solr.stop(0);
        }
    }

    /** A stand-in for Solr on 127.0.0.1 answering every query with two of the team's notes (javabin, as SolrJ reads it). */
    private String fakeSolr() throws Exception {
        solr = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        solr.createContext("/", exchange -> {
            asked.add(exchange.getRequestURI().getPath() + "?" + exchange.getRequestURI().getQuery());
            SolrDocumentList docs = new SolrDocumentList();
            docs.add(doc("team-7", "Challenge bij het team", "tiktok"));
            docs.add(doc("team-8", "Verdwijnende foto's", "snapchat"));
            docs.setNumFound(hubMatches);
            NamedList<Object> params = new NamedList<>();
            params.add("vindplaats.schema", "2"); // the hub's configset says which schema it speaks
            NamedList<Object> header = new NamedList<>();
            header.add("status", 0);
            header.add("QTime", 1);
            header.add("params", params);
            // Solr's snippet, the found word between the marks the hub asked for.
            NamedList<Object> highlighting = new NamedList<>();
            NamedList<Object> fields = new NamedList<>();
            fields.add("body_nl", new ArrayList<>(List.of("Jongeren doen een \u0002challenge\u0003 na op het plein.")));
            highlighting.add("team-7", fields);
            NamedList<Object> facets = new NamedList<>();
            facets.add("count", 12);
            facets.add("platform", buckets("tiktok", 9, "snapchat", 3));
            facets.add("team", buckets("jeugdwerk-noord", 12));
            if (exchange.getRequestURI().getQuery().contains("{!hash")) {
                // The facets of a sample: 12 000 notes, three in four on TikTok.
                NamedList<Object> sample = new NamedList<>();
                sample.add("count", 12_000);
                sample.add("platform", buckets("tiktok", 9_000, "snapchat", 3_000));
                sample.add("team", buckets("jeugdwerk-noord", 12_000));
                facets = new NamedList<>();
                facets.add("count", hubMatches);
                facets.add("sample", sample);
            }
            NamedList<Object> response = new NamedList<>();
            response.add("responseHeader", header);
            response.add("response", docs);
            response.add("highlighting", highlighting);
            response.add("facets", facets);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JavaBinCodec codec = new JavaBinCodec()) {
                codec.marshal(response, bytes);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, bytes.size());
            exchange.getResponseBody().write(bytes.toByteArray());
            exchange.close();
        });
        solr.start();
        return "http://127.0.0.1:" + solr.getAddress().getPort() + "/solr";
    }

    private static NamedList<Object> buckets(Object... valueCount) {
        List<NamedList<Object>> list = new ArrayList<>();
        for (int i = 0; i < valueCount.length; i += 2) {
            NamedList<Object> b = new NamedList<>();
            b.add("val", valueCount[i]);
            b.add("count", valueCount[i + 1]);
            list.add(b);
        }
        NamedList<Object> dim = new NamedList<>();
        dim.add("buckets", list);
        return dim;
    }

    private static SolrDocument doc(String id, String title, String platform) {
        SolrDocument d = new SolrDocument();
        d.setField("id", id);
        d.setField("team", "jeugdwerk-noord");
        d.addField("need", "relationships");
        d.setField("title", title);
        d.setField("observed", Date.from(LocalDate.of(2026, 11, 2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        d.addField("platform", platform);
        return d;
    }

    @Test
    void withoutAHubOnlyThisWorkspace() {
        assertEquals(List.of("This workspace"), List.of(ui.scope().getItems()));
        assertFalse(ui.scope().isEnabled());
        assertTrue(ui.scope().getToolTipText().contains("connect it to a team hub"), ui.scope().getToolTipText());
    }

    @Test
    void connectedTheTeamsNotesShowReadOnlyInTheSameList() throws Exception {
        hub.connect(ws, fakeSolr(), "jeugdwerk-noord", "an", HubFixture.passwordFile(dir).toString());
        waitFor(display, () -> ui.scope().getItemCount() == 2, "the team scope after connecting");
        assertEquals(List.of("This workspace", "Team"), List.of(ui.scope().getItems()));
        assertTrue(ui.scope().isEnabled());

        ui.search().setText("challenge");
        TestData.choose(ui.scope(), "Team");
        waitFor(display, () -> view.idle() && ui.titles().contains("Challenge bij het team"), "the hub's hits: " + ui.status().getText());
        assertEquals(List.of("Challenge bij het team", "Verdwijnende foto's"), ui.titles());
        assertTrue(asked.stream().anyMatch(u -> u.startsWith("/solr/team_jeugdwerk_noord/select") && u.contains("challenge")),
                "asked the team's collection for the text: " + asked);
        assertTrue(ui.status().getText().startsWith("12 notes in the hub (Team), 2 shown; read only."), ui.status().getText());
        assertFalse(ui.team().isVisible(), "a team's own collection has no team filter");
        assertEquals("2026-11-02", ui.table().getItem(0).getText(1));
        assertEquals("TikTok", ui.table().getItem(0).getText(2));
        String relationships = java.util.Arrays.stream(org.vindplaats.model.Need.values()).filter(n -> n.id().equals("relationships"))
                .findFirst().orElseThrow().shortLabel().get(Locale.ENGLISH);
        assertEquals(relationships, ui.table().getItem(0).getText(3), "the needs");
        String preview = ui.preview().getText();
        assertTrue(preview.contains("From the hub, team jeugdwerk-noord; read only"), preview);
        assertTrue(preview.contains("Jongeren doen een challenge na op het plein."), "Solr's snippet: " + preview);
        int at = preview.indexOf("challenge na");
        var bold = ui.preview().getStyleRangeAtOffset(at);
        assertTrue(bold != null && (bold.fontStyle & org.eclipse.swt.SWT.BOLD) != 0, "the found word in bold");
        assertTrue(ui.preview().getStyleRangeAtOffset(preview.indexOf("plein")) == null
                || (ui.preview().getStyleRangeAtOffset(preview.indexOf("plein")).fontStyle & org.eclipse.swt.SWT.BOLD) == 0,
                "only the found word");
        // The hub's facet counts fill the filters; choosing one asks the hub again with it.
        List<String> platforms = List.of(ui.facet("platform").getItems());
        assertEquals(List.of("(all)", "TikTok (9)", "Snapchat (3)"), platforms);
        asked.clear();
        TestData.choose(ui.facet("platform"), "Snapchat (3)");
        waitFor(display, () -> view.idle() && !asked.isEmpty(), "the hub asked again");
        assertTrue(asked.get(0).contains("platform:(\"snapchat\")"), "the filter goes to the hub: " + asked);
        assertFalse(ui.open().isEnabled(), "a hub note is not in this workspace: it cannot be opened here");
        assertFalse(ui.similar().isEnabled());
        assertFalse(ui.sort().isEnabled(), "the order applies to this workspace only");
        ui.table().notifyListeners(org.eclipse.swt.SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
        assertEquals(List.of(), opened, "double-click opens nothing");

        TestData.choose(ui.scope(), "This workspace");
        TestData.click(ui.reset()); // the text and the platform chosen in the hub
        waitFor(display, () -> view.idle() && ui.titles().equals(List.of("Groepschat hier")), "this workspace again: " + ui.titles());
        assertTrue(ui.open().isEnabled());
        assertTrue(ui.sort().isEnabled());
    }

    @Test
    void aKnowledgeCentresWorkspaceSearchesWhatTeamsShared() throws Exception {
        org.vindplaats.hub.HubConnection.knowledgeCentre(java.net.URI.create(fakeSolr()), "kc", "kc-reader",
                HubFixture.passwordFile(dir)).save(ws);
        view.setHub(hub); // as after a start: the connection made on the command line is read
        waitFor(display, () -> ui.scope().getItemCount() == 2, "the shared scope");
        assertEquals(List.of("This workspace", "Shared"), List.of(ui.scope().getItems()));
        TestData.choose(ui.scope(), "Shared");
        waitFor(display, () -> view.idle() && ui.titles().size() == 2, "the shared notes: " + ui.status().getText());
        assertTrue(asked.stream().anyMatch(u -> u.startsWith("/solr/" + org.vindplaats.hub.HubSetup.SHARED + "/select")),
                "asked the shared collection: " + asked);
        assertTrue(ui.status().getText().contains("(Shared)"), ui.status().getText());
        assertTrue(ui.preview().getText().contains("team jeugdwerk-noord"), "which team it is from: " + ui.preview().getText());

        // The team facet becomes a filter: one team's shared notes.
        org.eclipse.swt.widgets.Combo team = ui.team();
        assertTrue(team.isVisible(), "the team filter shows in the shared scope");
        assertEquals(List.of("(all teams)", "jeugdwerk-noord (12)"), List.of(team.getItems()));
        asked.clear();
        TestData.choose(team, "jeugdwerk-noord (12)");
        waitFor(display, () -> view.idle() && !asked.isEmpty(), "the hub asked again");
        assertTrue(asked.get(0).contains("fq=team:\"jeugdwerk-noord\""), "only that team's notes: " + asked);
        assertEquals("jeugdwerk-noord (12)", team.getText(), "the choice stays");
        asked.clear();
        TestData.choose(team, "(all teams)");
        waitFor(display, () -> view.idle() && !asked.isEmpty(), "the hub asked again");
        assertFalse(asked.get(0).contains("fq=team:"), "all teams again: " + asked);

        TestData.choose(ui.scope(), "This workspace");
        waitFor(display, () -> view.idle() && ui.titles().equals(List.of("Groepschat hier")), "this workspace again");
        assertFalse(team.isVisible(), "no team filter for this workspace's own notes");
    }

    /**
     * Very many shared notes match: the hub's facet counts come from a sample, scaled up, and the
     * filters and the status line say they are estimates, as for a large workspace.
     */
    @Test
    void facetsOverVeryManySharedNotesAreEstimatesAndSaySo() throws Exception {
        hubMatches = 768_000; // the fake's sample of 12 000 notes is 1 in 64 of them
        org.vindplaats.hub.HubConnection.knowledgeCentre(java.net.URI.create(fakeSolr()), "kc", "kc-reader",
                HubFixture.passwordFile(dir)).save(ws);
        view.setHub(hub);
        waitFor(display, () -> ui.scope().getItemCount() == 2, "the shared scope");
        TestData.choose(ui.scope(), "Shared");
        waitFor(display, () -> view.idle() && ui.titles().size() == 2, "the shared notes: " + ui.status().getText());
        assertTrue(ui.status().getText().startsWith("768000 notes in the hub (Shared)"), ui.status().getText());
        assertTrue(ui.status().getText().contains("estimated from a random sample"), ui.status().getText());
        assertEquals(List.of("(all)", "TikTok (about 576000)", "Snapchat (about 192000)"), List.of(ui.facet("platform").getItems()), asked.toString());
        assertEquals(1, asked.stream().filter(u -> u.contains("/select")).count(), "the first request's sample served: " + asked);
    }

    @Test
    void aHubThatDoesNotAnswerIsSaidInTheStatusLine() throws Exception {
        HubFixture.connect(hub, ws, HubFixture.passwordFile(dir));
        waitFor(display, () -> ui.scope().getItemCount() == 2, "the team scope after connecting");
        TestData.choose(ui.scope(), "Team");
        waitFor(display, () -> view.idle() && ui.status().getText().startsWith("The team hub could not be searched."),
                "the hub's failure: " + ui.status().getText());
        assertTrue(ui.status().getText().contains("cannot be reached"), ui.status().getText());
        assertEquals(0, ui.table().getItemCount());
        assertEquals(1, display.getShells().length, "no dialog");
        TestData.choose(ui.scope(), "This workspace");
        waitFor(display, () -> view.idle() && ui.titles().equals(List.of("Groepschat hier")), "this workspace again");
    }
}
