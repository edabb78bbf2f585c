package org.vindplaats.catalog;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.catalog.internal.LocatedJson;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.Need;
import org.vindplaats.model.Phenomenon;
import org.vindplaats.model.Terms;
import org.vindplaats.model.Thesaurus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a plugin's thesaurus of phenomena ({@code data/thesaurus.json}, see
 * docs/plugin-authoring.md) and says what is wrong in it with file, line and a fix: invalid JSON,
 * a missing or malformed id, an id used twice, a label two phenomena claim, broader links in a
 * circle or to an unknown id, an unknown need or affordance. A broken entry is left out and the
 * rest still loads: one typo never takes a knowledge centre's whole thesaurus away. Never throws.
 */
public final class ThesaurusReader {

    /** The result: what could be read, and what is wrong. */
    public record Result(Thesaurus thesaurus, List<Problem> problems) {
        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    /** Larger files are refused (the base thesaurus is about 200 kB). */
    public static final int MAX_BYTES = 8 << 20;
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{1,63}");
    /** Line numbers come from the parser: read the file as a tree whose nodes remember where they start. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build());

    private final String plugin;
    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    private ThesaurusReader(String plugin, String file) {
        this.plugin = plugin;
        this.file = file;
    }

    /**
     * @param plugin the plugin's id (for messages)
     * @param file   the file's path in the plugin (for messages)
     */
    public static Result read(byte[] bytes, String plugin, String file) {
        ThesaurusReader r = new ThesaurusReader(plugin, file);
        Thesaurus t = r.parse(bytes);
        return new Result(t, List.copyOf(r.problems));
    }

    /**
     * The thesaurus an organisation plugin names in {@code resources.thesaurus}, read from its
     * content; {@link Thesaurus#EMPTY} without problems when it names none.
     */
    public static Result readFrom(PluginContent content, PluginDescriptor descriptor) {
        String path = descriptor.organisation() == null ? null : descriptor.organisation().resources().get("thesaurus");
        if (path == null) {
            return new Result(Thesaurus.EMPTY, List.of());
        }
        try {
            Optional<byte[]> bytes = content.read(path, MAX_BYTES + 1L);
            if (bytes.isEmpty()) {
                return new Result(Thesaurus.EMPTY, List.of(new Problem(Problem.Severity.ERROR, descriptor.id(), path, 0, 0,
                        NLS.bind(Messages.Thesaurus_missing, path), Messages.Thesaurus_missing_fix)));
            }
            return read(bytes.get(), descriptor.id(), path);
        } catch (IOException e) {
            return new Result(Thesaurus.EMPTY, List.of(new Problem(Problem.Severity.ERROR, descriptor.id(), path, 0, 0,
                    NLS.bind(Messages.Thesaurus_syntax, e.getMessage()), Messages.Thesaurus_missing_fix)));
        }
    }

