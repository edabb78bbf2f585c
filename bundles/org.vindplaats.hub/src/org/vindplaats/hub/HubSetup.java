package org.vindplaats.hub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.model.io.FileReplacement;
import org.vindplaats.model.io.OwnerOnly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Prepares a SolrCloud for Vindplaats teams, as its administrator: the configset (the local
 * index's analysis, from Solr's stock factories, with the word lists generated from the installed
 * plugins), a collection per team and a shared one for the knowledge centre, a user and a role per
 * team and for the knowledge centre, and the rules Solr itself enforces: a team reads and writes
 * only its own collection and may add to the shared one; the knowledge centre reads only the
 * shared one. Running it again adds what is missing and leaves the rest (passwords too).
 */
public final class HubSetup {

    public static final String CONFIGSET = "vindplaats";
    public static final String SHARED = "shared";
    /**
     * The version of the configset in this bundle; the hub echoes it with every answer
     * ({@value #SCHEMA_PARAM}, a request default in solrconfig.xml), so a client of another
     * version stops with a clear message instead of writing documents the hub does not expect.
     */
    public static final int SCHEMA_VERSION = 2;
    static final String SCHEMA_PARAM = "vindplaats.schema";
    /** The request handlers a team may use on its own collection: search and update, nothing that configures. */
    static final List<String> TEAM_PATHS = List.of("/select", "/query", "/get", "/update", "/update/*", "/admin/ping", "/mlt",
            "/terms");
    private static final List<String> CONFIG_FILES = List.of("schema.xml", "solrconfig.xml");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The administrator's role (the one solrcloud.sh and a usual security.json give 'admin'): it keeps full access. */
    static final String ADMIN_ROLE = "admin";

    public record Result(List<String> collections, Map<String, Path> passwordFiles) {
    }

