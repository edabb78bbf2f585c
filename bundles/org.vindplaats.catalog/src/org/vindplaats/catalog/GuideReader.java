package org.vindplaats.catalog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.catalog.internal.LocatedJson;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.MethodGuide;
import org.vindplaats.model.MethodStep;
import org.vindplaats.model.Principle;
import org.vindplaats.model.Term;
import org.vindplaats.model.Terms;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a plugin's method guide ({@code data/method-guide.json}, see docs/plugin-authoring.md and
 * guide-1.schema.json) and says what is wrong with file, line and fix: invalid JSON, an unknown
 * topic, step, principle or affordance, an entry id used twice, a text in one language only, a
 * source reference to no source, a step or principle the guide leaves out. A broken entry is left
 * out and the rest still loads. Never throws.
 */
public final class GuideReader {

    /** The result: what could be read, and what is wrong. */
    public record Result(MethodGuide guide, List<Problem> problems) {
        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    /** Larger files are refused (the base guide is about 40 kB). */
    public static final int MAX_BYTES = 2 << 20;
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{1,63}");
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build()).build());

    private final String plugin;
    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<JsonNode, int[]> lines = new IdentityHashMap<>();

    private GuideReader(String plugin, String file) {
        this.plugin = plugin;
        this.file = file;
    }

    /**
     * @param plugin the plugin's id (for messages)
     * @param file   the file's path in the plugin (for messages)
     */
    public static Result read(byte[] bytes, String plugin, String file) {
        GuideReader r = new GuideReader(plugin, file);
        MethodGuide g = r.parse(bytes);
        return new Result(g, List.copyOf(r.problems));
    }

    /** The guide an organisation plugin names in {@code resources.guide}; empty without problems when it names none. */
    public static Result readFrom(PluginContent content, PluginDescriptor descriptor) {
        String path = descriptor.organisation() == null ? null : descriptor.organisation().resources().get("guide");
        if (path == null) {
            return new Result(MethodGuide.EMPTY, List.of());
        }
        try {
            Optional<byte[]> bytes = content.read(path, MAX_BYTES + 1L);
            if (bytes.isEmpty()) {
                return new Result(MethodGuide.EMPTY, List.of(new Problem(Problem.Severity.ERROR, descriptor.id(), path, 0, 0,
                        NLS.bind(Messages.Guide_missing, path), Messages.Guide_missing_fix)));
            }
            return read(bytes.get(), descriptor.id(), path);
        } catch (IOException e) {
            return new Result(MethodGuide.EMPTY, List.of(new Problem(Problem.Severity.ERROR, descriptor.id(), path, 0, 0,
                    NLS.bind(Messages.Guide_syntax, e.getMessage()), Messages.Guide_missing_fix)));
        }
    }

    private MethodGuide parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            error(0, NLS.bind(Messages.Guide_tooLarge, MAX_BYTES >> 20), Messages.Guide_tooLarge_fix);
            return MethodGuide.EMPTY;
        }
        JsonNode root;
        try (JsonParser p = JSON.createParser(bytes)) {
            root = LocatedJson.read(p, lines);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            problems.add(new Problem(Problem.Severity.ERROR, plugin, file, l == null ? 0 : l.getLineNr(),
                    l == null ? 0 : l.getColumnNr(), NLS.bind(Messages.Guide_syntax, e.getOriginalMessage()),
                    Messages.Guide_syntax_fix));
            return MethodGuide.EMPTY;
        } catch (IOException e) {
            error(0, NLS.bind(Messages.Guide_syntax, e.getMessage()), Messages.Guide_syntax_fix);
            return MethodGuide.EMPTY;
        }
        if (root == null || !root.isObject() || !root.path("topics").isArray()) {
            error(1, Messages.Guide_noTopics, Messages.Guide_noTopics_fix);
            return MethodGuide.EMPTY;
        }
        if (root.path("format").asInt(0) != 1) {
            error(line(root), NLS.bind(Messages.Guide_format, root.path("format").asText()), Messages.Guide_format_fix);
            return MethodGuide.EMPTY;
        }
        Map<String, MethodGuide.Source> sources = new LinkedHashMap<>();
        root.path("sources").properties().forEach(e -> {
            String title = e.getValue().path("title").asText("").strip();
            if (title.isEmpty()) {
                error(line(e.getValue()), NLS.bind(Messages.Guide_sourceNoTitle, e.getKey()), Messages.Guide_sourceNoTitle_fix);
            } else {
                sources.put(e.getKey(), new MethodGuide.Source(title, e.getValue().path("url").asText(null)));
            }
        });
        List<MethodGuide.Topic> topics = new ArrayList<>();
        Set<String> seenTopics = new LinkedHashSet<>();
        for (JsonNode t : root.path("topics")) {
            String id = t.path("id").asText("");
            if (!MethodGuide.TOPIC_IDS.contains(id)) {
                error(line(t), NLS.bind(Messages.Guide_unknownTopic, new Object[] { id,
                        Terms.didYouMean(id, MethodGuide.TOPIC_IDS).map(d -> " (" + d + "?)").orElse(""),
                        String.join(", ", MethodGuide.TOPIC_IDS) }), Messages.Guide_unknownTopic_fix);
                continue;
            }
            if (!seenTopics.add(id)) {
                error(line(t), NLS.bind(Messages.Guide_duplicate, id), Messages.Guide_duplicate_fix);
                continue;
            }
            LocalizedText title = text(t.path("title"), id + ".title");
            if (title.isEmpty()) {
                error(line(t), NLS.bind(Messages.Guide_noTitle, id), Messages.Guide_noTitle_fix);
                continue;
            }
            List<MethodGuide.Entry> entries = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (JsonNode e : t.path("entries")) {
                entry(id, e, sources, seen).ifPresent(entries::add);
            }
            if (id.equals("steps")) {
                missing(t, entries.stream().map(MethodGuide.Entry::step).toList(), MethodStep.values());
            } else if (id.equals("principles")) {
                missing(t, entries.stream().map(MethodGuide.Entry::principle).toList(), Principle.values());
            }
            topics.add(new MethodGuide.Topic(id, title, text(t.path("intro"), id + ".intro"), entries));
        }
        return topics.isEmpty() ? MethodGuide.EMPTY : new MethodGuide(sources, topics);
    }

    private Optional<MethodGuide.Entry> entry(String topic, JsonNode e, Map<String, MethodGuide.Source> sources,
            Set<String> seen) {
        int line = line(e);
        String id = e.path("id").asText("");
        if (!ID.matcher(id).matches()) {
            error(line, NLS.bind(Messages.Guide_badId, id), Messages.Guide_badId_fix);
            return Optional.empty();
        }
        if (!seen.add(id)) {
            error(line, NLS.bind(Messages.Guide_duplicate, topic + "/" + id), Messages.Guide_duplicate_fix);
            return Optional.empty();
        }
        MethodStep step = term(MethodStep.class, e.path("step"), line);
        Principle principle = term(Principle.class, e.path("principle"), line);
        LocalizedText title = text(e.path("title"), id + ".title");
        LocalizedText body = text(e.path("text"), id + ".text");
        if (step == null && principle == null && (title.isEmpty() || body.isEmpty())) {
            error(line, NLS.bind(Messages.Guide_noText, id), Messages.Guide_noText_fix);
            return Optional.empty();
        }
        List<LocalizedText> points = new ArrayList<>();
        for (JsonNode p : e.path("points")) {
            LocalizedText point = text(p, id + ".points");
            if (!point.isEmpty()) {
                points.add(point);
            }
        }
        MethodGuide.SourceRef source = null;
        JsonNode s = e.path("source");
        if (s.isObject()) {
            String ref = s.path("ref").asText("");
            if (!sources.containsKey(ref)) {
                warning(line(s), NLS.bind(Messages.Guide_unknownSource, new Object[] { id, ref, String.join(", ", sources.keySet()) }),
                        Messages.Guide_unknownSource_fix);
            }
            source = new MethodGuide.SourceRef(ref, s.path("pages").asText(null));
        } else {
            warning(line, NLS.bind(Messages.Guide_noSource, id), Messages.Guide_noSource_fix);
        }
        return Optional.of(new MethodGuide.Entry(id, step, principle, title, body, points, e.path("continuous").asBoolean(false),
                terms(MethodStep.class, e.path("steps"), line), terms(Principle.class, e.path("principles"), line),
                terms(Affordance.class, e.path("affordances"), line), source, plugin));
    }

    private <E extends Enum<E> & Term> E term(Class<E> type, JsonNode n, int line) {
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        Optional<E> t = Terms.byId(type, n.asText(""));
        if (t.isEmpty()) {
            unknownTerm(type, n.asText(""), line);
        }
        return t.orElse(null);
    }

    private <E extends Enum<E> & Term> List<E> terms(Class<E> type, JsonNode n, int line) {
        Set<E> out = EnumSet.noneOf(type);
        for (JsonNode e : n) {
            Optional<E> t = Terms.byId(type, e.asText(""));
            if (t.isPresent()) {
                out.add(t.get());
            } else {
                unknownTerm(type, e.asText(""), line);
            }
        }
        return List.copyOf(out);
    }

    private <E extends Enum<E> & Term> void unknownTerm(Class<E> type, String value, int line) {
        List<String> ids = Terms.ids(type);
        error(line, NLS.bind(Messages.Guide_unknownTerm, new Object[] { value,
                Terms.didYouMean(value, ids).map(d -> " (" + d + "?)").orElse(""), String.join(", ", ids) }),
                Messages.Guide_unknownTerm_fix);
    }

    /** Warns about each step or principle a guide's topic leaves out: the worker would miss it. */
    private <E extends Enum<E> & Term> void missing(JsonNode topic, List<E> present, E[] all) {
        for (E e : all) {
            if (!present.contains(e)) {
                warning(line(topic), NLS.bind(Messages.Guide_missingTerm, e.id()), Messages.Guide_missingTerm_fix);
            }
        }
    }

    /** A {"nl", "en"} text; a text in one language only is read, with a warning (both languages are promised). */
    private LocalizedText text(JsonNode n, String where) {
        if (!n.isObject()) {
            return LocalizedText.EMPTY;
        }
        LocalizedText t = LocalizedText.of(n.path("nl").asText(null), n.path("en").asText(null));
        if (t.isMissingALanguage()) {
            warning(line(n), NLS.bind(Messages.Guide_oneLanguage, where, t.nl() == null ? "nl" : "en"),
                    Messages.Guide_oneLanguage_fix);
        }
        return t;
    }

    private int line(JsonNode n) {
        int[] l = n == null ? null : lines.get(n);
        return l == null ? 0 : l[0];
    }

    private void error(int line, String message, String fix) {
        problems.add(new Problem(Problem.Severity.ERROR, plugin, file, line, 0, message, fix));
    }

    private void warning(int line, String message, String fix) {
        problems.add(new Problem(Problem.Severity.WARNING, plugin, file, line, 0, message, fix));
    }
}
