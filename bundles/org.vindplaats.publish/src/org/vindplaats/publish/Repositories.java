package org.vindplaats.publish;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.model.io.FileReplacement;
import org.vindplaats.model.io.OwnerOnly;

/** The plugin repositories this user installs and updates from: one URL a line in a text file. */
public final class Repositories {

    private final Path file;

    public Repositories(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public synchronized List<URI> list() {
        List<URI> out = new ArrayList<>();
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
                try {
                    out.add(RepositoryClient.location(t));
                } catch (IllegalArgumentException e) {
                    System.err.println("vindplaats: " + file + ":" + line + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            System.err.println("vindplaats: " + NLS.bind(Messages.Repo_listUnreadable, file, e.getMessage()));
        }
        return out;
    }

    /** @return false when it was already listed */
    public synchronized boolean add(URI repository) throws IOException {
        List<URI> all = list();
        if (all.contains(repository)) {
            return false;
        }
        all.add(repository);
        save(all);
        return true;
    }

    /** @return false when it was not listed */
    public synchronized boolean remove(URI repository) throws IOException {
        List<URI> all = list();
        if (!all.remove(repository)) {
            return false;
        }
        save(all);
        return true;
    }

    private void save(List<URI> all) throws IOException {
        OwnerOnly.createDirectories(file.toAbsolutePath().getParent());
        StringBuilder sb = new StringBuilder("# Vindplaats plugin repositories (vindplaats repos add|remove)\n");
        all.forEach(u -> sb.append(u).append('\n'));
        // Temp files of a save a crash interrupted; a younger one may be another program's save.
        FileReplacement.deleteLeftovers(file, Duration.ofMinutes(10));
        FileReplacement.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
