package org.vindplaats.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.vindplaats.model.TrendNote;
import org.vindplaats.model.io.FileReplacement;

/**
 * The notes a worker chose to share with the knowledge centre ({@code notes import --share},
 * {@code hub share}): their ids, one per line, in the workspace ({@value #FILE}). Sharing is a
 * choice per note; nothing is shared by default. The next push sends them (scrubbed again) to the
 * shared collection, and removes there what is no longer shared.
 */
public final class SharedNotes {

    public static final String FILE = "hub-shared.txt";

    private SharedNotes() {
    }

    public static Set<String> ids(Path workspaceDir) throws IOException {
        Path f = workspaceDir.resolve(FILE);
        Set<String> ids = new TreeSet<>();
        if (Files.isRegularFile(f)) {
            Files.readAllLines(f, StandardCharsets.UTF_8).stream().map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(ids::add);
        }
        return ids;
    }

    /**
     * What a choice to share did.
     *
     * @param shared      the notes recorded as shared
     * @param keptPrivate the notes not shared because the worker kept personal data in them
     */
    public record Choice(List<String> shared, List<String> keptPrivate) {
        public Choice {
            shared = List.copyOf(shared);
            keptPrivate = List.copyOf(keptPrivate);
        }
    }

    /**
     * Shares these notes with the knowledge centre, except those in which the worker kept personal
     * data: such a note never leaves the workspace (a push keeps it back too), so it is not
     * recorded as shared. The workbench's share box and {@code hub share} both choose through here.
     */
    public static Choice share(Path workspaceDir, Collection<TrendNote> notes) throws IOException {
        List<String> shared = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (TrendNote n : notes) {
            (n.piiKept() ? kept : shared).add(n.id());
        }
        if (!shared.isEmpty()) {
            set(workspaceDir, shared, true);
        }
        return new Choice(shared, kept);
    }

    /** Shares ({@code share}) or stops sharing these notes; returns how many changed. */
    public static int set(Path workspaceDir, Collection<String> noteIds, boolean share) throws IOException {
        Set<String> ids = ids(workspaceDir);
        int before = ids.size();
        if (share) {
            ids.addAll(noteIds);
        } else {
            ids.removeAll(noteIds);
        }
        FileReplacement.write(workspaceDir.resolve(FILE), (String.join("\n", ids) + "\n").getBytes(StandardCharsets.UTF_8));
        return Math.abs(ids.size() - before);
    }
}
