package org.vindplaats.hub;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.BaseHttpSolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.ContentStreamUpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.util.ContentStreamBase;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.index.IndexConfig;
import org.vindplaats.index.NoteIndex;
import org.vindplaats.index.SearchResult;
import org.vindplaats.model.io.FileReplacement;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.StoredNote;
import org.vindplaats.notes.pii.PiiScrubber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A workspace's side of the team hub: pushes its notes to the team's collection (idempotently,
 * by note id and revision, with retries, resuming where it stopped), removes there what was
 * deleted or expired here, reports the outbox and searches the team's notes. The workspace stays
 * the source of truth and works without the hub; a note in which the worker kept personal data
 * never leaves it.
 */
public final class Hub implements AutoCloseable {

    static final int BATCH = 1000;
    /** Attempts when the hub answered with a server error: a cluster electing a new leader after a
     *  node died needs up to ZooKeeper's session timeout, so the pauses add up to about 30 s. */
    static final int ATTEMPTS = 6;
    /** Attempts when the hub could not be reached at all: the worker hears it after about 3 s. */
    static final int ATTEMPTS_UNREACHABLE = 3;
    /**
     * How long a push waits while the hub says a collection has no leader yet: after a node died,
     * ZooKeeper first lets the dead node's session expire, then a TLOG copy replays its update log
     * before it leads; in the leader-kill run that took longer than the 30 s above, and the push
     * stopped once. Only this answer is waited out so long: other server errors still end a push
     * after the usual attempts.
     */
    static final long ELECTION_WAIT_MILLIS = 150_000;
    /** The first pause between attempts (it doubles each time); tests shorten it. */
    long pauseMillis = 500;
    /** The last failure, said again by {@code hub status} until a push succeeds. */
    static final String LAST_ERROR_FILE = "hub-last-error.txt";
    /** The notes the last push found under the same id from another workspace, one id per line. */
    static final String CONFLICTS_FILE = "hub-conflicts.txt";

    private final HubConnection connection;
    private final Path workspaceDir;
    private final SolrClient solr;
    private final IndexConfig config;

    public Hub(HubConnection connection, Path workspaceDir) throws HubException {
        this(connection, workspaceDir, IndexConfig.defaults());
    }

    /**
     * @param config the plugins' search configuration: platform names, thesaurus and phenomenon
     *               tagger, so the hub reads queries and tags notes as the local index does
     */
    /** The running push's monitor: a Stop also ends the pauses between retries. */
    volatile IProgressMonitor stop;

    public Hub(HubConnection connection, Path workspaceDir, IndexConfig config) throws HubException {
        this.connection = connection;
        this.workspaceDir = workspaceDir;
        this.config = config;
        char[] password = connection.password();
        this.solr = client(connection.url().toString(), connection.user(), new String(password));
        java.util.Arrays.fill(password, '\0');
    }

    /**
     * HTTP/1.1: over one HTTP/2 connection, two updates under way at once broke off in our runs
     * against Solr 9.10's Jetty ("invalid_headers_frame", "missing content stream"); with HTTP/1.1
     * each request under way has a connection of its own.
     */
    static SolrClient client(String url, String user, String password) {
        return new HttpJdkSolrClient.Builder(url).useHttp1_1(true).withBasicAuthCredentials(user, password)
                .withConnectionTimeout(10, TimeUnit.SECONDS).withRequestTimeout(60, TimeUnit.SECONDS).build();
    }

    public HubConnection connection() {
        return connection;
    }

    /** What a push would do now, and what stays here. */
    public record Outlook(int toSend, int toRemove, int keptBack, int sent, int toShare, int toUnshare) {
    }

    /** @param conflicts notes another workspace sent under the same id: not overwritten, not removed */
    public record PushReport(int sent, int removed, int keptBack, int retries, int shared, int unshared, List<String> conflicts) {
    }

    /** The team's own collection, or the shared one the knowledge centre reads. */
    public enum Scope {
        TEAM, SHARED
    }

