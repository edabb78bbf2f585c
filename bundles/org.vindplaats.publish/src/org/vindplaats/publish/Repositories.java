package org.vindplaats.publish;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.model.io.FileReplacement;
import org.vindplaats.model.io.OwnerOnly;

/**
 * The plugin repositories this user installs and updates from: one URL a line in a text file,
 * followed by {@value #INSECURE} when the worker accepted a plain http: address on another machine.
 */
public final class Repositories {

    /** Marker after a URL the worker added with --insecure. */
    public static final String INSECURE = "insecure";

    private final Path file;

    public Repositories(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public synchronized List<URI> list() {
        return new ArrayList<>(entries().keySet());
    }

    /** Whether the worker explicitly accepted this plain http: repository. */
    public synchronized boolean acceptedInsecure(URI repository) {
        return Boolean.TRUE.equals(entries().get(repository));
    }

    /** Each listed repository and whether it was added with --insecure. */
    private java.util.Map<URI, Boolean> entries() {
        java.util.Map<URI, Boolean> out = new java.util.LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            int line = 0;
            for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                line++;
                String t = l.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] parts = t.split("\\s+");
                try {
                    out.put(RepositoryClient.location(parts[0]), parts.length > 1 && INSECURE.equals(parts[1]));
                } catch (IllegalArgumentException e) {
                    ILog.of(Repositories.class).warn(file + ":" + line + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            ILog.of(Repositories.class).warn(NLS.bind(Messages.Repo_listUnreadable, file, e.getMessage()));
        }
        return out;
    }

    /** @return false when it was already listed */
    public synchronized boolean add(URI repository) throws IOException {
        return add(repository, false);
    }

    /**
     * @param insecure the worker accepted a plain http: address on another machine
     * @return false when it was already listed (the insecure mark is updated)
     * @throws IllegalArgumentException for such an address without {@code insecure}
     */
    public synchronized boolean add(URI repository, boolean insecure) throws IOException {
        if (RepositoryClient.isInsecure(repository) && !insecure) {
            throw new IllegalArgumentException(NLS.bind(Messages.Repo_insecure, repository));
        }
        var all = entries();
        boolean mark = insecure && RepositoryClient.isInsecure(repository);
        Boolean was = all.put(repository, mark);
        save(all);
        return was == null;
    }

    /** @return false when it was not listed */
    public synchronized boolean remove(URI repository) throws IOException {
        var all = entries();
        if (all.remove(repository) == null) {
            return false;
        }
        save(all);
        return true;
    }

    private void save(java.util.Map<URI, Boolean> all) throws IOException {
        OwnerOnly.createDirectories(file.toAbsolutePath().getParent());
        StringBuilder sb = new StringBuilder("# Vindplaats plugin repositories (vindplaats repos add|remove)\n");
        all.forEach((u, insecure) -> sb.append(u).append(insecure ? " " + INSECURE : "").append('\n'));
        // Temp files of a save a crash interrupted; a younger one may be another program's save.
        FileReplacement.deleteLeftovers(file, Duration.ofMinutes(10));
        FileReplacement.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
