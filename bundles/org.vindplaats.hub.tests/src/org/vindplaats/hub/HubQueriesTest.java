package org.vindplaats.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.solr.client.solrj.SolrQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.index.IndexConfig;
import org.vindplaats.index.SearchResult;

import com.sun.net.httpserver.HttpServer;

/**
 * How a search in the local syntax becomes a Solr request (without a cluster: the request's
 * parameters), how Solr's marked passages become ranges, and that a hub of another schema
 * version is refused with a sentence saying what to do. The hub answering such requests is
 * tried by releng/hub/hub-check.sh.
 */
class HubQueriesTest {

    @TempDir
    Path dir;

    static org.vindplaats.model.Phenomenon phenomenon(String id, String nl, String en, List<String> altNl, List<String> broader) {
        return new org.vindplaats.model.Phenomenon(id, org.vindplaats.model.LocalizedText.of(nl, en), altNl, List.of(), List.of(),
                org.vindplaats.model.LocalizedText.EMPTY, broader, List.of(), java.util.Set.of(org.vindplaats.model.Need.PRIVACY_SAFETY),
                java.util.Set.of(), List.of(), List.of(), "test");
    }

    private static List<String> fq(SolrQuery q) {
        return q.getFilterQueries() == null ? List.of() : Arrays.asList(q.getFilterQueries());
    }

    @Test
    void fieldNamesInDutchOrEnglishPeriodsAndExclusionsBecomeFilterQueries() {
        SolrQuery q = HubQueries.build(Hub.Query.of("groepsapp platformen:tiktok,snapchat -app:discord behoefte:privacy na:2025-06-30 -pesten"),
                IndexConfig.defaults()).solr();
        List<String> fq = fq(q);
        assertTrue(fq.contains("platform:(\"tiktok\" OR \"snapchat\")"), fq.toString());
        assertTrue(fq.contains("-platform:(\"discord\")"), fq.toString());
        assertTrue(fq.stream().anyMatch(f -> f.startsWith("need:(")), fq.toString());
        assertTrue(fq.contains("observed:[2025-07-01T00:00:00Z TO *]"), fq.toString());
        assertEquals("pesten", q.get("vp_without"));
        assertEquals("groepsapp", q.get("vp_text").strip());
        assertTrue(q.getQuery().startsWith("{!bool should=$vp_should0"), q.getQuery());
    }

    @Test
    void aPhenomenonNamedInTheWordsAlsoFindsNotesTaggedWithItOrANarrowerOne() {
        org.vindplaats.model.Thesaurus t = org.vindplaats.model.Thesaurus.of(List.of(
                phenomenon("online_sexual_abuse", "Online seksueel misbruik", "Online sexual abuse", List.of(), List.of()),
                phenomenon("grooming", "Grooming", "Grooming", List.of("online lokken"), List.of("online_sexual_abuse"))));
        HubQueries.Built b = HubQueries.build(Hub.Query.of("online seksueel misbruik"), IndexConfig.defaults().withThesaurus(t));
        assertEquals("online_sexual_abuse", b.read().phenomena().get(0).id());
        String all = String.join(" ", b.solr().getParameterNames().stream().filter(n -> n.startsWith("vp_should"))
                .map(n -> b.solr().get(n)).toList());
        assertTrue(all.contains("phenomenon:(\"online_sexual_abuse\" OR \"grooming\")^=6.0"), all);
    }

    @Test
    void aScreenOfResultsIsFetchedInOnePassPreferringReplicasOnTheReceivingNode() {
        SolrQuery screen = HubQueries.build(Hub.Query.of("pesten").rows(10), IndexConfig.defaults()).solr();
        assertEquals("replica.location:local", screen.get("shards.preference"));
        assertEquals("true", screen.get("distrib.singlePass"));
        SolrQuery list = HubQueries.build(Hub.Query.of("pesten").rows(5000), IndexConfig.defaults()).solr();
        assertEquals("replica.location:local", list.get("shards.preference"));
        assertEquals(null, list.get("distrib.singlePass"), "a long list: only the shards' best fields are fetched");
    }

