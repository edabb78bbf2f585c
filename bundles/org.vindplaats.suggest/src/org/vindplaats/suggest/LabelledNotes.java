package org.vindplaats.suggest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.model.Urgency;
import org.vindplaats.suggest.internal.Messages;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Labelled notes in JSON Lines: one object per line with {@code id, title, body, platforms,
 * observed, lang, source} and optionally labels {@code needs, affordances, polarity, urgency}
 * (the format of a knowledge centre's {@code labelled-examples.jsonl}); and gold files with only
 * {@code id} and labels, merged into the notes by id. A bad line is reported and skipped.
 */
public final class LabelledNotes {

    /** Something wrong in a line; the rest of the file is still read. */
    public record Problem(String source, int line, int column, String message) {
        @Override
        public String toString() {
            return source + ":" + line + ":" + column + ": " + message;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private LabelledNotes() {
    }

    /**
     * Reads notes; label families present on a line count as confirmed by a worker (the
     * author's {@code platforms} tags too).
     */
    public static List<TrendNote> readJsonLines(Reader reader, String sourceName, Consumer<Problem> problems)
            throws IOException {
        List<TrendNote> notes = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        forEachObject(reader, sourceName, problems, (line, o) -> {
            String id = text(o, "id");
            if (id == null || id.isBlank()) {
                problems.accept(new Problem(sourceName, line, 1, Messages.Jsonl_noId));
                return;
            }
            if (!seen.add(id)) {
                problems.accept(new Problem(sourceName, line, 1, NLS.bind(Messages.Jsonl_duplicateId, id)));
                return;
            }
            Labels labels = labels(o, sourceName, line, problems);
            Set<LabelFamily> confirmed = EnumSet.noneOf(LabelFamily.class);
            for (LabelFamily f : LabelFamily.values()) {
                if (o.hasNonNull(f.id()) && !labels.ids(f).isEmpty()) {
                    confirmed.add(f);
                }
            }
            LocalDate observed = null;
            String date = text(o, "observed");
            if (date != null && !date.isBlank()) {
                try {
                    observed = LocalDate.parse(date.strip());
                } catch (DateTimeParseException e) {
                    problems.accept(new Problem(sourceName, line, 1, NLS.bind(Messages.Jsonl_badDate, date)));
                }
            }
            notes.add(new TrendNote(id.strip(), text(o, "title"), text(o, "body"), labels.platforms(), observed,
                    text(o, "lang"), text(o, "source"), text(o, "author"), labels.polarity(), labels.urgency(),
                    labels.needs(), labels.affordances(), null, null, null, confirmed, false));
        });
        return notes;
    }

    /** Reads a gold file: per line {@code id} and the labels of that note. */
    public static Map<String, Labels> readGold(Reader reader, String sourceName, Consumer<Problem> problems)
            throws IOException {
        Map<String, Labels> gold = new LinkedHashMap<>();
        forEachObject(reader, sourceName, problems, (line, o) -> {
            String id = text(o, "id");
            if (id == null || id.isBlank()) {
                problems.accept(new Problem(sourceName, line, 1, Messages.Jsonl_noId));
                return;
            }
            gold.put(id.strip(), labels(o, sourceName, line, problems));
        });
        return gold;
    }

    /**
     * The notes with their gold labels in place and every family marked confirmed, e.g. to use a
     * labelled set as training. Notes without a gold line are returned unchanged.
     */
    public static List<TrendNote> mergeGold(Collection<TrendNote> notes, Map<String, Labels> gold) {
        List<TrendNote> out = new ArrayList<>();
        for (TrendNote n : notes) {
            Labels g = gold.get(n.id());
            out.add(g == null ? n : withLabels(n, g));
        }
        return out;
    }

    /**
     * A copy of the note carrying these labels, their families confirmed (phenomena are not among
     * them: the note keeps its own, confirmed or not).
     */
    public static TrendNote withLabels(TrendNote n, Labels g) {
        Set<LabelFamily> confirmed = EnumSet.complementOf(EnumSet.of(LabelFamily.PHENOMENA));
        if (n.isConfirmed(LabelFamily.PHENOMENA)) {
            confirmed.add(LabelFamily.PHENOMENA);
        }
        return new TrendNote(n.id(), n.title(), n.body(), g.platforms(), n.observed(), n.language(), n.source(),
                n.author(), g.polarity(), g.urgency(), g.needs(), g.affordances(), n.created(), n.updated(),
                n.expires(), confirmed, n.piiKept(), n.phenomena());
    }

    private interface LineHandler {
        void accept(int line, JsonNode object);
    }

    private static void forEachObject(Reader reader, String sourceName, Consumer<Problem> problems, LineHandler handler)
            throws IOException {
        BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            JsonNode o;
            try {
                o = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                JsonLocation loc = e.getLocation();
                problems.accept(new Problem(sourceName, lineNo, loc == null ? 0 : Math.max(1, loc.getColumnNr()),
                        NLS.bind(Messages.Jsonl_badJson, e.getOriginalMessage())));
                continue;
            }
            if (o == null || !o.isObject()) {
                problems.accept(new Problem(sourceName, lineNo, 1, Messages.Jsonl_notObject));
                continue;
            }
            handler.accept(lineNo, o);
        }
    }

    private static Labels labels(JsonNode o, String source, int line, Consumer<Problem> problems) {
        Set<Need> needs = EnumSet.noneOf(Need.class);
        for (String v : values(o, "needs")) {
            parse(Need.class, v, LabelFamily.NEEDS, source, line, problems, needs);
        }
        Set<Affordance> affordances = EnumSet.noneOf(Affordance.class);
        for (String v : values(o, "affordances")) {
            // Ephemerality is the low end of permanence (handbook, Table 1).
            parse(Affordance.class, v.equalsIgnoreCase("ephemerality") ? "permanence" : v, LabelFamily.AFFORDANCES,
                    source, line, problems, affordances);
        }
        List<String> platforms = new ArrayList<>();
        for (String v : values(o, "platforms")) {
            String id = v.strip().toLowerCase(Locale.ROOT);
            if (!id.isEmpty() && !platforms.contains(id)) {
                platforms.add(id);
            }
        }
        Set<Polarity> polarity = EnumSet.noneOf(Polarity.class);
        String p = text(o, "polarity");
        if (p != null && !p.isBlank()) {
            parse(Polarity.class, p, LabelFamily.POLARITY, source, line, problems, polarity);
        }
        Set<Urgency> urgency = EnumSet.noneOf(Urgency.class);
        String u = text(o, "urgency");
        if (u != null && !u.isBlank()) {
            parse(Urgency.class, u, LabelFamily.URGENCY, source, line, problems, urgency);
        }
        return new Labels(needs, affordances, platforms, polarity.isEmpty() ? null : polarity.iterator().next(),
                urgency.isEmpty() ? null : urgency.iterator().next());
    }

    private static <E extends Enum<E>> void parse(Class<E> type, String value, LabelFamily family, String source,
            int line, Consumer<Problem> problems, Set<E> into) {
        try {
            into.add(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            problems.accept(new Problem(source, line, 1, NLS.bind(Messages.Jsonl_unknownLabel,
                    new Object[] { value, family.id(), String.join(", ", Labels.known(family)) })));
        }
    }

    private static List<String> values(JsonNode o, String field) {
        JsonNode v = o.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(x -> {
                if (x.isTextual()) {
                    out.add(x.asText());
                }
            });
        } else if (v.isTextual()) {
            for (String s : v.asText().split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
}
