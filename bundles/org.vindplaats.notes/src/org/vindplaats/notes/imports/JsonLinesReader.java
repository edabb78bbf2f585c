package org.vindplaats.notes.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.vindplaats.model.SafeText;
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
 * and optionally {@code author} and worker-confirmed labels {@code needs, affordances, phenomena
 * (fenomenen: thesaurus ids), polarity, urgency}. A line that is not a JSON object is skipped with its line and column; the rest imports.
 */
final class JsonLinesReader {

    /** A line longer than this is skipped unread (a JSON Lines note is a few kB). */
    static final int MAX_LINE_CHARS = 1_000_000;
    /** The same limit in bytes (a character is at most 4 bytes of UTF-8), checked before decoding. */
    private static final int MAX_LINE_BYTES = 4 * MAX_LINE_CHARS;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> FIELDS = Set.of("id", "title", "body", "text", "platforms", "platform",
            "observed", "date", "lang", "language", "source", "url", "author", "team", "needs", "affordances",
            "phenomena", "fenomenen", "polarity", "urgency", "pii", "created", "updated", "expires");
    private static final Map<String, String> ALIASES = Map.of("text", "body", "platform", "platforms", "date",
            "observed", "language", "lang", "url", "source", "team", "author", "fenomenen", "phenomena");

    private JsonLinesReader() {
    }

    static void read(Path file, ImportSession session, IProgressMonitor monitor) throws IOException, NoteStoreException {
        long lines = countLines(file);
        SubMonitor progress = SubMonitor.convert(monitor, NLS.bind(Messages.Import_reading, file.getFileName()),
                (int) Math.min(Integer.MAX_VALUE, Math.max(1, lines)));
        Set<String> warnedFields = new HashSet<>();
        List<Integer> windows1252 = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            ByteLines reader = new ByteLines(in, MAX_LINE_BYTES);
            int lineNo = 0;
            byte[] bytes;
            while ((bytes = reader.next()) != null) {
                lineNo++;
                if (progress.isCanceled()) {
                    throw new OperationCanceledException();
                }
                progress.split(1);
                if (reader.lastWasTooLong()) {
                    session.skip(file, lineNo, NLS.bind(Messages.Jsonl_tooLong, MAX_LINE_CHARS));
                    continue;
                }
                String line = decode(bytes);
                if (line == null) {
                    line = decodeWindows1252(bytes);
                    if (line == null) {
                        session.skip(file, lineNo, NLS.bind(Messages.Jsonl_badEncoding, firstBadByte(bytes)));
                        continue;
                    }
                    windows1252.add(lineNo);
                }
                if (line.length() > MAX_LINE_CHARS) {
                    session.skip(file, lineNo, NLS.bind(Messages.Jsonl_tooLong, MAX_LINE_CHARS));
                    continue;
                }
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                Draft d = parseLine(file, lineNo, line, session, warnedFields);
                if (d != null) {
                    session.offer(d);
                }
            }
        } finally {
            if (!windows1252.isEmpty()) {
                session.warn(file, windows1252.get(0), NLS.bind(Messages.Jsonl_windows1252, lineList(windows1252)));
            }
        }
    }

    /**
     * Strict UTF-8, or null. Why not decode with replacement characters: a note would be stored
     * with U+FFFD where the worker's letters were, and nobody would notice until it is read.
     */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Excel and older Windows tools save text as Windows-1252 ("ANSI"): a line that is not UTF-8
     * is read that way, with a warning naming the lines, rather than refused, so a worker's export
     * still imports with its accents right. Null when even that fails (the five bytes
     * Windows-1252 leaves undefined: then the file is something else, and the line is refused).
     */
    static String decodeWindows1252(byte[] bytes) {
        try {
            return Charset.forName("windows-1252").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException | IllegalArgumentException e) {
            return null;
        }
    }

    /** "column 12 (byte 0x81)": where strict UTF-8 decoding first fails. */
    private static String firstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        int at = Math.min(in.position(), bytes.length - 1);
        return NLS.bind(Messages.Jsonl_badByte, out.position() + 1, String.format("0x%02X", bytes[Math.max(0, at)] & 0xff));
    }

    /** "3, 7, 12" (at most 20 numbers, then "and N more"). */
    private static String lineList(List<Integer> lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size() && i < 20; i++) {
            sb.append(i == 0 ? "" : ", ").append(lines.get(i));
        }
        if (lines.size() > 20) {
            sb.append(' ').append(NLS.bind(Messages.Jsonl_andMore, lines.size() - 20));
        }
        return sb.toString();
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
                session.warn(file, lineNo, NLS.bind(Messages.Jsonl_unknownField, SafeText.cleanLine(name)));
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
        // The id as written: one with control characters is refused (NoteIds says why), not silently changed.
        JsonNode idNode = root.get("id");
        String id = idNode == null || idNode.isNull() || idNode.isContainerNode() ? null : idNode.asText();
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
        Set<String> phenomena = new java.util.LinkedHashSet<>();
        if (labels(root, "phenomena", Labels::phenomenon, phenomena, file, lineNo, session)) {
            b.phenomena(phenomena);
            labelled.add(LabelFamily.PHENOMENA);
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
                String v = SafeText.cleanLine(item.asText());
                if (item.isValueNode() && !v.isBlank()) {
                    out.add(v.strip());
                }
            }
            return out;
        }
        if (n.isValueNode()) {
            return java.util.Arrays.stream(SafeText.cleanLine(n.asText()).split(",")).map(String::strip).filter(s -> !s.isEmpty())
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
        // Cleaned here too, not only when stored: warnings quote these values.
        return n == null || n.isNull() || n.isContainerNode() ? null : SafeText.clean(n.asText());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : NoteFileFormat.oneLine(s);
    }

    /**
     * Reads lines as bytes (split at '\n', which is the same byte in UTF-8 and Windows-1252, a
     * trailing '\r' removed) without ever holding more than {@code max} bytes of one line, so each
     * line can be decoded on its own and a bad line named.
     */
    static final class ByteLines {
        private final InputStream in;
        private final int max;
        private final byte[] buf = new byte[8192];
        private int pos;
        private int len;
        private boolean tooLong;
        private boolean eof;

        ByteLines(InputStream in, int max) {
            this.in = in;
            this.max = max;
        }

        boolean lastWasTooLong() {
            return tooLong;
        }

        byte[] next() throws IOException {
            if (eof && pos >= len) {
                return null;
            }
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            tooLong = false;
            boolean any = false;
            while (true) {
                if (pos >= len) {
                    len = in.read(buf);
                    pos = 0;
                    if (len <= 0) {
                        eof = true;
                        len = 0;
                        return any ? finish(line) : null;
                    }
                }
                any = true;
                int start = pos;
                while (pos < len && buf[pos] != '\n') {
                    pos++;
                }
                int n = pos - start;
                if (line.size() + n <= max) {
                    line.write(buf, start, n);
                } else {
                    tooLong = true;
                }
                if (pos < len) {
                    pos++; // the newline
                    return finish(line);
                }
            }
        }

        private byte[] finish(java.io.ByteArrayOutputStream line) {
            if (tooLong) {
                return new byte[0];
            }
            byte[] b = line.toByteArray();
            return b.length > 0 && b[b.length - 1] == '\r' ? java.util.Arrays.copyOf(b, b.length - 1) : b;
        }
    }
}
