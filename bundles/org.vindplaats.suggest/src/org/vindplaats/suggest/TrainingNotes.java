package org.vindplaats.suggest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;

/**
 * The labelled notes the suggester learns from, and the counts its scorers read: how many notes
 * carry each family and label, and which lexicon entries and which stems went with which label.
 * Each note has an ord, its place in the list. A note being suggested never counts for itself:
 * the counts take a set of ords to leave out ("self": the note and any copy with its id).
 */
final class TrainingNotes {

    /** A labelled note with the lexicon entries that matched it and its stems. */
    record Trained(TrendNote note, Labels labels, Set<String> hitKeys, Set<String> stems) {
    }

    /** How many labelled notes of a family had an entry or stem, and how many of those each label. */
    static final class Counts {
        int matched;
        final Map<String, Integer> withLabel = new HashMap<>();
    }

    private final List<Trained> notes = new ArrayList<>();
    private final Map<String, List<Integer>> ordsById = new HashMap<>();
    private final Map<LabelFamily, Integer> familyCounts = new EnumMap<>(LabelFamily.class);
    private final Map<LabelFamily, Map<String, Integer>> labelCounts = new EnumMap<>(LabelFamily.class);
    /** family → lexicon entry key → counts */
    private final Map<LabelFamily, Map<String, Counts>> entryCounts = new EnumMap<>(LabelFamily.class);
    /** family → stem → counts */
    private final Map<LabelFamily, Map<String, Counts>> stemCounts = new EnumMap<>(LabelFamily.class);

    /** Adds a labelled note and counts it in the families it carries; returns its ord. */
    int add(Trained t, List<LabelFamily> families) {
        int ord = notes.size();
        notes.add(t);
        ordsById.computeIfAbsent(t.note().id(), k -> new ArrayList<>()).add(ord);
        for (LabelFamily f : families) {
            List<String> ids = t.labels().ids(f);
            if (ids.isEmpty()) {
                continue;
            }
            familyCounts.merge(f, 1, Integer::sum);
            count(entryCounts.computeIfAbsent(f, x -> new HashMap<>()), t.hitKeys(), ids);
            count(stemCounts.computeIfAbsent(f, x -> new HashMap<>()), t.stems(), ids);
            Map<String, Integer> lc = labelCounts.computeIfAbsent(f, x -> new HashMap<>());
            ids.forEach(l -> lc.merge(l, 1, Integer::sum));
        }
        return ord;
    }

    private static void count(Map<String, Counts> counts, Set<String> keys, List<String> labels) {
        for (String key : keys) {
            Counts c = counts.computeIfAbsent(key, x -> new Counts());
            c.matched++;
            labels.forEach(l -> c.withLabel.merge(l, 1, Integer::sum));
        }
    }

    Trained get(int ord) {
        return notes.get(ord);
    }

    List<Trained> all() {
        return notes;
    }

    int size() {
        return notes.size();
    }

    boolean isEmpty() {
        return notes.isEmpty();
    }

    /** The ords of the labelled notes with this id: what a note with this id must not learn from. */
    Set<Integer> self(String id) {
        return new HashSet<>(ordsById.getOrDefault(id, List.of()));
    }

    Map<String, Counts> entryCounts(LabelFamily family) {
        return entryCounts.getOrDefault(family, Map.of());
    }

    Map<String, Counts> stemCounts(LabelFamily family) {
        return stemCounts.getOrDefault(family, Map.of());
    }

    /** How many labelled notes carry the family, without {@code self}. */
    int known(LabelFamily family, Set<Integer> self) {
        int c = familyCounts.getOrDefault(family, 0);
        for (int o : self) {
            if (!notes.get(o).labels().ids(family).isEmpty()) {
                c--;
            }
        }
        return c;
    }

    /** How many labelled notes carry this label, without {@code self}. */
    int labelCount(LabelFamily family, String label, Set<Integer> self) {
        int count = labelCounts.getOrDefault(family, Map.of()).getOrDefault(label, 0);
        for (int o : self) {
            if (notes.get(o).labels().ids(family).contains(label)) {
                count--;
            }
        }
        return count;
    }
}
