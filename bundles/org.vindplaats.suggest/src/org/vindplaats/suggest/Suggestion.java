package org.vindplaats.suggest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vindplaats.model.TrendNote.LabelFamily;

/**
 * Suggested labels for one note: per family every candidate ranked by confidence with its
 * explanation, and the labels chosen (confidence at or above the family threshold; at least one
 * need and one affordance; exactly one polarity and urgency when there is any evidence).
 */
public record Suggestion(String noteId, Map<LabelFamily, List<RankedLabel>> ranked,
        Map<LabelFamily, List<String>> chosen) {

    public Suggestion {
        Map<LabelFamily, List<RankedLabel>> r = new EnumMap<>(LabelFamily.class);
        ranked.forEach((k, v) -> r.put(k, List.copyOf(v)));
        ranked = java.util.Collections.unmodifiableMap(r);
        Map<LabelFamily, List<String>> c = new EnumMap<>(LabelFamily.class);
        chosen.forEach((k, v) -> c.put(k, List.copyOf(v)));
        chosen = java.util.Collections.unmodifiableMap(c);
    }

    public List<String> chosen(LabelFamily family) {
        return chosen.getOrDefault(family, List.of());
    }

    public List<RankedLabel> ranked(LabelFamily family) {
        return ranked.getOrDefault(family, List.of());
    }

    /** The chosen polarity or urgency (single-valued families), or null when there is no evidence. */
    public String single(LabelFamily family) {
        List<String> c = chosen(family);
        return c.isEmpty() ? null : c.get(0);
    }

    /** The candidate for a label, if ranked. */
    public java.util.Optional<RankedLabel> candidate(LabelFamily family, String label) {
        return ranked(family).stream().filter(l -> l.label().equals(label)).findFirst();
    }

    /**
     * The CLI contract shape: {@code {"id", "needs", "affordances", "platforms", "polarity",
     * "urgency", "explain"}}; {@code explain} holds per family and chosen label its confidence, the
     * words and the similar notes.
     */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", noteId);
        m.put("needs", chosen(LabelFamily.NEEDS));
        m.put("affordances", chosen(LabelFamily.AFFORDANCES));
        m.put("platforms", chosen(LabelFamily.PLATFORMS));
        m.put("polarity", single(LabelFamily.POLARITY));
        m.put("urgency", single(LabelFamily.URGENCY));
        Map<String, Object> explain = new LinkedHashMap<>();
        for (LabelFamily f : List.of(LabelFamily.NEEDS, LabelFamily.AFFORDANCES, LabelFamily.PLATFORMS,
                LabelFamily.POLARITY, LabelFamily.URGENCY)) {
            Map<String, Object> labels = new LinkedHashMap<>();
            for (String label : chosen(f)) {
                candidate(f, label).ifPresent(c -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("confidence", Math.round(c.confidence() * 100) / 100.0);
                    e.put("words", c.words());
                    List<Map<String, Object>> similar = new ArrayList<>();
                    for (RankedLabel.Neighbour n : c.similar()) {
                        Map<String, Object> s = new LinkedHashMap<>();
                        s.put("id", n.id());
                        s.put("title", n.title());
                        s.put("similarity", Math.round(n.similarity() * 100) / 100.0);
                        similar.add(s);
                    }
                    e.put("similar", similar);
                    labels.put(label, e);
                });
            }
            explain.put(f.id(), labels);
        }
        m.put("explain", explain);
        return m;
    }
}
