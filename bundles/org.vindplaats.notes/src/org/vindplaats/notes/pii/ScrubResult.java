package org.vindplaats.notes.pii;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Text with its personal data replaced by placeholders, and what was replaced (offsets refer to
 * the original text).
 */
public record ScrubResult(String text, List<PiiMatch> replaced) {

    public ScrubResult {
        replaced = List.copyOf(replaced);
    }

    public boolean changed() {
        return !replaced.isEmpty();
    }

    /** How many matches of each kind were replaced, in {@link PiiKind} order. */
    public Map<PiiKind, Integer> counts() {
        return countByKind(replaced);
    }

    /** How many matches of each kind a list holds, in {@link PiiKind} order. */
    public static Map<PiiKind, Integer> countByKind(List<PiiMatch> matches) {
        Map<PiiKind, Integer> counts = new EnumMap<>(PiiKind.class);
        for (PiiMatch m : matches) {
            counts.merge(m.kind(), 1, Integer::sum);
        }
        return counts;
    }
}
