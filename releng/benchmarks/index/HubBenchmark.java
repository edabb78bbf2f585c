import java.io.BufferedWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ContentStreamUpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.util.ContentStreamBase;
import org.apache.solr.common.params.CursorMarkParams;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.vindplaats.hub.Hub;
import org.vindplaats.hub.HubConnection;
import org.vindplaats.index.IndexConfig;
import org.vindplaats.index.NoteIndex;
import org.vindplaats.index.SearchRequest;
import org.vindplaats.model.TrendNote;

/**
 * The team hub benchmark's two Java parts (releng/benchmarks/hub-benchmark.sh runs the rest with
 * the built product):
 * <ul>
 * <li>{@code generate N TEAMS DIR}: the index benchmark's deterministic notes (IndexBenchmark.note),
 * note i for team i % TEAMS, as one JSON-lines file per team for {@code vindplaats notes import};</li>
 * <li>{@code search N URL USER PASSWORD_FILE QUERIES}: the same plain, filtered and faceted queries
 * as the index benchmark, through the hub's client (Hub.search, the knowledge centre's account on
 * the shared collection holding all N notes) and through the local NoteIndex on the same N notes,
 * in the same run: p50/p95/p99 per kind and the ratio hub / local.</li>
 * <li>{@code raw URL ADMIN_PASSWORD_FILE}: the baseline for the push, Solr's own ingest on this
 * machine: every document the push wrote, read back and written again into fresh collections of
 * the same configset, shards and replication factor by a bare SolrJ client (batches of 1000, two
 * under way at once, one commit at the end): no labels, no scrubbing, no version checks, no
 * read-back. Only the writing is timed.</li>
 * </ul>
 */
