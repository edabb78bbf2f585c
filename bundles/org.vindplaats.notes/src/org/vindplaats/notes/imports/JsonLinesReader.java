package org.vindplaats.notes.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteFileFormat;
import org.vindplaats.notes.NoteStoreException;
import org.vindplaats.notes.internal.Labels;
import org.vindplaats.notes.internal.Messages;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON Lines: one object per line with {@code id, title, body, platforms, observed, lang, source}
 * and optionally {@code author} and worker-confirmed labels {@code needs, affordances, polarity,
 * urgency}. A line that is not a JSON object is skipped with its line and column; the rest imports.
 */
final class JsonLinesReader {

    /** A line longer than this is skipped unread (a JSON Lines note is a few kB). */
    static final int MAX_LINE_CHARS = 1_000_000;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> FIELDS = Set.of("id", "title", "body", "text", "platforms", "platform",
            "observed", "date", "lang", "language", "source", "url", "author", "team", "needs", "affordances",
            "polarity", "urgency", "pii", "created", "updated", "expires");
    private static final Map<String, String> ALIASES = Map.of("text", "body", "platform", "platforms", "date",
            "observed", "language", "lang", "url", "source", "team", "author");

    private JsonLinesReader() {
    }

    static void read(Path file, ImportSession session, IProgressMonitor monitor) throws IOException, NoteStoreException {
        long lines = countLines(file);
        SubMonitor progress = SubMonitor.convert(monitor, NLS.bind(Messages.Import_reading, file.getFileName()),
                (int) Math.min(Integer.MAX_VALUE, Math.max(1, lines)));
        Set<String> warnedFields = new HashSet<>();
        try (InputStream in = Files.newInputStream(file);
                Reader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE))) {
            BoundedLines reader = new BoundedLines(r, MAX_LINE_CHARS);
            int lineNo = 0;
            String line;
            while ((line = reader.next()) != null) {
                lineNo++;
                if (progress.isCanceled()) {
                    throw new OperationCanceledException();
                }
                progress.split(1);
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (reader.lastWasTooLong()) {
                    session.skip(file, lineNo, NLS.bind(Messages.Jsonl_tooLong, MAX_LINE_CHARS));
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                Draft d = parseLine(file, lineNo, line, session, warnedFields);
                if (d != null) {
                    session.offer(d);
                }
            }
        }
    }

    private static long countLines(Path file) throws IOException {
        long count = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            boolean any = false;
            byte last = '\n';
            while ((n = in.read(buf)) > 0) {
                any = true;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        count++;
                    }
                }
                last = buf[n - 1];
            }
            if (any && last != '\n') {
                count++;
            }
        }
        return count;
    }

    static Draft parseLine(Path file, int lineNo, String line, ImportSession session, Set<String> warnedFields) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int column = loc == null ? 0 : Math.max(0, loc.getColumnNr());
            session.skip(new org.vindplaats.notes.Problem(file, lineNo, column,
                    org.vindplaats.notes.Problem.Severity.ERROR,
                    NLS.bind(Messages.Jsonl_badJson, NoteFileFormat.cleanParserMessage(e.getOriginalMessage()))));
            return null;
        }
        if (root == null || !root.isObject()) {
            session.skip(file, lineNo, Messages.Jsonl_notObject);
            return null;
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!FIELDS.contains(name) && warnedFields.add(name)) {
                session.warn(file, lineNo, NLS.bind(Messages.Jsonl_unknownField, name));
            }
        }
        for (String field : List.of("title", "body", "text", "observed", "lang", "source", "author", "polarity",
                "urgency")) {
            JsonNode v = root.get(field);
            if (v != null && v.isContainerNode()) {
                session.skip(file, lineNo, NLS.bind(Messages.Jsonl_notText, field));
                return null;
            }
        }
        String id = text(root, "id");
        NoteBuilder b = NoteBuilder.create("");
        b.title(NoteFileFormat.oneLine(text(root, "title")));
        b.body(NoteFileFormat.canonicalBody(text(root, "body")));
        String observed = text(root, "observed");
        if (observed != null && !observed.isBlank()) {
            var date = NoteFileFormat.parseDate(observed);
            if (date == null) {
                session.warn(file, lineNo, NLS.bind(Messages.Jsonl_badDate, observed));
            }
            b.observed(date);
        }
        String lang = text(root, "lang");
        b.language(lang == null || lang.isBlank() ? null : lang.strip().toLowerCase(java.util.Locale.ROOT));
        b.source(blankToNull(text(root, "source")));
        b.author(blankToNull(text(root, "author")));
        Set<LabelFamily> labelled = EnumSet.noneOf(LabelFamily.class);

        Set<String> platforms = new LinkedHashSet<>();
        for (String p : values(root, "platforms")) {
            Labels.Parsed<String> parsed = Labels.platform(p);
            if (parsed.ok()) {
                platforms.add(parsed.value());
            } else {
                session.warn(file, lineNo, parsed.error());
            }
        }
        b.platforms(List.copyOf(platforms));
        if (!platforms.isEmpty()) {
            labelled.add(LabelFamily.PLATFORMS);
        }

        Set<Need> needs = EnumSet.noneOf(Need.class);
        if (labels(root, "needs", Labels::need, needs, file, lineNo, session)) {
            b.needs(needs);
            labelled.add(LabelFamily.NEEDS);
        }
        Set<Affordance> affordances = EnumSet.noneOf(Affordance.class);
        if (labels(root, "affordances", Labels::affordance, affordances, file, lineNo, session)) {
            b.affordances(affordances);
            labelled.add(LabelFamily.AFFORDANCES);
        }
        String polarity = text(root, "polarity");
        if (polarity != null && !polarity.isBlank()) {
            var p = Labels.polarity(polarity);
            if (p.ok()) {
                b.polarity(p.value());
                labelled.add(LabelFamily.POLARITY);
            } else {
                session.warn(file, lineNo, NLS.bind(Messages.Jsonl_labelIgnored, p.error()));
            }
        }
        String urgency = text(root, "urgency");
        if (urgency != null && !urgency.isBlank()) {
            var u = Labels.urgency(urgency);
            if (u.ok()) {
                b.urgency(u.value());
                labelled.add(LabelFamily.URGENCY);
            } else {
                session.warn(file, lineNo, NLS.bind(Messages.Jsonl_labelIgnored, u.error()));
            }
        }
        return new Draft(id == null ? null : id.strip(), b.build(), labelled, "jsonl", null, file, lineNo);
    }

    /**
     * Reads one label family. All values must be known for the family to count as confirmed: a
     * typo drops the family (with a warning and a "did you mean") rather than confirming a partial set.
     *
     * @return true when the line gave a complete, valid set
     */
    private static <E> boolean labels(JsonNode root, String field, java.util.function.Function<String, Labels.Parsed<E>> lookup,
            Set<E> out, java.nio.file.Path file, int lineNo, ImportSession session) {
        List<String> raw = values(root, field);
        if (raw.isEmpty()) {
            return false;
        }
        boolean ok = true;
        for (String v : raw) {
            Labels.Parsed<E> p = lookup.apply(v);
            if (p.ok()) {
                out.add(p.value());
            } else {
                ok = false;
                session.warn(file, lineNo, NLS.bind(Messages.Jsonl_labelIgnored, p.error()));
            }
        }
        if (!ok) {
            out.clear();
        }
        return ok;
    }

    private static List<String> values(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null) {
            n = ALIASES.entrySet().stream().filter(e -> e.getValue().equals(field)).map(e -> root.get(e.getKey()))
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (n.isArray()) {
            java.util.ArrayList<String> out = new java.util.ArrayList<>();
            for (JsonNode item : n) {
                if (item.isValueNode() && !item.asText().isBlank()) {
                    out.add(item.asText().strip());
                }
            }
            return out;
        }
        if (n.isValueNode()) {
            return java.util.Arrays.stream(n.asText().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .toList();
        }
        return List.of();
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null) {
            for (Map.Entry<String, String> e : ALIASES.entrySet()) {
                if (e.getValue().equals(field) && root.has(e.getKey())) {
                    n = root.get(e.getKey());
                    break;
                }
            }
        }
        return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : NoteFileFormat.oneLine(s);
    }

    /** Reads lines without ever holding more than {@code max} characters of one line in memory. */
    static final class BoundedLines {
        private final Reader reader;
        private final int max;
        private final char[] buf = new char[8192];
        private int pos;
        private int len;
        private boolean tooLong;
        private boolean eof;

        BoundedLines(Reader reader, int max) {
            this.reader = reader;
            this.max = max;
        }

        boolean lastWasTooLong() {
            return tooLong;
        }

        String next() throws IOException {
            if (eof && pos >= len) {
                return null;
            }
            StringBuilder sb = new StringBuilder();
            tooLong = false;
            boolean any = false;
            while (true) {
                if (pos >= len) {
                    len = reader.read(buf);
                    pos = 0;
                    if (len <= 0) {
                        eof = true;
                        len = 0;
                        return any ? finish(sb) : null;
                    }
                }
                any = true;
                char c = buf[pos++];
                if (c == '\n') {
                    return finish(sb);
                }
                if (sb.length() < max) {
                    sb.append(c);
                } else {
                    tooLong = true;
                }
            }
        }

        private String finish(StringBuilder sb) {
            int n = sb.length();
            if (n > 0 && sb.charAt(n - 1) == '\r') {
                sb.setLength(n - 1);
            }
            return tooLong ? "" : sb.toString();
        }
    }
}
