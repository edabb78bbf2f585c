package org.vindplaats.notes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.notes.internal.Labels;
import org.vindplaats.notes.internal.Messages;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The on-disk form of a note: a YAML front matter block between two {@code ---} lines holding
 * every field except the body, then the body as Markdown. UTF-8, LF line ends, keys in a fixed
 * order, one value or list item per line, so a team can diff, merge and review notes in git.
 *
 * <pre>
 * ---
 * id: dev-001
 * revision: 2
 * title: Expose-account over meiden uit de brugklas
 * observed: 2025-02-11
 * lang: nl
 * source: team observation
 * author: Team Noord
 * platforms:
 * - instagram
 * needs:
 * - identity
 * - relationships
 * affordances: []
 * phenomena:
 * - exposing_pages
 * polarity: risk
 * urgency: concern
 * confirmed:
 * - needs
 * - polarity
 * piiKept: false
 * created: 2025-02-11T09:30:00Z
 * updated: 2025-02-12T10:00:00Z
 * expires: 2027-02-11
 * ---
 *
 * Sinds vorige week circuleert ...
 * </pre>
 *
 * {@link Mode#STORE} reads the store's own files strictly; {@link Mode#IMPORT} reads Markdown
 * notes written by people: the id may be missing, a few aliases are understood ({@code date},
 * {@code language}, {@code team}, {@code platform}, {@code url}), labels may be a comma-separated
 * string, and a file without front matter is just a body.
 */
public final class NoteFileFormat {

    /** File name extension of note files in {@code notes/}. */
    public static final String EXTENSION = ".md";

    static final String DELIMITER = "---";

    /** YAML 1.1 numbers (ints, floats, hex, octal, sexagesimal, .inf, .nan): plain, they would read back as numbers. */
    private static final java.util.regex.Pattern YAML_NUMBER = java.util.regex.Pattern.compile(
            "(?i)[-+]?(?:0x[0-9a-f_]+|0o?[0-7_]+|0b[01_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?"
                    + "|(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?(?:e[-+]?[0-9]+)?|\\.inf|\\.nan)");

    /** Jackson's minimal quoting, plus quotes for anything a YAML reader would take for a number. */
    private static final class QuoteNumbers extends com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || (!value.isEmpty() && YAML_NUMBER.matcher(value).matches());
        }
    }

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .stringQuotingChecker(new QuoteNumbers())
            .build());

    private static final List<String> KEYS = List.of("id", "revision", "title", "observed", "lang", "source",
            "author", "platforms", "needs", "affordances", "phenomena", "polarity", "urgency", "confirmed", "piiKept", "created",
            "updated", "expires");
    private static final Map<String, String> IMPORT_ALIASES = Map.of("date", "observed", "language", "lang", "team",
            "author", "platform", "platforms", "url", "source", "pii_kept", "piiKept", "tags", "platforms", "fenomenen",
            "phenomena");

    public enum Mode {
        /** The store's own files: id, revision and valid dates are required. */
        STORE,
        /** Markdown written by people: lenient, id optional. */
        IMPORT
    }

    /**
     * A parsed note file.
     *
     * @param note the note; its id is "" when an {@link Mode#IMPORT} file has none
     * @param revision the stored revision (0 when absent)
     * @param labelled the label families that had a value in the front matter
     * @param warnings what was ignored or changed, with line numbers
     */
    public record Parsed(TrendNote note, long revision, Set<LabelFamily> labelled, List<Problem> warnings) {
        public boolean hasId() {
            return !note.id().isEmpty();
        }
    }

    private NoteFileFormat() {
    }

    /** The note as file text (see the class comment). */
    public static String format(TrendNote note, long revision) {
        ObjectNode n = YAML.createObjectNode();
        n.put("id", note.id());
        n.put("revision", revision);
        n.put("title", oneLine(note.title()));
        if (note.observed() != null) {
            n.put("observed", note.observed().toString());
        }
        putIfPresent(n, "lang", note.language());
        putIfPresent(n, "source", note.source());
        putIfPresent(n, "author", note.author());
        ArrayNode platforms = n.putArray("platforms");
        note.platforms().forEach(platforms::add);
        ArrayNode needs = n.putArray("needs");
        note.needs().forEach(need -> needs.add(need.id()));
        ArrayNode affordances = n.putArray("affordances");
        note.affordances().forEach(a -> affordances.add(a.id()));
        if (!note.phenomena().isEmpty()) { // written only when there are any: older notes stay byte for byte
            ArrayNode phenomena = n.putArray("phenomena");
            note.phenomena().forEach(phenomena::add);
        }
        if (note.polarity() != null) {
            n.put("polarity", note.polarity().id());
        }
        if (note.urgency() != null) {
            n.put("urgency", note.urgency().id());
        }
        ArrayNode confirmed = n.putArray("confirmed");
        note.confirmed().forEach(f -> confirmed.add(f.id()));
        n.put("piiKept", note.piiKept());
        if (note.created() != null) {
            n.put("created", note.created().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        if (note.updated() != null) {
            n.put("updated", note.updated().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        if (note.expires() != null) {
            n.put("expires", note.expires().toString());
        }
        String yaml;
        try {
            yaml = YAML.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write front matter of note " + note.id(), e);
        }
        StringBuilder b = new StringBuilder(yaml.length() + note.body().length() + 16);
        b.append(DELIMITER).append('\n').append(yaml.replace("\r\n", "\n"));
        if (!yaml.endsWith("\n")) {
            b.append('\n');
        }
        b.append(DELIMITER).append('\n');
        String body = canonicalBody(note.body());
        if (!body.isEmpty()) {
            b.append('\n').append(body).append('\n');
        }
        return b.toString();
    }

    /** {@link #format} as UTF-8 bytes. */
    public static byte[] toBytes(TrendNote note, long revision) {
        return format(note, revision).getBytes(StandardCharsets.UTF_8);
    }

    /** The body as it is stored: LF line ends, no leading blank lines, no trailing white space. */
    public static String canonicalBody(String body) {
        if (body == null) {
            return "";
        }
        String s = body.replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
        int start = 0;
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n')) {
            if (s.charAt(i) == '\n') {
                start = i + 1;
            }
            i++;
        }
        return s.substring(start);
    }

    /**
     * A parser's message without Jackson's location boilerplate ("[Source: REDACTED ...; line: 1,
     * column: 1]"): the caller reports file, line and column itself.
     */
    public static String cleanParserMessage(String message) {
        if (message == null) {
            return "";
        }
        String m = message.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s*at \\[Source:[^\\]]*\\]", "").replaceAll("\\[Source:[^\\]]*\\]", "");
        return oneLine(m);
    }

    /** A title, author or source on one line: line breaks and runs of white space become one space. */
    public static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private static void putIfPresent(ObjectNode n, String key, String value) {
        if (value != null && !value.isBlank()) {
            n.put(key, oneLine(value));
        }
    }

    /** Reads a note file; throws when it cannot be understood at all (the problem names file and line). */
    public static Parsed parse(String fileText, Path file, Mode mode) throws NoteFormatException {
        String text = fileText;
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        String fallbackId = mode == Mode.STORE ? idFromFileName(file) : "";
        if (!(text.startsWith(DELIMITER + "\n") || text.strip().equals(DELIMITER))) {
            if (mode == Mode.STORE) {
                throw new NoteFormatException(fallbackId,
                        Problem.error(file, 1, Messages.NoteFile_noFrontMatter));
            }
            TrendNote note = NoteBuilder.create("").body(canonicalBody(text)).build();
            return new Parsed(note, 0, EnumSet.noneOf(LabelFamily.class), List.of());
        }
        int yamlStart = DELIMITER.length() + 1;
        int close = -1;
        int pos = yamlStart;
        while (pos <= text.length()) {
            int eol = text.indexOf('\n', pos);
            String line = (eol < 0 ? text.substring(pos) : text.substring(pos, eol)).stripTrailing();
            if (line.equals(DELIMITER) || line.equals("...")) {
                close = pos;
                break;
            }
            if (eol < 0) {
                break;
            }
            pos = eol + 1;
        }
        if (close < 0) {
            throw new NoteFormatException(fallbackId, Problem.error(file, 1, Messages.NoteFile_unclosedFrontMatter));
        }
        String yaml = text.substring(Math.min(yamlStart, close), close);
        int bodyStart = text.indexOf('\n', close);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        return new Reader(file, mode, yaml, fallbackId).read(body);
    }

    /** The id a store file name stands for: {@code dev-001.md} → {@code dev-001}. */
    static String idFromFileName(Path file) {
        if (file == null || file.getFileName() == null) {
            return "";
        }
        String name = file.getFileName().toString();
        return name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
    }

    /** Turns the front matter tree into a note, collecting problems with line numbers. */
    private static final class Reader {
        private final Path file;
        private final Mode mode;
        private final String yaml;
        private final String fallbackId;
        private final Map<String, Integer> lines = new HashMap<>();
        private final List<Problem> warnings = new ArrayList<>();
        private final Set<LabelFamily> labelled = EnumSet.noneOf(LabelFamily.class);

        Reader(Path file, Mode mode, String yaml, String fallbackId) {
            this.file = file;
            this.mode = mode;
            this.yaml = yaml;
            this.fallbackId = fallbackId;
        }

        Parsed read(String body) throws NoteFormatException {
            JsonNode root;
            try {
                root = yaml.isBlank() ? YAML.createObjectNode() : YAML.readTree(yaml);
            } catch (JsonProcessingException e) {
                JsonLocation loc = e.getLocation();
                int line = loc == null ? 1 : Math.max(1, loc.getLineNr()) + 1;
                int column = loc == null ? 0 : Math.max(0, loc.getColumnNr());
                throw new NoteFormatException(fallbackId, new Problem(file, line, column, Problem.Severity.ERROR,
                        NLS.bind(Messages.NoteFile_badYaml, cleanParserMessage(e.getOriginalMessage()))));
            }
            if (root == null || root.isNull()) {
                root = YAML.createObjectNode();
            }
            if (!root.isObject()) {
                throw new NoteFormatException(fallbackId, Problem.error(file, 2, Messages.NoteFile_notAMapping));
            }
            ObjectNode fields = normaliseKeys((ObjectNode) root);

            String id = text(fields, "id");
            if (id == null || id.isBlank()) {
                if (mode == Mode.STORE) {
                    throw new NoteFormatException(fallbackId, Problem.error(file, 2, Messages.NoteFile_noId));
                }
                id = "";
            } else {
                id = id.strip();
                var idProblem = NoteIds.problem(id);
                if (idProblem.isPresent()) {
                    // Ids become file names: an unsafe one ("../x") is refused, never repaired silently.
                    throw new NoteFormatException(fallbackId, Problem.error(file, line("id"), idProblem.get()));
                }
            }
            if (mode == Mode.STORE && !id.equals(fallbackId)) {
                throw new NoteFormatException(fallbackId,
                        Problem.error(file, line("id"), NLS.bind(Messages.NoteFile_idMismatch, id, fallbackId)));
            }

            long revision = 0;
            JsonNode rev = fields.get("revision");
            if (rev != null && !rev.isNull()) {
                if (rev.canConvertToLong() && rev.isIntegralNumber() && rev.asLong() >= 0) {
                    revision = rev.asLong();
                } else if (mode == Mode.STORE) {
                    throw new NoteFormatException(id,
                            Problem.error(file, line("revision"), NLS.bind(Messages.NoteFile_badRevision, rev.asText())));
                }
            }

            NoteBuilder b = NoteBuilder.create(id).body(canonicalBody(body));
            b.title(oneLine(text(fields, "title")));
            b.observed(date(fields, "observed", mode == Mode.STORE));
            String lang = text(fields, "lang");
            b.language(lang == null || lang.isBlank() ? null : lang.strip().toLowerCase(Locale.ROOT));
            b.source(blankToNull(text(fields, "source")));
            b.author(blankToNull(text(fields, "author")));
            b.platforms(ids(fields, "platforms", LabelFamily.PLATFORMS, Labels::platform));
            b.needs(enumList(fields, "needs", LabelFamily.NEEDS, Labels::need, Need.class));
            b.affordances(enumList(fields, "affordances", LabelFamily.AFFORDANCES, Labels::affordance,
                    Affordance.class));
            b.phenomena(ids(fields, "phenomena", LabelFamily.PHENOMENA, Labels::phenomenon));
            b.polarity(single(fields, "polarity", LabelFamily.POLARITY, Labels::polarity));
            b.urgency(single(fields, "urgency", LabelFamily.URGENCY, Labels::urgency));
            Set<LabelFamily> confirmed = EnumSet.noneOf(LabelFamily.class);
            if (fields.has("confirmed")) {
                for (Item item : items(fields, "confirmed")) {
                    Labels.Parsed<LabelFamily> f = Labels.family(item.text);
                    if (f.ok()) {
                        confirmed.add(f.value());
                    } else {
                        warnAt(item.line(), f.error());
                    }
                }
            } else if (mode == Mode.IMPORT) {
                // Labels a person wrote into a Markdown note are that person's judgement.
                confirmed.addAll(labelled);
            }
            b.confirmed(confirmed);
            JsonNode pii = fields.get("piiKept");
            b.piiKept(pii != null && (pii.asBoolean(false) || "true".equalsIgnoreCase(pii.asText())));
            b.created(instant(fields, "created"));
            b.updated(instant(fields, "updated"));
            b.expires(date(fields, "expires", mode == Mode.STORE));

            for (Iterator<String> it = fields.fieldNames(); it.hasNext();) {
                String key = it.next();
                if (!KEYS.contains(key)) {
                    warn(key, NLS.bind(Messages.NoteFile_unknownField, key));
                }
            }
            return new Parsed(b.build(), revision, labelled, List.copyOf(warnings));
        }

        private ObjectNode normaliseKeys(ObjectNode root) {
            if (mode == Mode.STORE) {
                return root;
            }
            ObjectNode out = YAML.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey().strip();
                String canonical = IMPORT_ALIASES.getOrDefault(key.toLowerCase(Locale.ROOT), key);
                if (!KEYS.contains(canonical) && KEYS.contains(key.toLowerCase(Locale.ROOT))) {
                    canonical = key.toLowerCase(Locale.ROOT);
                }
                if (!canonical.equals(key)) {
                    locateLines();
                    lines.putIfAbsent(canonical, lines.get(key));
                    for (int i = 0; lines.containsKey(key + "[" + i + "]"); i++) {
                        lines.putIfAbsent(canonical + "[" + i + "]", lines.get(key + "[" + i + "]"));
                    }
                }
                if (!out.has(canonical)) {
                    out.set(canonical, e.getValue());
                }
            }
            return out;
        }

        private boolean located;

        /**
         * Records the file line of every top-level key and list item ({@code key}, {@code key[i]}).
         * Only done when a problem needs a line number: most notes never pay for the second pass.
         */
        private void locateLines() {
            if (located) {
                return;
            }
            located = true;
            try (JsonParser p = YAML.getFactory().createParser(yaml)) {
                int depth = 0;
                String field = null;
                int index = 0;
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    int line = p.currentTokenLocation().getLineNr() + 1;
                    switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        depth++;
                        if (depth == 2 && t == JsonToken.START_ARRAY) {
                            index = 0;
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> {
                        if (depth == 1) {
                            field = p.currentName();
                            lines.put(field, line);
                        }
                    }
                    default -> {
                        if (depth == 2 && field != null) {
                            lines.put(field + "[" + index++ + "]", line);
                        }
                    }
                    }
                }
            } catch (java.io.IOException e) {
                // The tree was read already, so this cannot happen; without lines, problems point at line 2.
            }
        }

        private int line(String key) {
            locateLines();
            return lines.getOrDefault(key, 2);
        }

        private int itemLine(String key, int index) {
            locateLines();
            return lines.getOrDefault(key + "[" + index + "]", line(key));
        }

        private void warn(String key, String message) {
            warnAt(line(key), message);
        }

        private void warnAt(int line, String message) {
            warnings.add(Problem.warning(file, line, message));
        }

        private static String text(ObjectNode fields, String key) {
            JsonNode n = fields.get(key);
            if (n == null || n.isNull() || n.isContainerNode()) {
                return null;
            }
            return n.asText();
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : oneLine(s);
        }

        /** A list value; its line is looked up only when a problem is reported. */
        private record Item(String text, java.util.function.IntSupplier lineLookup) {
            int line() {
                return lineLookup.getAsInt();
            }
        }

        /** The values of a list field; a scalar counts as a comma-separated list. */
        private List<Item> items(ObjectNode fields, String key) {
            JsonNode n = fields.get(key);
            List<Item> out = new ArrayList<>();
            if (n == null || n.isNull()) {
                return out;
            }
            if (n.isArray()) {
                int i = 0;
                for (JsonNode item : n) {
                    int index = i++;
                    if (item.isValueNode() && !item.asText().isBlank()) {
                        out.add(new Item(item.asText().strip(), () -> itemLine(key, index)));
                    } else if (!item.isValueNode()) {
                        warnAt(itemLine(key, index), NLS.bind(Messages.NoteFile_notAValue, key));
                    }
                }
            } else if (n.isValueNode()) {
                for (String part : n.asText().split(",")) {
                    if (!part.isBlank()) {
                        out.add(new Item(part.strip(), () -> line(key)));
                    }
                }
            } else {
                warn(key, NLS.bind(Messages.NoteFile_notAList, key));
            }
            return out;
        }

        /** A list of ids (platforms, phenomena): each checked, a bad one named with its line and left out. */
        private List<String> ids(ObjectNode fields, String key, LabelFamily family,
                java.util.function.Function<String, Labels.Parsed<String>> lookup) {
            Set<String> out = new LinkedHashSet<>();
            for (Item item : items(fields, key)) {
                Labels.Parsed<String> p = lookup.apply(item.text);
                if (p.ok()) {
                    out.add(p.value());
                } else {
                    warnAt(item.line(), p.error());
                }
            }
            if (!out.isEmpty()) {
                labelled.add(family);
            }
            return List.copyOf(out);
        }

        private <E extends Enum<E>> Set<E> enumList(ObjectNode fields, String key, LabelFamily family,
                java.util.function.Function<String, Labels.Parsed<E>> lookup, Class<E> type) {
            Set<E> out = EnumSet.noneOf(type);
            boolean bad = false;
            for (Item item : items(fields, key)) {
                Labels.Parsed<E> p = lookup.apply(item.text);
                if (p.ok()) {
                    out.add(p.value());
                } else {
                    bad = true;
                    warnAt(item.line(), p.error());
                }
            }
            if (!out.isEmpty() && !bad) {
                labelled.add(family);
            }
            return out;
        }

        private <E> E single(ObjectNode fields, String key, LabelFamily family,
                java.util.function.Function<String, Labels.Parsed<E>> lookup) {
            String s = text(fields, key);
            if (s == null || s.isBlank()) {
                return null;
            }
            Labels.Parsed<E> p = lookup.apply(s);
            if (!p.ok()) {
                warn(key, p.error());
                return null;
            }
            labelled.add(family);
            return p.value();
        }

        private LocalDate date(ObjectNode fields, String key, boolean strict) throws NoteFormatException {
            String s = text(fields, key);
            if (s == null || s.isBlank()) {
                return null;
            }
            LocalDate d = parseDate(s);
            if (d == null) {
                String message = NLS.bind(Messages.NoteFile_badDate, key, s);
                if (strict) {
                    throw new NoteFormatException(fallbackId, Problem.error(file, line(key), message));
                }
                warn(key, message);
            }
            return d;
        }

        private Instant instant(ObjectNode fields, String key) {
            String s = text(fields, key);
            if (s == null || s.isBlank()) {
                return null;
            }
            try {
                return Instant.parse(s.strip());
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(s.strip()).toInstant();
                } catch (DateTimeParseException e2) {
                    LocalDate d = parseDate(s);
                    if (d != null) {
                        return d.atStartOfDay().toInstant(ZoneOffset.UTC);
                    }
                    warn(key, NLS.bind(Messages.NoteFile_badTimestamp, key, s));
                    return null;
                }
            }
        }
    }

    /** An ISO date ({@code 2025-02-11}), or the date part of an ISO date-time; null when neither. */
    public static LocalDate parseDate(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(t).toLocalDate();
            } catch (DateTimeParseException e2) {
                try {
                    return java.time.LocalDateTime.parse(t).toLocalDate();
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }
}
