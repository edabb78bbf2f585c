package org.vindplaats.hub;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.vindplaats.model.io.FileReplacement;
import org.vindplaats.model.io.OwnerOnly;

/**
 * What the hub already holds of this workspace: note id and the revision sent. The outbox is the
 * difference with the workspace (new or changed notes, notes deleted here), so a push that
 * stopped half way (a crash, a lost connection, Ctrl+C) resumes where it was and sending a note
 * twice only replaces it with itself. Kept as an append-only log ({@value #FILE}, a line
 * "{@code id revision}" per note sent, "{@code id -}" per note removed), written after the hub
 * accepted each batch and compacted after a complete push.
 */
final class Outbox {

    static final String FILE = "hub-sent.log";
    /** The same for the copies shared with the knowledge centre. */
    static final String SHARED_FILE = "hub-shared-sent.log";
    private static final String REMOVED = "-";

    private final Path file;

    Outbox(Path workspaceDir) {
        this(workspaceDir, FILE);
    }

    Outbox(Path workspaceDir, String fileName) {
        this.file = workspaceDir.resolve(fileName);
    }

    /** Note id to the revision the hub holds. A torn last line (a crash while writing) is ignored. */
    Map<String, Long> sent() throws IOException {
        Map<String, Long> sent = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return sent;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.split(" ");
            if (parts.length != 2) {
                continue;
            }
            if (parts[1].equals(REMOVED)) {
                sent.remove(parts[0]);
            } else {
                try {
                    sent.put(parts[0], Long.parseLong(parts[1]));
                } catch (NumberFormatException e) {
                    // torn line
                }
            }
        }
        return sent;
    }

    /** Records notes the hub accepted (revision) or removed (null), durably, before going on. */
    void record(Map<String, Long> accepted) throws IOException {
        StringBuilder lines = new StringBuilder();
        accepted.forEach((id, rev) -> lines.append(id).append(' ').append(rev == null ? REMOVED : rev.toString()).append('\n'));
        try (FileChannel ch = OwnerOnly.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                Writer w = Channels.newWriter(ch, StandardCharsets.UTF_8)) {
            w.write(lines.toString());
            w.flush();
            ch.force(false);
        }
    }

    /** Rewrites the log as one line per note the hub holds. */
    void compact(Map<String, Long> sent) throws IOException {
        StringBuilder lines = new StringBuilder();
        sent.forEach((id, rev) -> lines.append(id).append(' ').append(rev).append('\n'));
        FileReplacement.write(file, lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Long> removed(Collection<String> ids) {
        Map<String, Long> m = new LinkedHashMap<>();
        ids.forEach(id -> m.put(id, null));
        return m;
    }
}