    private Thesaurus parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            error(0, 0, NLS.bind(Messages.Thesaurus_tooLarge, MAX_BYTES >> 20), Messages.Thesaurus_tooLarge_fix);
            return Thesaurus.EMPTY;
        }
        Map<JsonNode, int[]> lines = new IdentityHashMap<>();
        JsonNode root;
        try (JsonParser p = JSON.createParser(bytes)) {
            root = LocatedJson.read(p, lines);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            error(l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                    NLS.bind(Messages.Thesaurus_syntax, e.getOriginalMessage()), Messages.Thesaurus_syntax_fix);
            return Thesaurus.EMPTY;
        } catch (IOException e) {
            error(0, 0, NLS.bind(Messages.Thesaurus_syntax, e.getMessage()), Messages.Thesaurus_syntax_fix);
            return Thesaurus.EMPTY;
        }
        if (root == null || !root.isObject() || !root.path("phenomena").isArray()) {
            error(1, 1, Messages.Thesaurus_noList, Messages.Thesaurus_noList_fix);
            return Thesaurus.EMPTY;
        }
        if (root.path("format").asInt(0) != 1) {
            error(line(lines, root), 0, NLS.bind(Messages.Thesaurus_format, root.path("format").asText()),
                    Messages.Thesaurus_format_fix);
            return Thesaurus.EMPTY;
        }
        Map<String, Phenomenon> byId = new LinkedHashMap<>();
        Map<String, JsonNode> where = new HashMap<>();
        Map<String, String> labelOwner = new HashMap<>();
        for (JsonNode n : root.path("phenomena")) {
            int line = line(lines, n);
            String id = n.path("id").asText("");
            if (!ID.matcher(id).matches()) {
                error(line, 0, NLS.bind(Messages.Thesaurus_badId, id), Messages.Thesaurus_badId_fix);
                continue;
            }
            if (byId.containsKey(id)) {
                error(line, 0, NLS.bind(Messages.Thesaurus_duplicateId, id, line(lines, where.get(id))),
                        Messages.Thesaurus_duplicateId_fix);
                continue;
            }
            LocalizedText label = LocalizedText.of(n.path("label").path("nl").asText(null), n.path("label").path("en").asText(null));
            if (label.isEmpty()) {
                error(line, 0, NLS.bind(Messages.Thesaurus_noLabel, id), Messages.Thesaurus_noLabel_fix);
                continue;
            }
            Set<Need> needs = EnumSet.noneOf(Need.class);
            for (String s : strings(n.path("needs"))) {
                Optional<Need> need = Terms.byId(Need.class, s);
                if (need.isPresent()) {
                    needs.add(need.get());
                } else {
                    error(line, 0, NLS.bind(Messages.Thesaurus_unknownNeed, new Object[] { id, s, String.join(", ", Terms.ids(Need.class)) }),
                            Messages.Thesaurus_unknownTerm_fix);
                }
            }
            Set<Affordance> affordances = EnumSet.noneOf(Affordance.class);
            for (String s : strings(n.path("affordances"))) {
                Optional<Affordance> a = Terms.byId(Affordance.class, s);
                if (a.isPresent()) {
                    affordances.add(a.get());
                } else {
                    error(line, 0, NLS.bind(Messages.Thesaurus_unknownAffordance,
                            new Object[] { id, s, String.join(", ", Terms.ids(Affordance.class)) }), Messages.Thesaurus_unknownTerm_fix);
                }
            }
            List<Phenomenon.Example> examples = new ArrayList<>();
            for (JsonNode e : n.path("examples")) {
                String text = e.path("text").asText("").strip();
                if (!text.isEmpty()) {
                    examples.add(new Phenomenon.Example(e.path("lang").asText("nl"), text));
                }
            }
            Phenomenon p = new Phenomenon(id, label, strings(n.path("altLabels").path("nl")),
                    strings(n.path("altLabels").path("en")), strings(n.path("hiddenLabels")),
                    LocalizedText.of(n.path("description").path("nl").asText(null), n.path("description").path("en").asText(null)),
                    strings(n.path("broader")), strings(n.path("related")), needs, affordances,
                    strings(n.path("platforms")), examples, plugin);
            // A label that names two phenomena would make search and suggestions guess.
            for (String l : new LinkedHashSet<>(p.allLabels())) {
                String key = l.strip().toLowerCase(Locale.ROOT);
                String owner = labelOwner.putIfAbsent(key, id);
                if (owner != null && !owner.equals(id)) {
                    error(line, 0, NLS.bind(Messages.Thesaurus_sharedLabel, new Object[] { l, id, owner }),
                            Messages.Thesaurus_sharedLabel_fix);
                }
            }
            byId.put(id, p);
            where.put(id, n);
        }
        for (Phenomenon p : byId.values()) {
            for (String link : concat(p.broader(), p.related())) {
                if (!byId.containsKey(link)) {
                    Optional<String> dym = Terms.didYouMean(link, byId.keySet());
                    warning(line(lines, where.get(p.id())), 0, NLS.bind(Messages.Thesaurus_unknownLink,
                            new Object[] { p.id(), link, dym.map(d -> " (" + d + "?)").orElse("") }), Messages.Thesaurus_unknownLink_fix);
                }
            }
        }
        for (List<String> cycle : cycles(byId)) {
            String first = cycle.get(0);
            error(line(lines, where.get(first)), 0, NLS.bind(Messages.Thesaurus_cycle, String.join(" \u2192 ", cycle)),
                    Messages.Thesaurus_cycle_fix);
            // Break it where it was found, so the hierarchy stays a tree.
            Phenomenon p = byId.get(first);
            List<String> broader = new ArrayList<>(p.broader());
            broader.remove(cycle.get(1));
            byId.put(first, new Phenomenon(p.id(), p.label(), p.altLabelsNl(), p.altLabelsEn(), p.hiddenLabels(),
                    p.description(), broader, p.related(), p.needs(), p.affordances(), p.platforms(), p.examples(), p.source()));
        }
        return Thesaurus.of(List.copyOf(byId.values()));
    }

    /** Each circle of broader links once, as the ids along it, ending where it starts. */
    private static List<List<String>> cycles(Map<String, Phenomenon> byId) {
        List<List<String>> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (String start : byId.keySet()) {
            Deque<String> path = new ArrayDeque<>();
            walk(start, byId, path, new LinkedHashSet<>(), done, out);
        }
        return out;
    }

    private static void walk(String id, Map<String, Phenomenon> byId, Deque<String> path, Set<String> onPath,
            Set<String> done, List<List<String>> out) {
        if (done.contains(id) || !byId.containsKey(id)) {
            return;
        }
        if (onPath.contains(id)) {
            List<String> cycle = new ArrayList<>();
            boolean in = false;
            for (String p : path) {
                in |= p.equals(id);
                if (in) {
                    cycle.add(p);
                }
            }
            cycle.add(id);
            out.add(cycle);
            return;
        }
        path.addLast(id);
        onPath.add(id);
        for (String b : byId.get(id).broader()) {
            walk(b, byId, path, onPath, done, out);
        }
        onPath.remove(id);
        path.removeLast();
        done.add(id);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            for (JsonNode e : n) {
                String s = e.asText("").strip();
                if (!s.isEmpty() && e.isValueNode()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static int line(Map<JsonNode, int[]> lines, JsonNode n) {
        int[] l = n == null ? null : lines.get(n);
        return l == null ? 0 : l[0];
    }

    private void error(int line, int column, String message, String fix) {
        problems.add(new Problem(Problem.Severity.ERROR, plugin, file, line, column, message, fix));
    }

    private void warning(int line, int column, String message, String fix) {
        problems.add(new Problem(Problem.Severity.WARNING, plugin, file, line, column, message, fix));
    }
}