    private final URI solr;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    public HubSetup(URI solr, String adminUser, char[] adminPassword) {
        this.solr = HubConnection.url(solr.toString());
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((adminUser + ":" + new String(adminPassword)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param wordLists         configset word lists (file name to content), from the installed plugins
     * @param passwordsDir      where each account's password file is written (owner-only)
     * @param replicationFactor copies of every shard (2: a node may fail), as TLOG replicas: the
     *                          leader indexes, the others log each update and fetch its segments
     *                          (a second or so behind; no note lost when the leader's node fails)
     */
    public Result setup(List<String> teams, String knowledgeCentre, Map<String, String> wordLists, Path passwordsDir,
            int replicationFactor, IProgressMonitor monitor) throws HubException, IOException {
        teams.forEach(HubConnection::check);
        HubConnection.check(knowledgeCentre);
        SubMonitor sub = SubMonitor.convert(monitor, Messages.Hub_settingUp, teams.size() + 4);
        post("/admin/configs?action=UPLOAD&overwrite=true&name=" + CONFIGSET, "application/octet-stream",
                configset(wordLists));
        sub.worked(1);
        Set<String> existing = new HashSet<>();
        JSON.readTree(get("/admin/collections?action=LIST&wt=json")).path("collections")
                .forEach(c -> existing.add(c.asText()));
        List<String> collections = new ArrayList<>();
        for (String team : teams) {
            collections.add(create(HubConnection.collection(team), 1, replicationFactor, existing));
            sub.worked(1);
        }
        collections.add(create(SHARED, 2, replicationFactor, existing));
        sub.worked(1);

        // Accounts: one per team and one for the knowledge centre; an existing password file is kept.
        Map<String, Path> files = new LinkedHashMap<>();
        ObjectNode users = JSON.createObjectNode();
        ObjectNode roles = JSON.createObjectNode();
        for (String account : accounts(teams, knowledgeCentre)) {
            Path file = passwordsDir.resolve(account + ".password");
            users.put(account, password(file));
            roles.set(account, JSON.createArrayNode().add(role(account, teams, knowledgeCentre)));
            files.put(account, file);
        }
        post("/admin/authentication", "application/json", json(JSON.createObjectNode().set("set-user", users)));
        post("/admin/authorization", "application/json", json(JSON.createObjectNode().set("set-user-role", roles)));
        sub.worked(1);
        permissions(teams, knowledgeCentre);
        sub.worked(1);
        return new Result(collections, files);
    }

    static List<String> accounts(List<String> teams, String knowledgeCentre) {
        List<String> out = new ArrayList<>(teams.stream().map(t -> "team-" + t).toList());
        out.add(knowledgeCentre);
        return out;
    }

    private static String role(String account, List<String> teams, String knowledgeCentre) {
        return account.equals(knowledgeCentre) ? "kc_" + knowledgeCentre.replace('-', '_')
                : HubConnection.collection(account.substring("team-".length()));
    }

    /** The rules, before the catch-all 'all' (admin only): Solr applies the first that matches. */
    private void permissions(List<String> teams, String knowledgeCentre) throws HubException, IOException {
        JsonNode current = JSON.readTree(get("/admin/authorization")).path("authorization").path("permissions");
        Map<String, Integer> byName = new LinkedHashMap<>();
        int allIndex = -1;
        for (JsonNode p : current) {
            byName.put(p.path("name").asText(), p.path("index").asInt());
            if (p.path("name").asText().equals("all")) {
                allIndex = p.path("index").asInt();
            }
        }
        List<ObjectNode> wanted = new ArrayList<>();
        ArrayNode teamRoles = JSON.createArrayNode();
        for (String team : teams) {
            String c = HubConnection.collection(team);
            teamRoles.add(c);
            wanted.add(permission("vindplaats-" + c, c, TEAM_PATHS, JSON.createArrayNode().add(c).add(ADMIN_ROLE)));
        }
        // Teams add to the shared collection but cannot read it; the knowledge centre only reads it.
        teamRoles.add(ADMIN_ROLE);
        wanted.add(permission("vindplaats-shared-write", SHARED, List.of("/update", "/update/*"), teamRoles));
        wanted.add(permission("vindplaats-shared-read", SHARED, List.of("/select", "/query", "/get", "/mlt", "/terms"),
                JSON.createArrayNode().add(role(knowledgeCentre, teams, knowledgeCentre)).add(ADMIN_ROLE)));
        for (ObjectNode p : wanted) {
            Integer index = byName.get(p.path("name").asText());
            ObjectNode command = JSON.createObjectNode();
            if (index != null) {
                p.put("index", index);
                command.set("update-permission", p);
            } else {
                if (allIndex > 0) {
                    p.put("before", allIndex);
                }
                command.set("set-permission", p);
            }
            post("/admin/authorization", "application/json", json(command));
            if (index == null && allIndex > 0) {
                allIndex++; // 'all' moved down by one
            }
        }
    }

    private static ObjectNode permission(String name, String collection, List<String> paths, ArrayNode roles) {
        ObjectNode p = JSON.createObjectNode();
        p.put("name", name);
        p.put("collection", collection);
        ArrayNode pathArray = p.putArray("path");
        paths.forEach(pathArray::add);
        p.set("role", roles);
        return p;
    }

    private String create(String name, int shards, int replicationFactor, Set<String> existing) throws HubException, IOException {
        if (existing.contains(name)) {
            // The configset may have changed (a new field, new word lists): the collection takes it up.
            get("/admin/collections?action=RELOAD&wt=json&name=" + enc(name));
        } else {
            get("/admin/collections?action=CREATE&wt=json&waitForFinalState=true&name=" + enc(name) + "&collection.configName="
                    + CONFIGSET + "&numShards=" + shards + "&nrtReplicas=0&tlogReplicas=" + replicationFactor);
        }
        return name;
    }

    /** The password in {@code file}, or a new random one written there owner-only. */
    private static String password(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String p = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!p.isEmpty()) {
                return p;
            }
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String p = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OwnerOnly.createDirectories(file.toAbsolutePath().getParent());
        FileReplacement.write(file, (p + "\n").getBytes(StandardCharsets.UTF_8));
        return p;
    }

    /** The configset as a zip: schema and solrconfig from this bundle, word lists generated. */
    public static byte[] configset(Map<String, String> wordLists) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : CONFIG_FILES) {
                try (InputStream in = HubSetup.class.getClassLoader().getResourceAsStream("configset/conf/" + name)) {
                    if (in == null) {
                        throw new IOException("configset/conf/" + name + " is missing from the hub bundle");
                    }
                    zip.putNextEntry(new ZipEntry(name));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
            for (Map.Entry<String, String> e : wordLists.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private String get(String path) throws HubException, IOException {
        return send(HttpRequest.newBuilder(URI.create(solr + path)).GET());
    }

    private String post(String path, String contentType, byte[] body) throws HubException, IOException {
        return send(HttpRequest.newBuilder(URI.create(solr + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private String send(HttpRequest.Builder request) throws HubException, IOException {
        HttpRequest r = request.header("Authorization", authorization).timeout(Duration.ofMinutes(2)).build();
        HttpResponse<String> response;
        try {
            response = http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new HubException(NLS.bind(Messages.Hub_unreachable, solr), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (response.statusCode() == 401) {
            throw new HubException(Messages.Hub_adminRefused);
        }
        if (response.statusCode() >= 300) {
            String why = response.body();
            try {
                why = JSON.readTree(why).path("error").path("msg").asText(why);
            } catch (IOException e) {
                // not JSON: the body as it is
            }
            throw new HubException(NLS.bind(Messages.Hub_failed, r.uri(), why));
        }
        return response.body();
    }

    private static byte[] json(JsonNode n) throws IOException {
        return JSON.writeValueAsBytes(n);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
