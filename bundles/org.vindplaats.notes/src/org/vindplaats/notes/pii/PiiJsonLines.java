package org.vindplaats.notes.pii;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.notes.NoteFileFormat;
import org.vindplaats.notes.Problem;
import org.vindplaats.notes.internal.Messages;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Detection only, nothing stored: reads notes as JSON Lines (the import format) and writes one line
 * per note, {@code {"id": ..., "pii": [{"text": ..., "start": ..., "end": ..., "kind": ..., "field": ...}]}}.
 * {@code start}/{@code end} are character offsets (UTF-16, as Java and JavaScript count) into the
 * field named by {@code field} ({@code "title"} or {@code "body"}); {@code kind} is a
 * {@link PiiKind#id()} such as {@code phone}. Title matches come first, then body matches, each in
 * text order. A line that is not a JSON object is reported (file:line:column) and produces no output.
 * This is what {@code vindplaats notes pii --format jsonl FILE} prints.
 */
public final class PiiJsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PiiDetector detector;

    public PiiJsonLines(PiiDetector detector) {
        this.detector = detector;
    }

    /** What a scan saw. */
    public record Summary(int notes, int notesWithPii, int matches, int badLines) {
    }

    /** One output line for a note's id, title and body (no trailing newline). */
    public String line(String id, String title, String body) {
        return format(id, detectOrEmpty(title), detectOrEmpty(body));
    }

    private List<PiiMatch> detectOrEmpty(String text) {
        return text == null ? List.of() : detector.detect(text);
    }

    private static String format(String id, List<PiiMatch> title, List<PiiMatch> body) {
        ObjectNode out = JSON.createObjectNode();
        out.put("id", id);
        ArrayNode pii = out.putArray("pii");
        add(pii, "title", title);
        add(pii, "body", body);
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(ArrayNode pii, String field, List<PiiMatch> matches) {
        for (PiiMatch m : matches) {
            ObjectNode o = pii.addObject();
            o.put("text", m.text());
            o.put("start", m.start());
            o.put("end", m.end());
            o.put("kind", m.kind().id());
            o.put("field", field);
        }
    }

    /** Scans {@code file}, writing one line per note to {@code out} and bad lines to {@code problems}. */
    public Summary scan(Path file, Appendable out, Consumer<Problem> problems) throws IOException {
        int notes = 0;
        int withPii = 0;
        int matches = 0;
        int bad = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line; (line = r.readLine()) != null;) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    JsonLocation l = e.getLocation();
                    problems.accept(new Problem(file, lineNo, l == null ? 0 : Math.max(0, l.getColumnNr()),
                            Problem.Severity.ERROR,
                            NLS.bind(Messages.Jsonl_badJson, NoteFileFormat.cleanParserMessage(e.getOriginalMessage()))));
                    bad++;
                    continue;
                }
                if (n == null || !n.isObject()) {
                    problems.accept(Problem.error(file, lineNo, Messages.Jsonl_notObject));
                    bad++;
                    continue;
                }
                String id = n.hasNonNull("id") ? n.get("id").asText() : null;
                String title = text(n, "title");
                String body = text(n, "body") != null ? text(n, "body") : text(n, "text");
                List<PiiMatch> inTitle = detectOrEmpty(title);
                List<PiiMatch> inBody = detectOrEmpty(body);
                int count = inTitle.size() + inBody.size();
                notes++;
                matches += count;
                withPii += count > 0 ? 1 : 0;
                out.append(format(id, inTitle, inBody)).append('\n');
            }
        }
        return new Summary(notes, withPii, matches, bad);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    /** The matches of one text, for callers that want objects rather than JSON. */
    public List<PiiMatch> matches(String text) {
        return detector.detect(text);
    }
}
