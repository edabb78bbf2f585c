package org.vindplaats.hub;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.model.io.FileReplacement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which hub a workspace shares its notes with: the Solr URL, the team (its collection), the user
 * and the file holding that user's password. Kept in the workspace as {@value #FILE}, owner-only;
 * the password itself stays in the file it was given in (referenced, never copied). The origin is
 * this workspace's name in the hub: a note another workspace sent is never overwritten silently.
 */
public record HubConnection(URI url, String team, String user, Path passwordFile, String origin, boolean knowledgeCentre) {

    public static final String FILE = "hub.json";
    /** Team and account names: they become collection, role and user names in Solr. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,40}");

    /** A new connection of a team's workspace, with a new random origin: this workspace's name in the hub. */
    public HubConnection(URI url, String team, String user, Path passwordFile) {
        this(url, team, user, passwordFile, java.util.UUID.randomUUID().toString());
    }

    public HubConnection(URI url, String team, String user, Path passwordFile, String origin) {
        this(url, team, user, passwordFile, origin, false);
    }

    /**
     * A knowledge centre's connection: it reads the shared collection (where the teams' shared
     * notes are pooled) and sends nothing.
     */
    public static HubConnection knowledgeCentre(URI url, String knowledgeCentre, String user, Path passwordFile) {
        return new HubConnection(url, knowledgeCentre, user, passwordFile, java.util.UUID.randomUUID().toString(), true);
    }

    public HubConnection {
        check(team);
        check(user);
        url = url(url.toString());
    }

    /**
     * A hub address as typed: an http(s) Solr URL, without a trailing slash; otherwise an
     * {@link IllegalArgumentException} saying what to give.
     */
    public static URI url(String text) {
        String u = text.strip();
        try {
            URI url = URI.create(u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
            if ("http".equals(url.getScheme()) || "https".equals(url.getScheme())) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // not a URI at all: said below
        }
        throw new IllegalArgumentException(NLS.bind(Messages.Hub_badUrl, text));
    }

    static String check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(NLS.bind(Messages.Hub_badName, name));
        }
        return name;
    }

    /** The collection of a team. */
    public static String collection(String team) {
        return "team_" + team.replace('-', '_');
    }

    /** The collection this connection reads (and, for a team, writes). */
    public String collection() {
        return knowledgeCentre ? HubSetup.SHARED : collection(team);
    }

    /** The first line of the password file; a clear error naming the file when it cannot be read. */
    public char[] password() throws HubException {
        return password(passwordFile);
    }

    /**
     * The first line of a password file (the hub's accounts and the administrator's), without
     * surrounding white space; a clear error naming the file when it is missing or empty.
     */
    public static char[] password(Path file) throws HubException {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                throw new HubException(NLS.bind(Messages.Hub_emptyPasswordFile, file));
            }
            return lines.get(0).strip().toCharArray();
        } catch (IOException e) {
            throw new HubException(NLS.bind(Messages.Hub_noPasswordFile, file));
        }
    }

    /** The connection stored in {@code workspaceDir}, if any. */
    public static Optional<HubConnection> load(Path workspaceDir) throws HubException {
        Path file = workspaceDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = new ObjectMapper().readTree(file.toFile());
            for (String field : List.of("url", "team", "user", "passwordFile")) {
                if (n == null || !n.path(field).isTextual() || n.path(field).asText().isBlank()) {
                    throw new IllegalArgumentException(NLS.bind(Messages.Hub_settingMissing, field));
                }
            }
            boolean hasOrigin = n.path("origin").isTextual() && !n.path("origin").asText().isBlank();
            HubConnection c = new HubConnection(url(n.path("url").asText()), n.path("team").asText(), n.path("user").asText(),
                    Path.of(n.path("passwordFile").asText()), hasOrigin ? n.path("origin").asText() : java.util.UUID.randomUUID().toString(),
                    n.path("knowledgeCentre").asBoolean(false));
            if (!hasOrigin) {
                // Settings from before origins: the new one is kept, or every load would be another
                // workspace, and the hub would refuse this workspace's own notes as conflicts.
                try {
                    c.save(workspaceDir);
                } catch (IOException e) {
                    // A workspace that cannot be written cannot push either; reading the hub still works.
                }
            }
            return Optional.of(c);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Jackson's own words name its internals; the worker needs where and what to do.
            var at = e.getLocation();
            throw new HubException(NLS.bind(Messages.Hub_badConnectionFile, file,
                    NLS.bind(Messages.Hub_settingsNotJson, at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr())));
        } catch (IOException | IllegalArgumentException e) {
            throw new HubException(NLS.bind(Messages.Hub_badConnectionFile, file, e.getMessage()));
        }
    }

    /** Writes {@value #FILE} into the workspace (atomically, owner-only). */
    public void save(Path workspaceDir) throws IOException {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("url", url.toString()).put("team", team).put("user", user)
                .put("passwordFile", passwordFile.toAbsolutePath().normalize().toString()).put("origin", origin);
        if (knowledgeCentre) {
            n.put("knowledgeCentre", true);
        }
        FileReplacement.write(workspaceDir.resolve(FILE),
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
    }
}