    @Test
    void anEmptyQueryMatchesAllAndOddInputBecomesAHintNotAnError() {
        HubQueries.Built b = HubQueries.build(Hub.Query.of("\"half quote platfrom:tiktok"), IndexConfig.defaults());
        assertFalse(b.read().hints().isEmpty());
        assertTrue(b.read().hints().stream().anyMatch(h -> h.contains("platform")), b.read().hints().toString());
        assertEquals("*:*", HubQueries.build(Hub.Query.of(""), IndexConfig.defaults()).solr().getQuery());
    }

    @Test
    void aChosenTeamFiltersTheSharedCollectionAndAQuoteInItsNameCannotBreakOut() {
        List<String> fq = fq(HubQueries.build(Hub.Query.of("groepsapp").scope(Hub.Scope.SHARED).team("noord"),
                IndexConfig.defaults()).solr());
        assertTrue(fq.contains("team:\"noord\""), fq.toString());
        assertTrue(fq(HubQueries.build(Hub.Query.of("groepsapp").team(" "), IndexConfig.defaults()).solr()).stream()
                .noneMatch(f -> f.startsWith("team:")), "a blank team is no filter");
        List<String> odd = fq(HubQueries.build(Hub.Query.of("").team("a\" OR team:\"b"), IndexConfig.defaults()).solr());
        assertTrue(odd.contains("team:\"a\\\" OR team:\\\"b\""), odd.toString());
        List<String> like = fq(HubQueries.build(Hub.Query.of("").like("n-1").team("zuid"), IndexConfig.defaults()).solr());
        assertTrue(like.contains("team:\"zuid\""), "similar notes of that team only: " + like);
    }

    @Test
    void similarNotesUseMoreLikeThisWithoutTheNoteItself() {
        HubQueries.Built b = HubQueries.build(Hub.Query.of("").like("n-1"), IndexConfig.defaults());
        assertEquals("/mlt", b.path());
        assertEquals("id:n\\-1", b.solr().getQuery());
        assertEquals("false", b.solr().get("mlt.match.include"));
    }

    @Test
    void solrsMarksBecomeRangesOverTheCleanPassage() {
        List<SearchResult.Range> ranges = new ArrayList<>();
        String clean = HubQueries.unmark("Een \u0002groepsapp\u0003 van de \u0002klas\u0003.", ranges);
        assertEquals("Een groepsapp van de klas.", clean);
        assertEquals(List.of(new SearchResult.Range(4, 13), new SearchResult.Range(21, 25)), ranges);
        assertEquals("groepsapp", clean.substring(4, 13));
    }