    /**
     * A search of the hub in the local search syntax (field names in Dutch and English, periods,
     * "phrases", -exclusions); {@code like} asks for notes similar to that note instead.
     *
     * @param scope null: the connection's own (team, or shared for a knowledge centre)
     * @param team  only this team's notes (the shared collection holds every team's), or null
     */
    public record Query(String text, Scope scope, int rows, boolean facets, boolean highlight, String like, String team) {
        public static Query of(String text) {
            return new Query(text, null, 10, false, true, null, null);
        }

        public Query scope(Scope s) {
            return new Query(text, s, rows, facets, highlight, like, team);
        }

        public Query rows(int n) {
            return new Query(text, scope, n, facets, highlight, like, team);
        }

        public Query facets(boolean on) {
            return new Query(text, scope, rows, on, highlight, like, team);
        }

        public Query highlight(boolean on) {
            return new Query(text, scope, rows, facets, on, like, team);
        }

        public Query like(String id) {
            return new Query(text, scope, rows, facets, highlight, id, team);
        }

        /** Only the notes of this team (the shared collection holds every team's); null: all. */
        public Query team(String id) {
            return new Query(text, scope, rows, facets, highlight, like, id == null || id.isBlank() ? null : id.strip());
        }
    }

    /**
     * @param snippet    a passage of the note around the words found (the start of the note when none)
     * @param highlights the found words in the snippet
     * @param team       the team the note is from (in the shared collection, where teams meet)
     */
    public record Hit(String id, String title, LocalDate observed, List<String> platforms, String team, List<String> needs,
            List<String> phenomena, String snippet, List<SearchResult.Range> highlights) {
    }

    /**
     * @param facets     dimension (platform, need, affordance, phenomenon, polarity, urgency, month, team) to value counts
     * @param recognised phenomena the query named, with their narrower ones (they were searched too)
     * @param hints      what was odd about the query and how it was read instead
     * @param estimated  true when the facet counts were estimated from a sample (very many notes
     *                   match, as in the local index)
     */
    public record Result(Scope scope, long found, List<Hit> hits, Map<String, Map<String, Long>> facets,
            List<SearchResult.Recognised> recognised, List<String> hints, boolean estimated) {

        public Result(Scope scope, long found, List<Hit> hits, Map<String, Map<String, Long>> facets,
                List<SearchResult.Recognised> recognised, List<String> hints) {
            this(scope, found, hits, facets, recognised, hints, false);
        }
    }

    public Outlook outlook(NoteStore store) throws IOException {
        Notes n = notes(store);
        Plan team = plan(n.eligible, new Outbox(workspaceDir));
        Plan shared = plan(n.shared, new Outbox(workspaceDir, Outbox.SHARED_FILE));
        return new Outlook(team.send.size(), team.remove.size(), n.keptBack, team.sent.size(), shared.send.size(),
                shared.remove.size());
    }

    /** The notes that may go to the hub, those of them the worker chose to share, and how many stay here. */
    private record Notes(List<StoredNote> eligible, List<StoredNote> shared, int keptBack) {
    }

    private record Plan(List<StoredNote> send, List<String> remove, Map<String, Long> sent) {
    }

    private Notes notes(NoteStore store) throws IOException {
        List<StoredNote> eligible = new ArrayList<>();
        List<StoredNote> shared = new ArrayList<>();
        Set<String> chosen = SharedNotes.ids(workspaceDir);
        int keptBack = 0;
        LocalDate today = LocalDate.now();
        for (StoredNote s : store.loadAll().notes()) {
            if (s.note().isExample()) {
                continue; // the invented examples a new workspace starts with are not team notes
            }
            if (s.note().piiKept()) {
                keptBack++; // personal data kept on purpose: never leaves the workspace
            } else if (!s.note().isExpired(today)) { // past its retention: not (or no longer) in the hub
                eligible.add(s);
                if (chosen.contains(s.id())) {
                    shared.add(s);
                }
            }
        }
        return new Notes(eligible, shared, keptBack);
    }

    private static Plan plan(List<StoredNote> eligible, Outbox outbox) throws IOException {
        Map<String, Long> sent = outbox.sent();
        List<StoredNote> send = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (StoredNote s : eligible) {
            ids.add(s.id());
            Long there = sent.get(s.id());
            if (there == null || there != s.revision()) {
                send.add(s);
            }
        }
        List<String> remove = sent.keySet().stream().filter(id -> !ids.contains(id)).sorted().toList();
        return new Plan(send, remove, sent);
    }

