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
import org.vindplaats.model.io.FileReplacement;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.StoredNote;

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

    static final int BATCH = 500;
    static final int ATTEMPTS = 4;
    /** The last failure, said again by {@code hub status} until a push succeeds. */
    static final String LAST_ERROR_FILE = "hub-last-error.txt";

    private final HubConnection connection;
    private final Path workspaceDir;
    private final SolrClient solr;

    public Hub(HubConnection connection, Path workspaceDir) throws HubException {
        this.connection = connection;
        this.workspaceDir = workspaceDir;
        char[] password = connection.password();
        this.solr = client(connection.url().toString(), connection.user(), new String(password));
        java.util.Arrays.fill(password, '\0');
    }

    static SolrClient client(String url, String user, String password) {
        return new HttpJdkSolrClient.Builder(url).withBasicAuthCredentials(user, password)
                .withConnectionTimeout(10, TimeUnit.SECONDS).withRequestTimeout(60, TimeUnit.SECONDS).build();
    }

    public HubConnection connection() {
        return connection;
    }

    /** What a push would do now, and what stays here. */
    public record Outlook(int toSend, int toRemove, int keptBack, int sent) {
    }

    public record PushReport(int sent, int removed, int keptBack, int retries) {
    }

    public record Hit(String id, String title, LocalDate observed, List<String> platforms) {
    }

    public Outlook outlook(NoteStore store) throws IOException {
        Plan p = plan(store);
        return new Outlook(p.send.size(), p.remove.size(), p.keptBack, p.sent.size());
    }

    private record Plan(List<StoredNote> send, List<String> remove, int keptBack, Map<String, Long> sent) {
    }

    private Plan plan(NoteStore store) throws IOException {
        Map<String, Long> sent = new Outbox(workspaceDir).sent();
        List<StoredNote> send = new ArrayList<>();
        Set<String> eligible = new HashSet<>();
        int keptBack = 0;
        LocalDate today = LocalDate.now();
        for (StoredNote s : store.loadAll().notes()) {
            if (s.note().piiKept() || s.note().isExpired(today)) {
                // Personal data kept on purpose, or past its retention: not (or no longer) in the hub.
                keptBack += s.note().piiKept() ? 1 : 0;
                continue;
            }
            eligible.add(s.id());
            Long there = sent.get(s.id());
            if (there == null || there != s.revision()) {
                send.add(s);
            }
        }
        List<String> remove = sent.keySet().stream().filter(id -> !eligible.contains(id)).sorted().toList();
        return new Plan(send, remove, keptBack, sent);
    }

    /** Sends what the hub lacks and removes what is gone here; resumable, cancellable. */
    public PushReport push(NoteStore store, IProgressMonitor monitor) throws HubException, IOException {
        Plan plan = plan(store);
        Outbox outbox = new Outbox(workspaceDir);
        Map<String, Long> sent = new LinkedHashMap<>(plan.sent);
        int batches = (plan.send.size() + BATCH - 1) / BATCH + (plan.remove.isEmpty() ? 0 : 1) + 1;
        SubMonitor sub = SubMonitor.convert(monitor, NLS.bind(Messages.Hub_pushing, connection.collection()), batches);
        int retries = 0;
        try {
            for (int i = 0; i < plan.send.size(); i += BATCH) {
                if (sub.isCanceled()) {
                    throw new OperationCanceledException();
                }
                List<StoredNote> batch = plan.send.subList(i, Math.min(plan.send.size(), i + BATCH));
                ArrayNode docs = NoteDocuments.JSON.createArrayNode();
                Map<String, Long> accepted = new LinkedHashMap<>();
                for (StoredNote s : batch) {
                    docs.add(NoteDocuments.of(s.note(), s.revision(), connection.team()));
                    accepted.put(s.id(), s.revision());
                }
                retries += withRetries(() -> update(docs));
                outbox.record(accepted);
                sent.putAll(accepted);
                sub.worked(1);
            }
            if (!plan.remove.isEmpty()) {
                ObjectNode delete = NoteDocuments.JSON.createObjectNode();
                plan.remove.forEach(delete.putArray("delete")::add);
                retries += withRetries(() -> update(delete));
                outbox.record(Outbox.removed(plan.remove));
                plan.remove.forEach(sent::remove);
                sub.worked(1);
            }
            retries += withRetries(() -> solr.commit(connection.collection()));
            sub.worked(1);
            outbox.compact(sent);
            Files.deleteIfExists(workspaceDir.resolve(LAST_ERROR_FILE));
            return new PushReport(plan.send.size(), plan.remove.size(), plan.keptBack, retries);
        } catch (HubException e) {
            FileReplacement.write(workspaceDir.resolve(LAST_ERROR_FILE),
                    (java.time.Instant.now() + " " + e.getMessage()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            throw e;
        }
    }

    /** One update of the team's collection, as a JSON body (see {@link NoteDocuments} why not SolrJ's binary one). */
    private void update(JsonNode body) throws SolrServerException, IOException {
        ContentStreamUpdateRequest r = new ContentStreamUpdateRequest("/update");
        r.addContentStream(new ContentStreamBase.ByteArrayStream(NoteDocuments.JSON.writeValueAsBytes(body), "notes",
                "application/json"));
        r.process(solr, connection.collection());
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

    /** The team's notes matching {@code text} (forgiving: Solr's edismax never fails on syntax). */
    public List<Hit> search(String text, int rows) throws HubException {
        SolrQuery q = new SolrQuery(text.isBlank() ? "*:*" : text);
        q.set("defType", "edismax");
        q.set("qf", "title_nl^2 title_en^2 body_nl body_en parts^0.5");
        q.set("q.op", "AND");
        q.set("mm", "100%");
        q.setFields("id", "title", "observed", "platform");
        q.setRows(rows);
        List<Hit> hits = new ArrayList<>();
        for (SolrDocument d : query(q).getResults()) {
            Object observed = d.getFieldValue("observed");
            LocalDate day = observed instanceof java.util.Date date
                    ? date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate() : null;
            List<String> platforms = new ArrayList<>();
            if (d.getFieldValues("platform") != null) {
                d.getFieldValues("platform").forEach(p -> platforms.add(String.valueOf(p)));
            }
            hits.add(new Hit(String.valueOf(d.getFieldValue("id")), String.valueOf(d.getFieldValue("title")), day, platforms));
        }
        return hits;
    }

    private QueryResponse query(SolrQuery q) throws HubException {
        QueryResponse[] out = new QueryResponse[1];
        withRetries(() -> out[0] = solr.query(connection.collection(), q));
        return out[0];
    }

    private interface Call {
        void run() throws SolrServerException, IOException;
    }

    /** Runs {@code call}, again after a pause when the hub was briefly away; returns the retries used. */
    private int withRetries(Call call) throws HubException {
        for (int attempt = 1;; attempt++) {
            try {
                call.run();
                return attempt - 1;
            } catch (SolrServerException | IOException | BaseHttpSolrClient.RemoteSolrException e) {
                HubException explained = explain(e);
                boolean transient_ = !(e instanceof BaseHttpSolrClient.RemoteSolrException r) || r.code() >= 500;
                if (!transient_ || attempt >= ATTEMPTS) {
                    throw explained;
                }
                try {
                    Thread.sleep(500L << attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw explained;
                }
            }
        }
    }

    /** A sentence the worker can act on. */
    HubException explain(Exception e) {
        String collection = connection.collection();
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
        return new HubException(NLS.bind(Messages.Hub_failed, connection.url(), e.getMessage()), e);
    }

    @Override
    public void close() throws IOException {
        solr.close();
    }
}