public class HubBenchmark {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
        case "generate" -> generate(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
        case "search" -> search(Integer.parseInt(args[1]), URI.create(args[2]), args[3], Path.of(args[4]), Integer.parseInt(args[5]));
        case "raw" -> raw(URI.create(args[1]), Path.of(args[2]));
        case "probe" -> probe(URI.create(args[1]), args[2], Path.of(args[3]), Integer.parseInt(args[4]), args[5]);
        case "load" -> load(Integer.parseInt(args[1]), Integer.parseInt(args[2]), URI.create(args[3]), Path.of(args[4]),
                args.length > 5 ? Path.of(args[5]) : null);
        default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static String team(int i, int teams) {
        return String.format(Locale.ROOT, "t%02d", i % teams + 1);
    }

    static void generate(int n, int teams, Path dir) throws Exception {
        Files.createDirectories(dir);
        Map<String, BufferedWriter> out = new HashMap<>();
        try {
            for (int i = 0; i < n; i++) {
                TrendNote note = IndexBenchmark.note(i);
                String team = team(i, teams);
                BufferedWriter w = out.computeIfAbsent(team, t -> {
                    try {
                        return Files.newBufferedWriter(dir.resolve(t + ".jsonl"), StandardCharsets.UTF_8);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                StringBuilder b = new StringBuilder(800);
                b.append("{\"id\":").append(json(note.id())).append(",\"title\":").append(json(note.title())).append(",\"body\":")
                        .append(json(note.body())).append(",\"observed\":\"").append(note.observed()).append("\",\"lang\":\"")
                        .append(note.language()).append("\",\"platforms\":[");
                for (int k = 0; k < note.platforms().size(); k++) {
                    b.append(k > 0 ? "," : "").append(json(note.platforms().get(k)));
                }
                b.append("],\"needs\":[");
                int k = 0;
                for (var need : note.needs()) {
                    b.append(k++ > 0 ? "," : "").append(json(need.id()));
                }
                b.append("],\"affordances\":[");
                k = 0;
                for (var a : note.affordances()) {
                    b.append(k++ > 0 ? "," : "").append(json(a.id()));
                }
                b.append("]}\n");
                w.write(b.toString());
            }
        } finally {
            for (BufferedWriter w : out.values()) {
                w.close();
            }
        }
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    static void search(int n, URI url, String user, Path passwordFile, int queriesPerKind) throws Exception {
        Path work = Files.createTempDirectory("vindplaats-hub-bench");
        IndexConfig config = IndexConfig.defaults();
        long t0 = System.nanoTime();
        NoteIndex local = NoteIndex.open(work.resolve("local"), IndexBenchmark.source(n), config, new NullProgressMonitor());
        System.out.printf(Locale.ROOT, "local index of the same %d notes built in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        HubConnection kc = HubConnection.knowledgeCentre(url, "kc", user, passwordFile);
        try (Hub hub = new Hub(kc, work, config)) {
            System.out.printf(Locale.ROOT, "%n%-9s %-12s %8s %8s %8s%n", "queries", "engine", "p50 ms", "p95 ms", "p99 ms");
            for (String kind : new String[] { "plain", "filtered", "faceted" }) {
                List<IndexBenchmark.Q> warm = IndexBenchmark.queries(kind + "-warm", 100);
                List<IndexBenchmark.Q> qs = IndexBenchmark.queries(kind, queriesPerKind);
                measure(warm, q -> local.search(SearchRequest.of(IndexBenchmark.ours(q)).limit(10).facets(q.facets())));
                measure(warm, q -> hub.search(Hub.Query.of(IndexBenchmark.ours(q)).rows(10).facets(q.facets())));
                long[] l = measure(qs, q -> local.search(SearchRequest.of(IndexBenchmark.ours(q)).limit(10).facets(q.facets())));
                long[] h = measure(qs, q -> hub.search(Hub.Query.of(IndexBenchmark.ours(q)).rows(10).facets(q.facets())));
                System.out.printf(Locale.ROOT, "%-9s %-12s %8.2f %8.2f %8.2f%n", kind, "hub (Solr)", pct(h, 50), pct(h, 95), pct(h, 99));
                System.out.printf(Locale.ROOT, "%-9s %-12s %8.2f %8.2f %8.2f%n", "", "local index", pct(l, 50), pct(l, 95), pct(l, 99));
                System.out.printf(Locale.ROOT, "%-9s %-12s %7.2fx %7.2fx %7.2fx%n", "", "hub / local", pct(h, 50) / pct(l, 50),
                        pct(h, 95) / pct(l, 95), pct(h, 99) / pct(l, 99));
            }
            // Both engines find the same notes for a pure filter (the same notes, the same field names).
            // Not platform: the hub's documents got the platforms the installed plugins' names
            // recognise in the text, this local index only the built-in names.
            long hubCount = hub.search(Hub.Query.of("taal:en na:2024-12-31").rows(0)).found();
            long localCount = local.search(SearchRequest.of("taal:en na:2024-12-31").limit(1)).total();
            System.out.printf(Locale.ROOT, "%n'taal:en na:2024-12-31'  hub %d notes, local %d notes%s%n", hubCount, localCount,
                    hubCount == localCount ? " (equal)" : " (DIFFERENT)");
        } finally {
            local.close();
        }
    }

    /**
     * Fills the shared collection directly with the generated notes as the push would write them
     * (same fields as the hub's NoteDocuments, ids routed by team, phenomena and platforms labelled
     * as the local index labels them), without workspaces: a quick way to a large hub for
     * measuring search alone. Not a push figure.
     */
    static void load(int n, int teams, URI url, Path adminPasswordFile, Path thesaurus) throws Exception {
        String password = Files.readString(adminPasswordFile).strip();
        IndexConfig config = thesaurus == null ? IndexConfig.defaults() : IndexBenchmark.withPhenomena(thesaurus);
        org.vindplaats.index.NoteLabels labels = new org.vindplaats.index.NoteLabels(config);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (SolrClient solr = new HttpJdkSolrClient.Builder(url.toString()).useHttp1_1(true)
                .withBasicAuthCredentials("admin", password).withRequestTimeout(300, TimeUnit.SECONDS).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(2);
            List<Future<?>> sent = new ArrayList<>();
            long t0 = System.nanoTime();
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                TrendNote note = IndexBenchmark.note(i);
                String team = team(i, teams);
                Map<String, Object> d = new java.util.LinkedHashMap<>();
                String lang = "en".equals(note.language()) ? "en" : "nl";
                d.put("id", team + "!" + note.id());
                d.put("revision", 1);
                d.put("team", team);
                d.put("origin", "benchmark");
                d.put("lang", lang);
                d.put("observed", note.observed() + "T00:00:00Z");
                d.put("month", String.format(Locale.ROOT, "%tY-%<tm", note.observed()));
                d.put("title", note.title());
                d.put("title_" + lang, note.title());
                d.put("body_" + lang, note.body());
                d.put("platform", labels.platforms(note));
                d.put("need", note.needs().stream().map(x -> x.id()).toList());
                d.put("affordance", note.affordances().stream().map(x -> x.id()).toList());
                d.put("phenomenon", labels.phenomena(note));
                if (note.polarity() != null) {
                    d.put("polarity", note.polarity().id());
                }
                if (note.urgency() != null) {
                    d.put("urgency", note.urgency().id());
                }
                batch.add(d);
                if (batch.size() == 1000 || i == n - 1) {
                    byte[] body = json.writeValueAsBytes(batch);
                    batch.clear();
                    inFlight.acquire();
                    sent.add(pool.submit(() -> {
                        try {
                            ContentStreamUpdateRequest u = new ContentStreamUpdateRequest("/update");
                            u.addContentStream(new ContentStreamBase.ByteArrayStream(body, "docs", "application/json"));
                            return u.process(solr, "shared");
                        } finally {
                            inFlight.release();
                        }
                    }));
                    if ((i + 1) % 50_000 == 0) {
                        System.out.printf(Locale.ROOT, "loaded %d notes, %.0f s%n", i + 1, (System.nanoTime() - t0) / 1e9);
                    }
                }
            }
            for (Future<?> f : sent) {
                f.get();
            }
            solr.commit("shared");
            pool.shutdown();
            System.out.printf(Locale.ROOT, "loaded %d notes into shared in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        }
    }

    /** One kind of query through the hub's client only: p50/p95/p99 and the slowest queries with their match counts. */
    static void probe(URI url, String user, Path passwordFile, int queries, String kind) throws Exception {
        Path work = Files.createTempDirectory("vindplaats-hub-probe");
        HubConnection kc = HubConnection.knowledgeCentre(url, "kc", user, passwordFile);
        try (Hub hub = new Hub(kc, work, IndexConfig.defaults())) {
            measure(IndexBenchmark.queries(kind + "-warm", 100), q -> hub.search(Hub.Query.of(IndexBenchmark.ours(q)).rows(10).facets(q.facets())));
            List<IndexBenchmark.Q> qs = IndexBenchmark.queries(kind, queries);
            long[] t = new long[qs.size()];
            long[] found = new long[qs.size()];
            for (int i = 0; i < qs.size(); i++) {
                IndexBenchmark.Q q = qs.get(i);
                long s = System.nanoTime();
                found[i] = hub.search(Hub.Query.of(IndexBenchmark.ours(q)).rows(10).facets(q.facets())).found();
                t[i] = System.nanoTime() - s;
            }
            Integer[] order = new Integer[t.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Long.compare(t[b], t[a]));
            for (int k = 0; k < Math.min(15, order.length); k++) {
                int i = order[k];
                System.out.printf(Locale.ROOT, "%8.1f ms %9d found  %s%n", t[i] / 1e6, found[i], IndexBenchmark.ours(qs.get(i)));
            }
            long[] sorted = t.clone();
            java.util.Arrays.sort(sorted);
            long big = java.util.Arrays.stream(found).filter(f -> f > 50_000).count();
            System.out.printf(Locale.ROOT, "%s through the hub: p50 %.1f p95 %.1f p99 %.1f ms; %d of %d match > 50 000%n", kind,
                    pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), big, qs.size());
        }
    }

    static void raw(URI url, Path adminPasswordFile) throws Exception {
        String password = Files.readString(adminPasswordFile).strip();
        try (SolrClient solr = new HttpJdkSolrClient.Builder(url.toString()).useHttp1_1(true)
                .withBasicAuthCredentials("admin", password).withRequestTimeout(300, TimeUnit.SECONDS).build()) {
            // Each batch as a JSON body made before the clock starts (JSON of known length, as the
            // push sends it: SolrJ's streamed binary updates silently went missing, see NoteDocuments).
            Map<String, List<byte[]>> batches = new TreeMap<>();
            Map<String, Integer> counts = new TreeMap<>();
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            for (String c : CollectionAdminRequest.listCollections(solr)) {
                if (c.startsWith("raw_")) {
                    continue;
                }
                List<byte[]> bodies = new ArrayList<>();
                List<Map<String, Object>> batch = new ArrayList<>();
                int count = 0;
                String cursor = CursorMarkParams.CURSOR_MARK_START;
                while (true) {
                    SolrQuery q = new SolrQuery("*:*").setRows(1000).setSort("id", SolrQuery.ORDER.asc).setFields("*");
                    q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
                    QueryResponse r = solr.query(c, q);
                    for (SolrDocument d : r.getResults()) {
                        Map<String, Object> in = new java.util.LinkedHashMap<>();
                        d.forEach((k, v) -> {
                            if (!k.equals("_version_")) {
                                in.put(k, v instanceof java.util.Date date ? date.toInstant().toString() : v);
                            }
                        });
                        batch.add(in);
                        count++;
                    }
                    if (!batch.isEmpty()) {
                        bodies.add(json.writeValueAsBytes(batch));
                        batch.clear();
                    }
                    if (cursor.equals(r.getNextCursorMark())) {
                        break;
                    }
                    cursor = r.getNextCursorMark();
                }
                batches.put(c, bodies);
                counts.put(c, count);
                int shards = c.equals("shared") ? 2 : 1; // as HubSetup makes them
                // Two copies as HubSetup makes them: a leader that indexes and a TLOG replica that fetches its segments.
                CollectionAdminRequest.createCollection("raw_" + c, "vindplaats", shards, 0, 2, 0).process(solr);
            }
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            long t0 = System.nanoTime();
            for (var e : batches.entrySet()) {
                List<Future<?>> sent = new ArrayList<>();
                for (byte[] body : e.getValue()) {
                    sent.add(pool.submit(() -> {
                        ContentStreamUpdateRequest u = new ContentStreamUpdateRequest("/update");
                        u.addContentStream(new ContentStreamBase.ByteArrayStream(body, "docs", "application/json"));
                        return u.process(solr, "raw_" + e.getKey());
                    }));
                }
                for (Future<?> f : sent) {
                    f.get();
                }
                solr.commit("raw_" + e.getKey());
            }
            double s = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            for (String c : counts.keySet()) {
                // The second copies fetch the leaders' segments about every second, and a search of a
                // one-shard collection may be answered by either copy whatever shards.preference says
                // (hub-check waits the same way): the count must be reached within 10 s.
                long held = -1;
                for (int wait = 0; wait < 50 && held != counts.get(c); wait++) {
                    if (wait > 0) {
                        Thread.sleep(200);
                    }
                    held = solr.query("raw_" + c, new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
                }
                if (held != counts.get(c)) {
                    throw new IllegalStateException("raw_" + c + " holds " + held + " documents, not " + counts.get(c));
                }
                CollectionAdminRequest.deleteCollection("raw_" + c).process(solr);
            }
            System.out.printf(Locale.ROOT, "solr alone: %d documents from %d collections written again in %.1f s: %.0f documents/s%n",
                    total, counts.size(), s, total / s);
        }
    }

    interface Run {
        Object run(IndexBenchmark.Q q) throws Exception;
    }

    static long[] measure(List<IndexBenchmark.Q> qs, Run r) throws Exception {
        long[] t = new long[qs.size()];
        for (int i = 0; i < qs.size(); i++) {
            long s = System.nanoTime();
            r.run(qs.get(i));
            t[i] = System.nanoTime() - s;
        }
        java.util.Arrays.sort(t);
        return t;
    }

    static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