    /**
     * Sends what the hub lacks and removes what is gone here, first to the team's collection, then
     * the notes chosen for sharing to the shared collection (scrubbed once more, routed by team);
     * resumable, cancellable.
     */
    public PushReport push(NoteStore store, IProgressMonitor monitor) throws HubException, IOException {
        return push(store, null, monitor);
    }

    /**
     * {@link #push(NoteStore, IProgressMonitor)}, reading each note's phenomena back from the
     * workspace's index where it holds the note as it is now ({@link NoteIndex#indexedPhenomena}),
     * instead of tagging it again: tagging is most of the client's work in a large push.
     *
     * @param index the workspace's index, brought up to date with {@code store}; null to tag every note
     */
    public PushReport push(NoteStore store, NoteIndex index, IProgressMonitor monitor) throws HubException, IOException {
        if (connection.knowledgeCentre()) {
            throw new HubException(NLS.bind(Messages.Hub_kcSendsNothing, connection.user()));
        }
        stop = monitor;
        try {
            return pushNotes(store, index, monitor);
        } finally {
            stop = null;
        }
    }

    private PushReport pushNotes(NoteStore store, NoteIndex index, IProgressMonitor monitor) throws HubException, IOException {
        Notes notes = notes(store);
        try {
            count(); // even with nothing to send, a push says whether the hub is there
        } catch (HubException e) {
            remember(e);
            throw e;
        }
        Outbox teamOutbox = new Outbox(workspaceDir);
        Outbox sharedOutbox = new Outbox(workspaceDir, Outbox.SHARED_FILE);
        Plan team = plan(notes.eligible, teamOutbox);
        Plan shared = plan(notes.shared, sharedOutbox);
        int work = batches(team) + batches(shared) + 2;
        SubMonitor sub = SubMonitor.convert(monitor, NLS.bind(Messages.Hub_pushing, connection.collection()), work);
        try {
            List<String> conflicts = new ArrayList<>();
            // A note's labels are worked out once per push, for its team copy and its shared copy
            // (tagging phenomena is the costliest part of building a document).
            org.vindplaats.index.NoteLabels noteLabels = new org.vindplaats.index.NoteLabels(config);
            Map<String, NoteDocuments.Labels> memo = new java.util.concurrent.ConcurrentHashMap<>();
            Set<String> toShare = new HashSet<>();
            shared.send.forEach(s -> toShare.add(s.id()));
            Map<String, Set<String>> indexed = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.function.Consumer<List<StoredNote>> readIndexed = batch -> {
                if (index != null) {
                    try {
                        indexed.putAll(index.indexedPhenomena(batch.stream().map(StoredNote::note).toList()));
                    } catch (IOException | RuntimeException e) {
                        // the notes are tagged anew: slower, the same labels
                    }
                }
            };
            java.util.function.Function<StoredNote, NoteDocuments.Labels> compute = s -> new NoteDocuments.Labels(
                    noteLabels.platforms(s.note()),
                    java.util.Optional.ofNullable(indexed.remove(s.id())).orElseGet(() -> noteLabels.phenomena(s.note())));
            // Kept only for notes that also go to the shared collection, and dropped once used there.
            java.util.function.Function<StoredNote, NoteDocuments.Labels> labels = s -> toShare.contains(s.id())
                    ? memo.computeIfAbsent(s.id(), id -> compute.apply(s)) : compute.apply(s);
            Sent toTeam = send(team, teamOutbox, connection.collection(), s -> NoteDocuments.of(s.note(), s.revision(),
                    connection.team(), connection.origin(), labels.apply(s)), id -> id, readIndexed, conflicts, true, sub);
            // A note in conflict in the team's collection is not shared either; shared ids carry the
            // team's prefix, and a team may not read the shared collection, so no ownership check there.
            shared = new Plan(shared.send.stream().filter(s -> !conflicts.contains(s.id())).toList(), shared.remove, shared.sent);
            PiiScrubber scrubber = PiiScrubber.standard();
            String route = connection.team() + "!";
            Sent toShared = send(shared, sharedOutbox, HubSetup.SHARED, s -> {
                ObjectNode d = NoteDocuments.of(scrubber.scrub(s.note()).note(), s.revision(), connection.team(),
                        connection.origin(), java.util.Optional.ofNullable(memo.remove(s.id())).orElseGet(() -> compute.apply(s)));
                d.put("id", route + s.id());
                return d;
            }, id -> route + id, readIndexed, new ArrayList<>(), false, sub);
            Files.deleteIfExists(workspaceDir.resolve(LAST_ERROR_FILE));
            // Kept until a push finds none: hub status names them and how to settle them.
            writeConflicts(workspaceDir, new java.util.TreeSet<>(conflicts));
            return new PushReport(toTeam.accepted(), team.remove.size(), notes.keptBack, toTeam.retries() + toShared.retries(),
                    toShared.accepted(), shared.remove.size(), List.copyOf(conflicts));
        } catch (HubException e) {
            remember(e);
            throw e;
        }
    }

