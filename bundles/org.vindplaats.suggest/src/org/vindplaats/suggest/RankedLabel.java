package org.vindplaats.suggest;

import java.util.List;

/**
 * One candidate label with how sure the suggester is (0..1) and why.
 *
 * @param label      the label id, e.g. {@code privacy_safety}, {@code risk}, {@code tiktok}
 * @param confidence 0..1; labels at or above the family's threshold are chosen
 * @param words      the words of the note that point to it (slang shown with its meaning)
 * @param similar    the most similar labelled notes that carry this label, best first
 */
public record RankedLabel(String label, double confidence, List<String> words, List<Neighbour> similar) {

    public RankedLabel {
        // A word the note uses twice, or once in the title and once in the text, is named once.
        java.util.Set<String> seen = new java.util.HashSet<>();
        words = words.stream().filter(w -> seen.add(w.toLowerCase(java.util.Locale.ROOT))).toList();
        similar = List.copyOf(similar);
    }

    /** A labelled note that resembles the note being suggested. */
    public record Neighbour(String id, String title, double similarity) {
    }
}