    @Test
    void aHubOfAnotherSchemaVersionIsRefusedAndNothingIsSent() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/solr/", exchange -> answerCount(exchange, "1"));
        server.start();
        try {
            HubConnection c = teamNoord(server);
            try (Hub hub = new Hub(c, dir)) {
                HubException e = assertThrows(HubException.class, hub::count);
                assertTrue(e.getMessage().contains("schema version 1") && e.getMessage().contains("hub setup"), e.getMessage());
                HubException s = assertThrows(HubException.class, () -> hub.search(Hub.Query.of("groepsapp")));
                assertEquals(e.getMessage(), s.getMessage());
            }
        } finally {
            server.stop(0);
        }
    }

    /** Similar notes of a note the hub does not hold: Solr's more-like-this answers without a list; the worker is told why. */
    @Test
    void similarNotesOfANoteNotInTheHubAreExplainedNotACrash() throws Exception {
        List<String> paths = java.util.Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/solr/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            org.apache.solr.common.util.NamedList<Object> answer = new org.apache.solr.common.util.NamedList<>();
            // as Solr's /mlt answers an id it does not hold: no "response"
            answer.add("responseHeader", header(Integer.toString(HubSetup.SCHEMA_VERSION)));
            send(exchange, answer);
        });
        server.start();
        try {
            HubConnection c = teamNoord(server);
            try (Hub hub = new Hub(c, dir)) {
                HubException e = assertThrows(HubException.class, () -> hub.search(Hub.Query.of("").like("pii-1")));
                assertTrue(e.getMessage().contains("pii-1") && e.getMessage().contains("team_noord")
                        && e.getMessage().contains("hub push"), e.getMessage());
                assertEquals(List.of("/solr/team_noord/mlt"), paths);
            }
        } finally {
            server.stop(0);
        }
    }

    /** Team noord's connection to the fake Solr {@code server}, its password file in the test folder. */
    private HubConnection teamNoord(HttpServer server) throws java.io.IOException {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "secret\n");
        return new HubConnection(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/solr"), "noord", "team-noord", pw);
    }

    /** Solr's response header as a hub of {@code schemaVersion} echoes it. */
    private static org.apache.solr.common.util.NamedList<Object> header(String schemaVersion) {
        org.apache.solr.common.util.NamedList<Object> params = new org.apache.solr.common.util.NamedList<>();
        params.add("vindplaats.schema", schemaVersion);
        org.apache.solr.common.util.NamedList<Object> header = new org.apache.solr.common.util.NamedList<>();
        header.add("status", 0);
        header.add("params", params);
        return header;
    }

    /** Solr's answer to a count (no notes), in SolrJ's wire format, from a hub of this schema version. */
    private static void answerCount(com.sun.net.httpserver.HttpExchange exchange, String schemaVersion) throws java.io.IOException {
        org.apache.solr.common.util.NamedList<Object> answer = new org.apache.solr.common.util.NamedList<>();
        answer.add("responseHeader", header(schemaVersion));
        answer.add("response", new org.apache.solr.common.SolrDocumentList());
        send(exchange, answer);
    }

    /**
     * A push waits out a hub in trouble (server errors: up to six attempts, about 30 s), but the
     * worker's Stop ends the wait at once: the push stops, nothing is recorded as sent.
     */
    @Test
    void aStopEndsThePausesBetweenRetries() throws Exception {
        java.util.concurrent.atomic.AtomicInteger updates = new java.util.concurrent.atomic.AtomicInteger();
        org.eclipse.core.runtime.NullProgressMonitor monitor = new org.eclipse.core.runtime.NullProgressMonitor();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/solr/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().endsWith("/update")) {
                updates.incrementAndGet();
                monitor.setCanceled(true); // the worker presses Stop while the hub answers 503
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
            } else {
                answerCount(exchange, Integer.toString(HubSetup.SCHEMA_VERSION));
            }
        });
        server.start();
        Path wsDir = dir.resolve("ws");
        try (org.vindplaats.notes.Workspace ws = org.vindplaats.notes.Workspace.open(wsDir)) {
            ws.notes().save(org.vindplaats.notes.NoteBuilder.create("a").title("Een trend").body("Een trend op TikTok.")
                    .observed(java.time.LocalDate.of(2026, 11, 2)).language("nl").build(), 0);
            HubConnection c = teamNoord(server);
            try (Hub hub = new Hub(c, wsDir)) {
                assertThrows(org.eclipse.core.runtime.OperationCanceledException.class, () -> hub.push(ws.notes(), monitor));
                assertEquals(1, updates.get(), "no attempt after the Stop (without it: " + Hub.ATTEMPTS + ")");
                assertEquals(1, hub.outlook(ws.notes()).toSend(), "the note is still to be sent");
            }
        } finally {
            server.stop(0);
        }
    }

    /**
     * A collection without a leader (a node died, another copy takes over) is waited out longer
     * than other server errors, telling the worker why, so one push rides through the election; a
     * server error of another kind still ends the push after the usual attempts, and an election
     * that never ends stops it after the wait, with Solr's words.
     */
    @Test
    void aPushWaitsOutTheElectionOfANewLeader() throws Exception {
        String noLeader = "No registered leader was found after waiting for 4000ms , collection: team_noord slice: shard1";
        List<String> told = new ArrayList<>();
        Files.writeString(dir.resolve("pw"), "secret\n");
        HubConnection c = new HubConnection(URI.create("http://127.0.0.1:9/solr"), "noord", "team-noord", dir.resolve("pw"));
        try (Hub hub = new Hub(c, dir)) {
            hub.pauseMillis = 2; // the pauses keep their shape (doubling, capped), shorter
            hub.stop = new org.eclipse.core.runtime.NullProgressMonitor() { // as a running push sets it
                @Override
                public void subTask(String name) {
                    told.add(name);
                }
            };
            int[] calls = { 0 };
            int failures = 3 * Hub.ATTEMPTS; // far more than other server errors get
            int retries = hub.withRetries(() -> {
                if (++calls[0] <= failures) {
                    throw new org.apache.solr.client.solrj.impl.BaseHttpSolrClient.RemoteSolrException("127.0.0.1", 503, noLeader, null);
                }
            }, "team_noord", 60_000);
            assertEquals(failures, retries);
            assertFalse(told.isEmpty(), "the worker is told why the push waits");
            assertTrue(told.get(0).contains("team_noord") && told.get(0).contains("60"), told.get(0));

            // An election followed by another server error: that error still gets its usual attempts.
            calls[0] = 0;
            int afterElection = hub.withRetries(() -> {
                calls[0]++;
                if (calls[0] <= failures) {
                    throw new org.apache.solr.client.solrj.impl.BaseHttpSolrClient.RemoteSolrException("127.0.0.1", 503, noLeader, null);
                }
                if (calls[0] <= failures + Hub.ATTEMPTS - 1) {
                    throw new org.apache.solr.client.solrj.impl.BaseHttpSolrClient.RemoteSolrException("127.0.0.1", 500, "Server error", null);
                }
            }, "team_noord", 60_000);
            assertEquals(failures + Hub.ATTEMPTS - 1, afterElection);

            calls[0] = 0;
            HubException other = assertThrows(HubException.class, () -> hub.withRetries(() -> {
                calls[0]++;
                throw new org.apache.solr.client.solrj.impl.BaseHttpSolrClient.RemoteSolrException("127.0.0.1", 500, "Server error", null);
            }, "team_noord", 60_000));
            assertEquals(Hub.ATTEMPTS, calls[0], "another server error gets the usual attempts");
            assertTrue(other.getMessage().contains("Server error"), other.getMessage());

            calls[0] = 0;
            long t0 = System.nanoTime();
            HubException endless = assertThrows(HubException.class, () -> hub.withRetries(() -> {
                calls[0]++;
                throw new org.apache.solr.client.solrj.impl.BaseHttpSolrClient.RemoteSolrException("127.0.0.1", 503, noLeader, null);
            }, "team_noord", 300));
            assertTrue(endless.getMessage().contains("No registered leader"), endless.getMessage());
            assertTrue(calls[0] > Hub.ATTEMPTS, "tried until the wait was over: " + calls[0]);
            assertTrue(System.nanoTime() - t0 >= 300_000_000L, "gave up only after the wait");
        }
        assertTrue(Hub.electingLeader(new RuntimeException("Cannot talk to ZooKeeper - Updates are disabled.")));
        assertFalse(Hub.electingLeader(new RuntimeException("undefined field fenomeen")));
    }

    /**
     * Facets over very many matches of the shared collection are estimated from a sample, as in
     * the local index (a team's collection is small: exact counts in one request): the first
     * request asks for the facets of a 1-in-64 sample; a fake Solr answers with the match count
     * and sample counts, and the client scales them, or asks again for exact counts (few matches)
     * or for a sample of the right size.
     */
    @Test
    void facetsOverVeryManyMatchesAreEstimatedFromASample() throws Exception {
        assertEquals(0, HubQueries.facetsToCount(HubQueries.SAMPLE_ABOVE, 900), "up to the bar: exact");
        assertEquals(-1, HubQueries.facetsToCount(900_000, 14_000), "the first sample is large enough");
        assertEquals(8, HubQueries.facetsToCount(120_000, 1_900), "too small a first sample: 1 in 8 for about 15 000 notes");
        assertEquals(1024, HubQueries.facetsToCount(20_000_000, 310_000), "too large a first sample: 1 in 1024 for about 20 000 notes");
        assertTrue(HubQueries.facetJson(0).startsWith("{platform:{type:terms"), HubQueries.facetJson(0));
        assertTrue(HubQueries.facetJson(8).contains("{!hash workers=8 worker=0}"), HubQueries.facetJson(8));

        // {matches, notes in the first sample, 1 = a team's own collection}
        for (long[] c : new long[][] { { 900_000, 14_000, 0 }, { 30, 1, 0 }, { 120_000, 1_900, 0 }, { 900_000, 14_000, 1 } }) {
            long matches = c[0];
            long firstSample = c[1];
            boolean team = c[2] == 1;
            List<String> asked = java.util.Collections.synchronizedList(new ArrayList<>());
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/solr/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
                String facet = "";
                for (String pair : (query + "&" + body).split("&")) {
                    if (pair.startsWith("json.facet=")) {
                        facet = java.net.URLDecoder.decode(pair.substring(11), StandardCharsets.UTF_8);
                    }
                }
                asked.add(facet);
                // The sample facet holds 1 in `workers` of the matches; exact ones all of them. Half are on TikTok.
                java.util.regex.Matcher w = java.util.regex.Pattern.compile("workers=(\\d+)").matcher(facet);
                long counted = !facet.contains("sample") ? matches : asked.size() == 1 ? firstSample : matches / Long.parseLong(w.find() ? w.group(1) : "1");
                answerSearch(exchange, matches, facet.contains("sample"), counted);
            });
            server.start();
            try {
                Path pw = dir.resolve("pw");
                Files.writeString(pw, "secret\n");
                URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/solr");
                HubConnection conn = team ? new HubConnection(url, "noord", "team-noord", pw)
                        : HubConnection.knowledgeCentre(url, "kc", "kc", pw);
                try (Hub hub = new Hub(conn, dir)) {
                    Hub.Result r = hub.search(Hub.Query.of("groepsapp").facets(true));
                    assertEquals(matches, r.found());
                    long tiktok = r.facets().get("platform").get("tiktok");
                    if (team) {
                        assertEquals(List.of(false), asked.stream().map(f -> f.contains("sample")).toList(),
                                "a team's collection: exact counts in the one request " + asked);
                        assertFalse(r.estimated());
                        assertEquals(matches / 2, tiktok);
                        continue;
                    }
                    assertTrue(asked.get(0).contains("{!hash workers=64 worker=0}"), asked.toString());
                    if (matches <= HubQueries.SAMPLE_ABOVE) {
                        assertEquals(2, asked.size(), "few matches: asked again for exact counts " + asked);
                        assertFalse(asked.get(1).contains("sample"), asked.toString());
                        assertFalse(r.estimated());
                        assertEquals(matches / 2, tiktok);
                    } else {
                        assertTrue(r.estimated());
                        assertEquals(matches / 2, tiktok, 0.01 * matches, "scaled from the sample to all matches");
                        if (firstSample >= HubQueries.SAMPLE_SIZE) {
                            assertEquals(1, asked.size(), "the first sample served: one request " + asked);
                        } else {
                            assertEquals(2, asked.size(), asked.toString());
                            assertTrue(asked.get(1).contains("{!hash workers=8 worker=0}"), asked.toString());
                        }
                    }
                }
            } finally {
                server.stop(0);
            }
        }
    }

    /** Solr's answer to a faceted search, half of the counted notes on TikTok, the facets in a sample or not. */
    private static void answerSearch(com.sun.net.httpserver.HttpExchange exchange, long matches, boolean sampled, long counted)
            throws java.io.IOException {
        org.apache.solr.common.util.NamedList<Object> bucket = new org.apache.solr.common.util.NamedList<>();
        bucket.add("val", "tiktok");
        bucket.add("count", counted / 2);
        org.apache.solr.common.util.NamedList<Object> platform = new org.apache.solr.common.util.NamedList<>();
        platform.add("buckets", List.of(bucket));
        org.apache.solr.common.util.NamedList<Object> counts = new org.apache.solr.common.util.NamedList<>();
        counts.add("count", counted);
        counts.add("platform", platform);
        org.apache.solr.common.util.NamedList<Object> facets = counts;
        if (sampled) {
            facets = new org.apache.solr.common.util.NamedList<>();
            facets.add("count", matches);
            facets.add("sample", counts);
        }
        org.apache.solr.common.SolrDocumentList docs = new org.apache.solr.common.SolrDocumentList();
        docs.setNumFound(matches);
        org.apache.solr.common.util.NamedList<Object> answer = new org.apache.solr.common.util.NamedList<>();
        answer.add("responseHeader", header(Integer.toString(HubSetup.SCHEMA_VERSION)));
        answer.add("response", docs);
        answer.add("facets", facets);
        send(exchange, answer);
    }

    /** An answer in SolrJ's wire format (javabin). */
    private static void send(com.sun.net.httpserver.HttpExchange exchange, org.apache.solr.common.util.NamedList<Object> answer)
            throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.apache.solr.common.util.JavaBinCodec codec = new org.apache.solr.common.util.JavaBinCodec()) {
            codec.marshal(answer, out);
        }
        byte[] body = out.toByteArray();
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.apache.solr.javabin");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
