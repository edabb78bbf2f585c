package org.vindplaats.suggest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.suggest.internal.Messages;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Signal words contributed by a knowledge centre: per label family ({@code needs},
 * {@code affordances}, {@code polarity}, {@code urgency}) and label, word lists in Dutch
 * ({@code nl}) and English ({@code en}); plus {@code slang}, youth slang and platform nicknames with
 * plain synonyms. Several lexicons combine with {@link #combine(Collection)}.
 */
public final class Lexicon {

    /** The JSON member of each family that a lexicon may carry. */
    static final Map<String, LabelFamily> FAMILIES = Map.of("needs", LabelFamily.NEEDS, "affordances",
            LabelFamily.AFFORDANCES, "polarity", LabelFamily.POLARITY, "urgency", LabelFamily.URGENCY);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** family → label id → language → words or phrases */
    private final Map<LabelFamily, Map<String, Map<String, List<String>>>> words;
    private final Map<String, List<String>> slang;
    private final List<String> sources;

    private Lexicon(Map<LabelFamily, Map<String, Map<String, List<String>>>> words, Map<String, List<String>> slang,
            List<String> sources) {
        this.words = words;
        this.slang = slang;
        this.sources = sources;
    }

    private static Lexicon base;

    /**
     * Vindplaats' own base word list, written from the handbook's descriptions of the six needs
     * and seven affordances: general signal words that knowledge-centre lexicons add to.
     */
    public static synchronized Lexicon base() {
        if (base == null) {
            try (InputStream in = Lexicon.class.getResourceAsStream("internal/base-lexicon.json")) {
                base = read(in, "org.vindplaats.suggest/base-lexicon.json");
            } catch (IOException | LexiconException e) {
                // Shipped inside this bundle and covered by tests: cannot be missing or broken.
                throw new IllegalStateException(e);
            }
        }
        return base;
    }

    public static Lexicon empty() {
        return new Lexicon(new EnumMap<>(LabelFamily.class), Map.of(), List.of());
    }

    /**
     * Reads a lexicon file ({@code lexicon.json} format 1).
     *
     * @param sourceName the file name shown in errors, e.g. {@code data/lexicon.json}
     * @throws LexiconException with file:line:column, what is wrong and how to fix it
     */
    public static Lexicon read(InputStream in, String sourceName) throws LexiconException, IOException {
        byte[] bytes = in.readAllBytes();
        JsonNode root;
        Locator locator = new Locator(sourceName);
        try {
            root = JSON.readTree(bytes);
            locator.index(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new LexiconException(sourceName, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    NLS.bind(Messages.Lexicon_badJson, e.getOriginalMessage()), Messages.Lexicon_badJsonFix);
        }
        if (root == null || !root.isObject()) {
            throw new LexiconException(sourceName, 1, 1, Messages.Lexicon_notObject, Messages.Lexicon_notObjectFix);
        }
        JsonNode format = root.get("format");
        if (format != null && (!format.isInt() || format.asInt() != 1)) {
            throw locator.error("/format", NLS.bind(Messages.Lexicon_badFormat, format), Messages.Lexicon_badFormatFix);
        }
        Map<LabelFamily, Map<String, Map<String, List<String>>>> words = new EnumMap<>(LabelFamily.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            String name = member.getKey();
            if (name.equals("format") || name.equals("description") || name.equals("$schema") || name.equals("slang")) {
                continue;
            }
            LabelFamily family = FAMILIES.get(name);
            if (family == null) {
                throw locator.error("/" + name, NLS.bind(Messages.Lexicon_unknownMember, name),
                        Messages.Lexicon_unknownMemberFix);
            }
            words.put(family, readFamily(family, member.getValue(), locator, name));
        }
        Map<String, List<String>> slang = new LinkedHashMap<>();
        JsonNode slangNode = root.get("slang");
        if (slangNode != null) {
            if (!slangNode.isObject()) {
                throw locator.error("/slang", Messages.Lexicon_slangNotObject, Messages.Lexicon_slangFix);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = slangNode.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                slang.put(e.getKey().strip(), strings(e.getValue(), locator, "/slang/" + e.getKey(), Messages.Lexicon_slangFix));
            }
        }
        return new Lexicon(words, Collections.unmodifiableMap(slang), List.of(sourceName));
    }

    private static Map<String, Map<String, List<String>>> readFamily(LabelFamily family, JsonNode node, Locator locator,
            String memberName) throws LexiconException {
        if (!node.isObject()) {
            throw locator.error("/" + memberName, NLS.bind(Messages.Lexicon_familyNotObject, memberName),
                    NLS.bind(Messages.Lexicon_familyFix, memberName, String.join(", ", Labels.known(family))));
        }
        Map<String, Map<String, List<String>>> labels = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String label = e.getKey();
            if (!Labels.known(family).contains(label)) {
                throw locator.error("/" + memberName + "/" + label, NLS.bind(Messages.Lexicon_unknownLabel, label, memberName),
                        NLS.bind(Messages.Lexicon_familyFix, memberName, String.join(", ", Labels.known(family))));
            }
            if (!e.getValue().isObject()) {
                throw locator.error("/" + memberName + "/" + label, NLS.bind(Messages.Lexicon_labelNotObject, memberName + "." + label),
                        Messages.Lexicon_labelFix);
            }
            Map<String, List<String>> byLang = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> langs = e.getValue().fields(); langs.hasNext();) {
                Map.Entry<String, JsonNode> l = langs.next();
                if (!l.getKey().equals("nl") && !l.getKey().equals("en")) {
                    throw locator.error("/" + memberName + "/" + label + "/" + l.getKey(), NLS.bind(Messages.Lexicon_unknownLanguage, l.getKey()),
                            Messages.Lexicon_labelFix);
                }
                byLang.put(l.getKey(), strings(l.getValue(), locator, "/" + memberName + "/" + label + "/" + l.getKey(),
                        Messages.Lexicon_labelFix));
            }
            labels.put(label, byLang);
        }
        return labels;
    }

    private static List<String> strings(JsonNode node, Locator locator, String path, String fix) throws LexiconException {
        if (!node.isArray()) {
            throw locator.error(path, NLS.bind(Messages.Lexicon_notList, dotted(path)), fix);
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        for (JsonNode w : node) {
            if (!w.isTextual() || w.asText().isBlank()) {
                throw locator.error(path + "/" + i, NLS.bind(Messages.Lexicon_notWord, dotted(path), w.toString()), fix);
            }
            i++;
            out.add(w.asText().strip());
        }
        return List.copyOf(out);
    }

    private static String dotted(String pointer) {
        return pointer.substring(1).replace('/', '.');
    }

    /** Several lexicons as one; a word listed twice for a label counts once. */
    public static Lexicon combine(Collection<Lexicon> lexicons) {
        Map<LabelFamily, Map<String, Map<String, List<String>>>> words = new EnumMap<>(LabelFamily.class);
        Map<String, List<String>> slang = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        for (Lexicon lex : lexicons) {
            sources.addAll(lex.sources);
            lex.words.forEach((family, labels) -> labels.forEach((label, byLang) -> byLang.forEach((lang, list) -> {
                var target = words.computeIfAbsent(family, f -> new LinkedHashMap<>())
                        .computeIfAbsent(label, l -> new LinkedHashMap<>()).computeIfAbsent(lang, x -> new ArrayList<>());
                Set<String> merged = new LinkedHashSet<>(target);
                merged.addAll(list);
                target.clear();
                target.addAll(merged);
            })));
            lex.slang.forEach((k, v) -> {
                Set<String> merged = new LinkedHashSet<>(slang.getOrDefault(k, List.of()));
                merged.addAll(v);
                slang.put(k, List.copyOf(merged));
            });
        }
        return new Lexicon(words, Collections.unmodifiableMap(slang), List.copyOf(sources));
    }

    /** Words for one label of a family in one language ("nl" or "en"); empty when none. */
    public List<String> words(LabelFamily family, String label, String language) {
        return words.getOrDefault(family, Map.of()).getOrDefault(label, Map.of()).getOrDefault(language, List.of());
    }

    /** The labels of a family that have words. */
    public Set<String> labels(LabelFamily family) {
        return Collections.unmodifiableSet(words.getOrDefault(family, Map.of()).keySet());
    }

    /** Slang term → plain synonyms. */
    public Map<String, List<String>> slang() {
        return slang;
    }

    /** Where the lexicon came from (file names), for explanations. */
    public List<String> sources() {
        return sources;
    }

    public boolean isEmpty() {
        return words.isEmpty() && slang.isEmpty();
    }

    /**
     * Remembers where every value starts (by JSON pointer), so that errors found after parsing
     * still point at file:line:column.
     */
    private static final class Locator {
        private final String sourceName;
        private final Map<String, JsonLocation> locations = new java.util.HashMap<>();

        Locator(String sourceName) {
            this.sourceName = sourceName;
        }

        void index(byte[] bytes) throws IOException {
            try (JsonParser p = JSON.getFactory().createParser(bytes)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
                        locations.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation());
                    }
                }
            }
        }

        LexiconException error(String pointer, String message, String fix) {
            JsonLocation loc = locations.get(pointer);
            String shown = pointer.substring(1).replace('/', '.');
            return new LexiconException(sourceName, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    message.contains(shown) ? message : message + " (" + shown + ")", fix);
        }
    }
}
