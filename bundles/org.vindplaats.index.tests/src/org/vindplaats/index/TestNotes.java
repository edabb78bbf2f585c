package org.vindplaats.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.Urgency;
import org.vindplaats.testing.TestFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Notes for tests: a tiny builder and the dev evaluation set (org.vindplaats.testing). */
final class TestNotes {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");

    private TestNotes() {
    }

    static TrendNote note(String id, String lang, String title, String body, List<String> platforms, String observed) {
        return note(id, lang, title, body, platforms, observed, null, null, Set.of(), Set.of());
    }

    static TrendNote note(String id, String lang, String title, String body, List<String> platforms, String observed,
            Polarity polarity, Urgency urgency, Set<Need> needs, Set<Affordance> affordances) {
        return new TrendNote(id, title, body, platforms, observed == null ? null : LocalDate.parse(observed), lang,
                TrendNote.TEAM_OBSERVATION, "team", polarity, urgency, needs, affordances, T0, T0, null, Set.of(), false);
    }

    static TrendNote touched(TrendNote n, String newBody) {
        return new TrendNote(n.id(), n.title(), newBody, n.platforms(), n.observed(), n.language(), n.source(),
                n.author(), n.polarity(), n.urgency(), n.needs(), n.affordances(), n.created(),
                n.updated().plusSeconds(60), n.expires(), n.confirmed(), n.piiKept());
    }

    static NoteSource source(List<TrendNote> notes) {
        return NoteSource.of(notes::stream, notes.size());
    }

    /** The 90 dev notes with their gold labels merged in, as a worker would have confirmed them. */
    static List<TrendNote> devNotes() {
        Map<String, JsonNode> gold = new HashMap<>();
        for (JsonNode g : jsonl(TestFiles.GOLD)) {
            gold.put(g.get("id").asText(), g);
        }
        List<TrendNote> out = new ArrayList<>();
        for (JsonNode n : jsonl(TestFiles.NOTES)) {
            String id = n.get("id").asText();
            JsonNode g = gold.get(id);
            List<String> platforms = new ArrayList<>();
            n.path("platforms").forEach(p -> platforms.add(p.asText()));
            EnumSet<Need> needs = EnumSet.noneOf(Need.class);
            EnumSet<Affordance> affordances = EnumSet.noneOf(Affordance.class);
            Polarity polarity = null;
            Urgency urgency = null;
            if (g != null) {
                g.path("needs").forEach(x -> needs.add(Need.valueOf(x.asText().toUpperCase(Locale.ROOT))));
                g.path("affordances").forEach(x -> affordances.add(Affordance.valueOf(x.asText().toUpperCase(Locale.ROOT))));
                polarity = Polarity.valueOf(g.get("polarity").asText().toUpperCase(Locale.ROOT));
                urgency = Urgency.valueOf(g.get("urgency").asText().toUpperCase(Locale.ROOT));
            }
            out.add(new TrendNote(id, n.get("title").asText(), n.get("body").asText(), platforms,
                    LocalDate.parse(n.get("observed").asText()), n.get("lang").asText(), n.path("source").asText(null),
                    null, polarity, urgency, needs, affordances, T0, T0, null, Set.of(), false));
        }
        return out;
    }

    /** A file of the dev evaluation set (org.vindplaats.testing), one JSON object per line. */
    static List<JsonNode> jsonl(String file) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : TestFiles.evalDevLines(file)) {
            try {
                out.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
