package org.vindplaats.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.catalog.Problem.Severity;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Feature;
import org.vindplaats.model.MethodStep;
import org.vindplaats.model.Need;
import org.vindplaats.model.Term;
import org.vindplaats.model.Terms;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import com.networknt.schema.serialization.NodeReader;
import com.networknt.schema.utils.JsonNodes;

/**
 * Reads and checks a plugin descriptor ({@value PluginDescriptor#FILE_NAME}): size, encoding,
 * JSON syntax, the published JSON Schema, then the checks a schema cannot express (dates in the
 * future, resource paths, completeness, both languages). Every problem carries file, line,
 * column and a fix. Never throws for bad input.
 */
public final class DescriptorLoader {

    /** A descriptor is text written by a person; anything larger is a mistake or an attack. */
    public static final long MAX_DESCRIPTOR_BYTES = 1024 * 1024;
    /** Resources (icons, notes, lexicons) a plugin may ship. */
    public static final long MAX_RESOURCE_BYTES = 16L * 1024 * 1024;
    public static final int MAX_NESTING = 32;
    public static final String SCHEMA_RESOURCE = "/schema/vindplaats-plugin-1.schema.json";

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build());
    private static final NodeReader READER = NodeReader.builder().locationAware().jsonMapper(MAPPER).build();

    private static volatile Schema schema;
    private static volatile JsonNode schemaTree;

    private final Clock clock;
    private final SchemaVerdicts verdicts;

    public DescriptorLoader() {
        this(Clock.systemDefaultZone());
    }

    /** For tests: "today" decides which source dates are in the future. */
    public DescriptorLoader(Clock clock) {
        this(clock, SchemaVerdicts.none());
    }

    /** A loader that skips the schema for descriptors that passed it before (see {@link SchemaVerdicts}). */
    public DescriptorLoader(Clock clock, SchemaVerdicts verdicts) {
        this.clock = clock;
        this.verdicts = verdicts;
    }

    public LoadResult load(PluginContent content) {
        Report report = new Report(content.displayName(), PluginDescriptor.FILE_NAME);
        Optional<byte[]> bytes;
        try {
            bytes = content.read(PluginDescriptor.FILE_NAME, MAX_DESCRIPTOR_BYTES);
        } catch (IOException e) {
            report.error(0, 0, NLS.bind(Messages.Load_unreadable, String.valueOf(e.getMessage())),
                    NLS.bind(Messages.Load_unreadable_fix, null));
            return report.result(null);
        }
        if (bytes.isEmpty()) {
            report.error(0, 0, NLS.bind(Messages.Load_notFound, PluginDescriptor.FILE_NAME),
                    NLS.bind(Messages.Load_notFound_fix, PluginDescriptor.FILE_NAME));
            return report.result(null);
        }
        JsonNode root = parse(bytes.get(), report);
        if (root == null) {
            return report.result(null);
        }
        String key = SchemaVerdicts.key(bytes.get());
        if (!verdicts.passed(key) && validateAgainstSchema(root, report)) {
            verdicts.remember(key);
        }
        new SemanticChecks(root, report, content, clock).run();
        if (report.hasErrors()) {
            return report.result(null);
        }
        return report.result(DescriptorMapper.map(root));
    }

    // --- bytes to JSON -------------------------------------------------------------------------

    private static JsonNode parse(byte[] bytes, Report report) {
        if (bytes.length > MAX_DESCRIPTOR_BYTES) {
            report.error(0, 0, NLS.bind(Messages.Load_tooLarge, "> " + MAX_DESCRIPTOR_BYTES, MAX_DESCRIPTOR_BYTES),
                    NLS.bind(Messages.Load_tooLarge_fix, null));
            return null;
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            report.error(1, 1, NLS.bind(Messages.Load_bom, null), NLS.bind(Messages.Load_bom_fix, null));
            return null;
        }
        String text;
        try {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int offset = e instanceof MalformedInputException ? firstBadUtf8Offset(bytes) : 0;
            int[] lc = lineAndColumn(bytes, offset);
            report.error(lc[0], lc[1], NLS.bind(Messages.Load_encoding, offset), NLS.bind(Messages.Load_encoding_fix, null));
            return null;
        }
        try {
            JsonNode root = readTree(text);
            if (root == null || root.isMissingNode()) {
                // Found by fuzzing: an empty file used to reach the schema check and throw there.
                report.error(1, 1, NLS.bind(Messages.Load_empty, PluginDescriptor.FILE_NAME),
                        NLS.bind(Messages.Load_empty_fix, null));
                return null;
            }
            return root;
        } catch (StreamConstraintsException e) {
            JsonLocation l = e.getLocation();
            report.error(line(l), column(l), NLS.bind(Messages.Load_tooDeep, MAX_NESTING),
                    NLS.bind(Messages.Load_tooDeep_fix, null));
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String original = e.getOriginalMessage();
            if (original != null && original.startsWith("Duplicate Object property")
                    || original != null && original.startsWith("Duplicate field")) {
                String field = original.replaceAll("^[^\"']*[\"']([^\"']*)[\"'].*$", "$1");
                report.error(line(l), column(l), NLS.bind(Messages.Load_duplicateKey, field),
                        NLS.bind(Messages.Load_duplicateKey_fix, null));
            } else {
                report.error(line(l), column(l), NLS.bind(Messages.Load_syntax, firstLine(original)),
                        NLS.bind(Messages.Load_syntax_fix, null));
            }
        } catch (IOException e) {
            report.error(0, 0, NLS.bind(Messages.Load_unreadable, e.getMessage()), NLS.bind(Messages.Load_unreadable_fix, null));
        }
        return null;
    }

    /** The location-aware reader wraps Jackson's exceptions; unwrap them so we can say where. */
    private static JsonNode readTree(String text) throws IOException {
        try {
            return READER.readTree(text, InputFormat.JSON);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private static int firstBadUtf8Offset(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult r = decoder.decode(in, out, true);
        return r.isError() ? in.position() : 0;
    }

    private static int[] lineAndColumn(byte[] bytes, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return new int[] { line, column };
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static int line(JsonLocation l) {
        return l == null ? 0 : Math.max(0, l.getLineNr());
    }

    static int column(JsonLocation l) {
        return l == null ? 0 : Math.max(0, l.getColumnNr());
    }

    // --- JSON Schema ---------------------------------------------------------------------------

    static Schema schema() {
        Schema s = schema;
        if (s == null) {
            synchronized (DescriptorLoader.class) {
                if (schema == null) {
                    try (InputStream in = DescriptorLoader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("The plugin JSON Schema " + SCHEMA_RESOURCE
                                    + " is missing from org.vindplaats.catalog; the installation is damaged.");
                        }
                        schemaTree = MAPPER.readTree(in);
                        SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build();
                        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                                b -> b.schemaRegistryConfig(config)).getSchema(schemaTree);
                    } catch (IOException e) {
                        throw new IllegalStateException("Cannot read the plugin JSON Schema", e);
                    }
                }
                s = schema;
            }
        }
        return s;
    }

    /** @return true when the schema had nothing to say */
    private static boolean validateAgainstSchema(JsonNode root, Report report) {
        List<Error> messages = schema().validate(root);
        for (Error m : messages) {
            SchemaMessage.translate(m, root, schemaTree, report);
        }
        return messages.isEmpty();
    }

    // --- collecting problems -------------------------------------------------------------------

    /** Collects problems for one descriptor, dropping exact repeats (schemas often say things twice). */
    static final class Report {
        private final String plugin;
        private final String file;
        private final Set<Problem> problems = new LinkedHashSet<>();

        Report(String plugin, String file) {
            this.plugin = plugin;
            this.file = file;
        }

        void error(int line, int column, String message, String fix) {
            problems.add(new Problem(Severity.ERROR, plugin, file, line, column, message, fix));
        }

        void warning(int line, int column, String message, String fix) {
            problems.add(new Problem(Severity.WARNING, plugin, file, line, column, message, fix));
        }

        void at(Severity severity, JsonNode node, String message, String fix) {
            JsonLocation l;
            try {
                l = node == null ? null : JsonNodes.tokenStreamLocationOf(node);
            } catch (IllegalArgumentException e) {
                l = null; // a node without a location (the missing root of an empty file): the whole file
            }
            problems.add(new Problem(severity, plugin, file, line(l), column(l), message, fix));
        }

        boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }

        LoadResult result(PluginDescriptor descriptor) {
            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                    : Integer.compare(a.column(), b.column()));
            return new LoadResult(plugin, Optional.ofNullable(descriptor), sorted);
        }
    }

    /** "platform.affordances.anonymity" for a JSON pointer; the top level reads as "the descriptor". */
    static String describe(String pointer) {
        if (pointer == null || pointer.isEmpty() || "/".equals(pointer)) {
            return "(top level)";
        }
        StringBuilder sb = new StringBuilder();
        for (String part : pointer.substring(1).split("/")) {
            String p = part.replace("~1", "/").replace("~0", "~");
            // An array index; an empty key or a digit run too long for an int is a plain name.
            if (!p.isEmpty() && p.length() <= 9 && p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                sb.append('[').append(Integer.parseInt(p) + 1).append(']');
            } else {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(p);
            }
        }
        return sb.toString();
    }

    // --- checks the schema cannot express ------------------------------------------------------

    /** Dates, completeness, languages, resource paths, id lists. */
    private static final class SemanticChecks {
        private static final Map<String, Class<? extends Term>> KEYED_MAPS = Map.of(
                "/platform/affordances", Affordance.class, "/platform/needs", Need.class, "/platform/stepGuidance",
                MethodStep.class, "/platform/features", Feature.class);

        private final JsonNode root;
        private final Report report;
        private final PluginContent content;
        private final LocalDate today;

        SemanticChecks(JsonNode root, Report report, PluginContent content, Clock clock) {
            this.root = root;
            this.report = report;
            this.content = content;
            this.today = LocalDate.now(clock);
        }

        void run() {
            walk(root, "");
            if ("platform".equals(root.path("kind").asText()) && root.path("platform").isObject()) {
                completeness();
                scaleRules();
                duplicates(root.at("/platform/aliases"), "/platform/aliases");
            }
            resources();
            bundleVersion();
        }

        /** Visits every node: bilingual texts, dates, and map keys that must be known ids. */
        private void walk(JsonNode node, String pointer) {
            if (node.isObject()) {
                if (isText(node)) {
                    checkLanguages(node, pointer);
                    return;
                }
                Class<? extends Term> keyType = KEYED_MAPS.get(pointer);
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String child = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                    if (keyType != null) {
                        checkKnownId(keyType, e.getKey(), e.getValue(), pointer);
                    }
                    if (e.getValue().isTextual() && e.getValue().asText().contains(PluginScaffold.MARK)) {
                        report.at(Severity.WARNING, e.getValue(), NLS.bind(Messages.Check_placeholder, describe(child), "-"),
                                NLS.bind(Messages.Check_placeholder_fix, PluginScaffold.MARK));
                    }
                    if ("checked".equals(e.getKey()) && e.getValue().isTextual()) {
                        checkDate(e.getValue(), child);
                        sourcePolicy(node.path("url"), pointer);
                    }
                    walk(e.getValue(), child);
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    walk(node.get(i), pointer + "/" + i);
                }
            }
        }

        private static boolean isText(JsonNode node) {
            if (node.isEmpty()) {
                return false;
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!"nl".equals(f) && !"en".equals(f)) {
                    return false;
                }
            }
            return true;
        }

        private void checkLanguages(JsonNode text, String pointer) {
            for (String lang : List.of("nl", "en")) {
                JsonNode t = text.get(lang);
                if (t != null && t.isTextual() && t.asText().contains(PluginScaffold.MARK)) {
                    report.at(Severity.WARNING, t, NLS.bind(Messages.Check_placeholder, describe(pointer), lang),
                            NLS.bind(Messages.Check_placeholder_fix, PluginScaffold.MARK));
                }
            }
            for (String lang : List.of("nl", "en")) {
                JsonNode v = text.get(lang);
                if (v == null || (v.isTextual() && v.asText().isBlank())) {
                    String language = "nl".equals(lang) ? "Nederlands / Dutch" : "Engels / English";
                    report.at(Severity.WARNING, text, NLS.bind(Messages.Check_missingLanguage, describe(pointer), language),
                            NLS.bind(Messages.Check_missingLanguage_fix, null, null, lang));
                }
            }
        }

        private void checkKnownId(Class<? extends Term> type, String key, JsonNode value, String mapPointer) {
            @SuppressWarnings({ "unchecked", "rawtypes" })
            List<String> ids = Terms.ids((Class) type);
            if (ids.contains(key)) {
                return;
            }
            String what = switch (type.getSimpleName()) {
            case "Affordance" -> Messages.Term_affordance;
            case "Need" -> Messages.Term_need;
            case "MethodStep" -> Messages.Term_step;
            default -> Messages.Term_feature;
            };
            String message = NLS.bind(Messages.Schema_unknownId, what, key);
            Optional<String> guess = Terms.didYouMean(key, ids);
            if (guess.isPresent()) {
                message += " — " + NLS.bind(Messages.Schema_unknownId_didYouMean, guess.get());
            }
            report.at(Severity.ERROR, value, message, NLS.bind(Messages.Schema_unknownId_fix, String.join(", ", ids)));
        }

        private void checkDate(JsonNode node, String pointer) {
            String text = node.asText();
            if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return; // the schema's pattern already reports the form
            }
            try {
                LocalDate d = LocalDate.parse(text);
                if (d.isAfter(today)) {
                    report.at(Severity.ERROR, node, NLS.bind(Messages.Check_futureDate, text, describe(pointer)),
                            NLS.bind(Messages.Check_futureDate_fix, null));
                }
            } catch (DateTimeParseException e) {
                report.at(Severity.ERROR, node, NLS.bind(Messages.Check_badDate, text, describe(pointer)),
                        NLS.bind(Messages.Check_badDate_fix, null));
            }
        }

        /**
         * The rules that follow from the written scales (docs/affordance-scales.md): a level that
         * contradicts the plugin's own features is an error, so two authors score alike.
         */
        private void scaleRules() {
            JsonNode features = root.at("/platform/features");
            JsonNode affordances = root.at("/platform/affordances");
            for (ScaleRules.Rule rule : ScaleRules.RULES) {
                String value = features.path(rule.feature()).path("value").asText("");
                JsonNode level = affordances.path(rule.affordance()).path("level");
                if (!value.equals(rule.featureValue()) || !level.isInt() || rule.allows(level.asInt())) {
                    continue;
                }
                String name = Terms.byId(Affordance.class, rule.affordance()).map(a -> a.label().get(
                        java.util.Locale.getDefault())).orElse(rule.affordance());
                report.at(Severity.ERROR, level, NLS.bind(Messages.Check_scaleRule, new Object[] { name, level.asInt(),
                        rule.feature(), value, rule.bound() }), NLS.bind(Messages.Check_scaleRule_fix, rule.number()));
            }
        }

        /** Sources on a news aggregator or content farm (the list in the repo) are reported with what to cite instead. */
        private void sourcePolicy(JsonNode url, String pointer) {
            if (!url.isTextual()) {
                return;
            }
            SourcePolicy.unreliableDomain(url.asText()).ifPresent(domain -> report.at(Severity.WARNING, url,
                    NLS.bind(Messages.Check_unreliableSource, domain, describe(pointer)),
                    NLS.bind(Messages.Check_unreliableSource_fix, null)));
        }

        private void completeness() {
            JsonNode platform = root.get("platform");
            missing(platform.get("affordances"), Affordance.values(), Messages.Check_missingAffordance,
                    Messages.Check_missingAffordance_fix);
            missing(platform.get("features"), Feature.values(), Messages.Check_missingFeature,
                    Messages.Check_missingFeature_fix);
            missing(platform.get("needs"), Need.values(), Messages.Check_missingNeed, Messages.Check_missingNeed_fix);
            missing(platform.get("stepGuidance"), MethodStep.values(), Messages.Check_missingStep,
                    Messages.Check_missingStep_fix);
            // How a worker can use the platform professionally is part of a complete description.
            if (!platform.has("professionalUse")) {
                report.at(Severity.WARNING, platform, Messages.Check_missingProfessionalUse,
                        NLS.bind(Messages.Check_missingProfessionalUse_fix, null));
            }
        }

        private void missing(JsonNode map, Term[] terms, String message, String fix) {
            if (map == null || !map.isObject()) {
                return; // a missing section is a schema error already
            }
            for (Term t : terms) {
                if (!map.has(t.id())) {
                    report.at(Severity.WARNING, map, NLS.bind(message, t.id()), NLS.bind(fix, t.id()));
                }
            }
        }

        private void duplicates(JsonNode list, String pointer) {
            if (!list.isArray()) {
                return;
            }
            Set<String> seen = new HashSet<>();
            for (JsonNode item : list) {
                String v = item.asText().toLowerCase(java.util.Locale.ROOT);
                if (!seen.add(v)) {
                    report.at(Severity.ERROR, item, NLS.bind(Messages.Check_duplicateInList, item.asText(), describe(pointer)),
                            NLS.bind(Messages.Check_duplicateInList_fix, null));
                }
            }
        }

        private void resources() {
            List<JsonNode> paths = new ArrayList<>();
            JsonNode icon = root.at("/platform/icon");
            if (icon.isTextual()) {
                paths.add(icon);
            }
            root.at("/organisation/resources").forEach(n -> {
                if (n.isTextual()) {
                    paths.add(n);
                }
            });
            for (JsonNode p : paths) {
                String path = p.asText();
                if (!isSafeRelativePath(path)) {
                    report.at(Severity.ERROR, p, NLS.bind(Messages.Check_resourceTraversal, path),
                            NLS.bind(Messages.Check_resourceTraversal_fix, null));
                    continue;
                }
                try {
                    Optional<byte[]> data = content.read(path, MAX_RESOURCE_BYTES);
                    if (data.isEmpty()) {
                        report.at(Severity.ERROR, p, NLS.bind(Messages.Check_resourceMissing, path),
                                NLS.bind(Messages.Check_resourceMissing_fix, null));
                    } else if (data.get().length > MAX_RESOURCE_BYTES) {
                        report.at(Severity.ERROR, p,
                                NLS.bind(Messages.Load_tooLarge, "> " + MAX_RESOURCE_BYTES, MAX_RESOURCE_BYTES) + " (" + path + ")",
                                NLS.bind(Messages.Load_tooLarge_fix, null));
                    }
                } catch (IOException e) {
                    report.at(Severity.ERROR, p, NLS.bind(Messages.Load_unreadable, path + ": " + e.getMessage()),
                            NLS.bind(Messages.Load_unreadable_fix, null));
                }
            }
        }

        private void bundleVersion() {
            Optional<String> bundleVersion = content.bundleVersion();
            JsonNode version = root.get("version");
            if (bundleVersion.isEmpty() || version == null || !version.isTextual()) {
                return;
            }
            String[] parts = bundleVersion.get().split("\\.");
            String base = parts.length >= 3 ? parts[0] + "." + parts[1] + "." + parts[2] : bundleVersion.get();
            if (!base.equals(version.asText())) {
                report.at(Severity.WARNING, version, NLS.bind(Messages.Check_bundleVersion, bundleVersion.get(), version.asText()),
                        NLS.bind(Messages.Check_bundleVersion_fix, null));
            }
        }
    }

    /** A path inside the plugin: relative, no "..", no drive letter, no backslashes, no control characters. */
    public static boolean isSafeRelativePath(String path) {
        if (path == null || path.isBlank() || path.startsWith("/") || path.contains("\\") || path.matches("^[A-Za-z]:.*")
                || path.chars().anyMatch(c -> c < 0x20)) {
            return false;
        }
        for (String segment : path.split("/")) {
            if ("..".equals(segment)) {
                return false;
            }
        }
        return true;
    }

    static JsonNode at(JsonNode root, String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return root;
        }
        try {
            return root.at(JsonPointer.compile(pointer));
        } catch (IllegalArgumentException e) {
            return root;
        }
    }

    static String parent(String pointer) {
        int i = pointer == null ? -1 : pointer.lastIndexOf('/');
        return i <= 0 ? "" : pointer.substring(0, i);
    }

}