    /** Kept for {@code hub status} until a push succeeds. */
    private void remember(HubException e) throws IOException {
        FileReplacement.write(workspaceDir.resolve(LAST_ERROR_FILE),
                (java.time.Instant.now() + " " + e.getMessage()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static int batches(Plan p) {
        return (p.send.size() + BATCH - 1) / BATCH + (p.remove.isEmpty() ? 0 : 1);
    }

    /** Batches on their way at once: one is indexed by the hub while the next is sent and checked. */
    static final int IN_FLIGHT = 2;

    /** What one batch came to: the notes the hub now has as sent, the conflicts, the retries used. */
    private record BatchResult(Map<String, Long> accepted, List<String> conflicts, int retries) {
    }

    /**
     * One collection's part of a push; the outbox records each batch once the hub accepted it.
     * Another workspace's note under the same id is never overwritten: each note is written with
     * Solr's optimistic concurrency (the hub's current {@code _version_} for a note sent before,
     * "must not exist" for a new one) and read back; a note that turns out to be another
     * workspace's, or was changed meanwhile, is a conflict, reported and left as the hub has it.
     * Up to {@value #IN_FLIGHT} batches are under way at once.
     */
    private Sent send(Plan plan, Outbox outbox, String collection, java.util.function.Function<StoredNote, ObjectNode> document,
            java.util.function.UnaryOperator<String> documentId, java.util.function.Consumer<List<StoredNote>> prepare,
            List<String> conflicts, boolean checkOwner, SubMonitor sub) throws HubException, IOException {
        if (plan.send.isEmpty() && plan.remove.isEmpty()) {
            sub.worked(1);
            return new Sent(0, 0);
        }
        Map<String, Long> sent = new LinkedHashMap<>(plan.sent);
        int[] counts = new int[2]; // accepted, retries
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(IN_FLIGHT, r -> {
            Thread t = new Thread(r, "vindplaats-hub-push");
            t.setDaemon(true);
            return t;
        });
        java.util.ArrayDeque<java.util.concurrent.Future<BatchResult>> inFlight = new java.util.ArrayDeque<>();
        boolean cancelled = false;
        Exception failure = null;
        try {
            for (int i = 0; i < plan.send.size() && failure == null; i += BATCH) {
                if (sub.isCanceled()) {
                    cancelled = true;
                    break;
                }
                List<StoredNote> batch = plan.send.subList(i, Math.min(plan.send.size(), i + BATCH));
                inFlight.add(pool.submit(() -> {
                    prepare.accept(batch);
                    return sendBatch(batch, plan.sent, collection, document, documentId, checkOwner);
                }));
                while (inFlight.size() >= IN_FLIGHT) {
                    failure = collect(inFlight.poll(), outbox, sent, conflicts, counts, failure, sub);
                }
            }
            // What is under way is waited for and recorded, also after a failure or a cancel:
            // what the hub accepted is never sent again.
            while (!inFlight.isEmpty()) {
                failure = collect(inFlight.poll(), outbox, sent, conflicts, counts, failure, sub);
            }
        } finally {
            pool.shutdownNow();
        }
        if (failure instanceof HubException h) {
            throw h;
        } else if (failure instanceof IOException e) {
            throw e;
        }
        if (cancelled || failure instanceof OperationCanceledException) {
            throw new OperationCanceledException();
        }
        if (!plan.remove.isEmpty()) {
            Map<String, SolrDocument> there = checkOwner ? current(collection, plan.remove.stream().map(documentId).toList())
                    : Map.of();
            List<String> mine = plan.remove.stream().filter(id -> {
                SolrDocument hub = there.get(documentId.apply(id));
                return hub == null || ours(hub); // another workspace's note under this id stays
            }).toList();
            ObjectNode delete = NoteDocuments.JSON.createObjectNode();
            ArrayNode ids = delete.putArray("delete");
            mine.forEach(id -> ids.add(documentId.apply(id)));
            if (!mine.isEmpty()) {
                counts[1] += withRetries(() -> update(collection, delete), collection);
            }
            outbox.record(Outbox.removed(plan.remove));
            plan.remove.forEach(sent::remove);
            sub.worked(1);
        }
        counts[1] += withRetries(() -> solr.commit(collection), collection);
        outbox.compact(sent);
        sub.worked(1);
        return new Sent(counts[0], counts[1]);
    }

    /** How many notes the hub confirmed it holds as sent, and the retries used. */
    private record Sent(int accepted, int retries) {
    }

    /** Waits for one batch and records what the hub accepted; returns the first failure so far. */
    private static Exception collect(java.util.concurrent.Future<BatchResult> batch, Outbox outbox, Map<String, Long> sent,
            List<String> conflicts, int[] counts, Exception failure, SubMonitor sub) {
        try {
            BatchResult r = await(batch);
            outbox.record(r.accepted());
            sent.putAll(r.accepted());
            conflicts.addAll(r.conflicts());
            counts[0] += r.accepted().size();
            counts[1] += r.retries();
            sub.worked(1);
            return failure;
        } catch (HubException | IOException | OperationCanceledException e) {
            return failure == null ? e : failure;
        }
    }

    private static BatchResult await(java.util.concurrent.Future<BatchResult> f) throws HubException, IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof HubException h) {
                throw h;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof OperationCanceledException stopped) {
                throw stopped;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Writes one batch and reads it back. Only notes this workspace sent before are looked up
     * first (for their {@code _version_}); a new note is written as "must not exist", so a note
     * another workspace holds under that id is left alone, and the read-back names it.
     */
    private BatchResult sendBatch(List<StoredNote> batch, Map<String, Long> sentBefore, String collection,
            java.util.function.Function<StoredNote, ObjectNode> document, java.util.function.UnaryOperator<String> documentId,
            boolean checkOwner) throws HubException {
        List<String> conflicts = new ArrayList<>();
        int retries = 0;
        Map<String, SolrDocument> there = checkOwner
                ? current(collection, batch.stream().filter(s -> sentBefore.containsKey(s.id())).map(s -> documentId.apply(s.id())).toList())
                : Map.of();
        ArrayNode docs = NoteDocuments.JSON.createArrayNode();
        Map<String, Long> written = new LinkedHashMap<>();
        for (StoredNote s : batch) {
            SolrDocument hub = there.get(documentId.apply(s.id()));
            if (hub != null && !ours(hub)) {
                conflicts.add(s.id());
                continue;
            }
            ObjectNode d = document.apply(s);
            if (checkOwner) {
                d.put("_version_", hub == null ? -1L : ((Number) hub.getFieldValue("_version_")).longValue());
            }
            docs.add(d);
            written.put(s.id(), s.revision());
        }
        if (!docs.isEmpty()) {
            retries += withRetries(() -> update(collection, docs), collection);
        }
        Map<String, Long> accepted = new LinkedHashMap<>();
        if (!checkOwner) {
            accepted.putAll(written);
            return new BatchResult(accepted, conflicts, retries);
        }
        // Read back: what someone else wrote between our look and our write stayed theirs. A note
        // the hub does not show at all was not taken (seen once in a 100,000-note run), and one of
        // ours with an older revision was sent before but never recorded here (the outbox was lost):
        // both are written once more, and otherwise left for the next push, not called conflicts.
        for (int attempt = 0; attempt < 2 && !written.isEmpty(); attempt++) {
            Map<String, SolrDocument> after = current(collection, written.keySet().stream().map(documentId).toList());
            Map<String, Long> again = new LinkedHashMap<>();
            Map<String, Long> versions = new java.util.HashMap<>();
            written.forEach((id, revision) -> {
                SolrDocument hub = after.get(documentId.apply(id));
                if (hub == null) {
                    again.put(id, revision);
                    versions.put(id, -1L);
                } else if (!ours(hub)) {
                    conflicts.add(id);
                } else if (revision.equals(((Number) hub.getFieldValue("revision")).longValue())) {
                    accepted.put(id, revision);
                } else {
                    again.put(id, revision);
                    versions.put(id, ((Number) hub.getFieldValue("_version_")).longValue());
                }
            });
            written = again;
            if (!again.isEmpty() && attempt == 0) {
                ArrayNode retry = NoteDocuments.JSON.createArrayNode();
                batch.stream().filter(s -> again.containsKey(s.id()))
                        .forEach(s -> retry.add(document.apply(s).put("_version_", versions.get(s.id()))));
                retries += withRetries(() -> update(collection, retry), collection);
            }
        }
        return new BatchResult(accepted, conflicts, retries);
    }

    /** Whether a document in the hub was sent by this workspace (documents from before origins count as ours). */
    private boolean ours(SolrDocument hub) {
        Object origin = hub.getFieldValue("origin");
        return origin == null || connection.origin().equals(origin);
    }

    /** The hub's current documents with these ids, by real-time get (sees uncommitted writes too). */
    private Map<String, SolrDocument> current(String collection, List<String> ids) throws HubException {
        Map<String, SolrDocument> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        // POSTed: a thousand ids do not fit in a URL (Jetty refuses URLs over 8 KB: "414 URI Too Long").
        org.apache.solr.common.params.ModifiableSolrParams p = new org.apache.solr.common.params.ModifiableSolrParams();
        p.set("fl", "id,origin,revision,_version_");
        p.set("ids", ids.toArray(String[]::new));
        org.apache.solr.client.solrj.request.QueryRequest get = new org.apache.solr.client.solrj.request.QueryRequest(p,
                org.apache.solr.client.solrj.SolrRequest.METHOD.POST);
        get.setPath("/get");
        withRetries(() -> get.process(solr, collection).getResults().forEach(d -> out.put(String.valueOf(d.getFieldValue("id")), d)),
                collection);
        return out;
    }

    /** One update of the team's collection, as a JSON body (see {@link NoteDocuments} why not SolrJ's binary one). */
    private void update(String collection, JsonNode body) throws SolrServerException, IOException {
        ContentStreamUpdateRequest r = new ContentStreamUpdateRequest("/update");
        // A document whose _version_ no longer matches is left out, the others are written; the
        // read-back after the write names the ones left out.
        r.setParam("failOnVersionConflicts", "false");
        r.addContentStream(new ContentStreamBase.ByteArrayStream(NoteDocuments.JSON.writeValueAsBytes(body), "notes",
                "application/json"));
        r.process(solr, collection);
    }

    /**
     * The notes of this workspace the last push found in the hub under the same id from another
     * workspace (left as the hub has them); empty when there were none.
     */
    public static List<String> conflicts(Path workspaceDir) {
        try {
            Path f = workspaceDir.resolve(CONFLICTS_FILE);
            return Files.isRegularFile(f)
                    ? Files.readAllLines(f, java.nio.charset.StandardCharsets.UTF_8).stream().map(String::strip).filter(x -> !x.isEmpty()).toList()
                    : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Settles a conflict by keeping both notes: this workspace's note {@code id} gets a new id
     * (the old one with this workspace's mark, {@code id-ab12cd}), so the hub keeps the other
     * workspace's note and the next push sends this one as a new note. Its choice to share moves
     * with it. Nothing is lost: the note is saved under the new id before the old file goes.
     *
     * @return the new id
     * @throws IllegalArgumentException when the workspace has no note {@code id}
     */
    public static String keepBoth(NoteStore store, Path workspaceDir, HubConnection connection, String id)
            throws IOException {
        StoredNote stored = store.get(id).orElseThrow(() -> new IllegalArgumentException(id));
        String mark = connection.origin().replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
        String stem = (id.length() > 90 ? id.substring(0, 90) : id) + "-" + (mark.length() >= 6 ? mark.substring(0, 6) : "eigen");
        String newId = stem;
        for (int i = 2; store.contains(newId); i++) {
            newId = stem + "-" + i;
        }
        store.save(org.vindplaats.notes.NoteBuilder.from(stored.note()).id(newId).build(), NoteStore.NEW);
        if (SharedNotes.ids(workspaceDir).contains(id)) {
            SharedNotes.set(workspaceDir, List.of(newId), true);
            SharedNotes.set(workspaceDir, List.of(id), false);
        }
        store.delete(id);
        List<String> left = new ArrayList<>(conflicts(workspaceDir));
        left.remove(id);
        writeConflicts(workspaceDir, left);
        return newId;
    }

    private static void writeConflicts(Path workspaceDir, java.util.Collection<String> ids) throws IOException {
        if (ids.isEmpty()) {
            Files.deleteIfExists(workspaceDir.resolve(CONFLICTS_FILE));
        } else {
            FileReplacement.write(workspaceDir.resolve(CONFLICTS_FILE),
                    (String.join("\n", ids) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The last push failure (time and message), if the last push did not succeed. */
    public static String lastError(Path workspaceDir) {
        try {
            Path f = workspaceDir.resolve(LAST_ERROR_FILE);
            return Files.isRegularFile(f) ? Files.readString(f).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** How many notes the team's collection holds. */
    public long count() throws HubException {
        return query(new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
    }

    /** The first {@code rows} notes of the connection's own collection matching {@code text}. */
    public List<Hit> search(String text, int rows) throws HubException {
        return search(Query.of(text).rows(rows)).hits();
    }

    /** Searches the team's or the shared collection; see {@link HubQueries} for how a query is read. */
    public Result search(Query q) throws HubException {
        Scope scope = q.scope() != null ? q.scope() : connection.knowledgeCentre() ? Scope.SHARED : Scope.TEAM;
        String collection = scope == Scope.SHARED ? HubSetup.SHARED : HubConnection.collection(connection.team());
        if (scope == Scope.TEAM && connection.knowledgeCentre()) {
            throw new HubException(NLS.bind(Messages.Hub_kcHasNoTeam, connection.user()));
        }
        boolean sampleFirst = scope == Scope.SHARED;
        HubQueries.Built built = HubQueries.build(q, config, sampleFirst);
        QueryResponse r = query(collection, built.solr(), built.path());
        if (q.like() != null && r.getResults() == null) {
            // Solr's more-like-this answers without a result list when the note is not there.
            throw new HubException(NLS.bind(Messages.Hub_unknownLike, q.like(), collection));
        }
        if (!q.facets() || q.like() != null || !sampleFirst) {
            return HubQueries.result(scope, r, built);
        }
        long matches = r.getResults().getNumFound();
        int every = HubQueries.facetsToCount(matches, HubQueries.sampleCount(r));
        QueryResponse counted = every == -1 ? r : query(collection, HubQueries.facetsOnly(built, every), built.path());
        return HubQueries.result(scope, r, built, HubQueries.facets(counted, every == 0 ? 0 : matches), every != 0);
    }

    private QueryResponse query(SolrQuery q) throws HubException {
        return query(connection.collection(), q, "/select");
    }

    /**
     * Asks the hub, and checks it speaks this schema: the configset says its version in the
     * request defaults it echoes ({@value HubSetup#SCHEMA_PARAM}).
     */
    private QueryResponse query(String collection, SolrQuery q, String path) throws HubException {
        QueryResponse[] out = new QueryResponse[1];
        q.setRequestHandler(path);
        q.set("echoParams", "all");
        withRetries(() -> out[0] = solr.query(collection, q), collection);
        Object params = out[0].getHeader() == null ? null : out[0].getHeader().get("params");
        Object version = params instanceof org.apache.solr.common.util.NamedList<?> nl ? nl.get(HubSetup.SCHEMA_PARAM) : null;
        if (!String.valueOf(HubSetup.SCHEMA_VERSION).equals(version == null ? null : String.valueOf(version))) {
            throw new HubException(NLS.bind(Messages.Hub_otherSchema, new Object[] { connection.url(), version == null ? "1" : version,
                    HubSetup.SCHEMA_VERSION }));
        }
        return out[0];
    }

    interface Call {
        void run() throws SolrServerException, IOException;
    }

    /** Runs {@code call}, again after a pause when the hub was briefly away; returns the retries used. */
    private int withRetries(Call call, String collection) throws HubException {
        return withRetries(call, collection, ELECTION_WAIT_MILLIS);
    }

    /** @param electionWait how long to go on while the collection has no leader (tests shorten it) */
    int withRetries(Call call, String collection, long electionWait) throws HubException {
        long electionSince = -1;
        int others = 0; // attempts that failed for another reason than a missing leader
        for (int attempt = 1;; attempt++) {
            try {
                call.run();
                return attempt - 1;
            } catch (SolrServerException | IOException | BaseHttpSolrClient.RemoteSolrException e) {
                HubException explained = explain(e, collection);
                boolean serverError = e instanceof BaseHttpSolrClient.RemoteSolrException r && r.code() >= 500;
                boolean transient_ = serverError || !(e instanceof BaseHttpSolrClient.RemoteSolrException);
                if (serverError && electingLeader(e)) {
                    long now = System.nanoTime();
                    electionSince = electionSince < 0 ? now : electionSince;
                    long waited = (now - electionSince) / 1_000_000;
                    if (waited < electionWait) {
                        IProgressMonitor m = stop;
                        if (m != null) {
                            m.subTask(NLS.bind(Messages.Hub_electingLeader, collection, electionWait / 1000));
                        }
                        // at most 4 s apart, so the push goes on soon after the new leader is there
                        pause(Math.min(Math.min(pauseMillis << Math.min(attempt, 10), 8 * pauseMillis), electionWait - waited), explained);
                        continue;
                    }
                    throw explained;
                }
                others++;
                if (!transient_ || others >= (serverError ? ATTEMPTS : ATTEMPTS_UNREACHABLE)) {
                    throw explained;
                }
                pause(pauseMillis << others, explained);
            }
        }
    }

    /**
     * Whether Solr said the collection has no leader at the moment: a node died and another copy
     * is taking over ("No registered leader was found", "... is not the leader", "Cannot talk to
     * ZooKeeper - Updates are disabled").
     */
    static boolean electingLeader(Exception e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("no registered leader") || message.contains("not the leader")
                || message.contains("we are the leader") || message.contains("updates are disabled");
    }

    /** Waits before the next attempt; a Stop of the running push ends the wait (and the push). */
    private void pause(long millis, HubException explained) throws HubException {
        long end = System.nanoTime() + millis * 1_000_000;
        try {
            for (long left = millis; left > 0; left = (end - System.nanoTime()) / 1_000_000) {
                IProgressMonitor m = stop;
                if (m != null && m.isCanceled()) {
                    throw new OperationCanceledException();
                }
                Thread.sleep(Math.min(left, 100));
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw explained;
        }
    }

    /** A sentence the worker can act on. */
    HubException explain(Exception e, String collection) {
        if (e instanceof BaseHttpSolrClient.RemoteSolrException r) {
            return switch (r.code()) {
            case 401 -> new HubException(NLS.bind(Messages.Hub_wrongPassword, connection.user(), connection.passwordFile()), e);
            case 403 -> new HubException(NLS.bind(Messages.Hub_forbidden, connection.user(), collection), e);
            case 404 -> new HubException(NLS.bind(Messages.Hub_noCollection, collection, connection.url()), e);
            default -> new HubException(NLS.bind(Messages.Hub_failed, connection.url(), r.getMessage()), e);
            };
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                    || t instanceof java.net.UnknownHostException) {
                return new HubException(NLS.bind(Messages.Hub_unreachable, connection.url()), e);
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return new HubException(NLS.bind(Messages.Hub_certificate, connection.url(), t.getMessage()), e);
            }
        }
        return new HubException(NLS.bind(Messages.Hub_failed, connection.url(), detail(e)), e);
    }

    /** What went wrong in a few words, also for exceptions without a message of their own. */
    private static String detail(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    @Override
    public void close() throws IOException {
        solr.close();
    }
}
