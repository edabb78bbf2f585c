package org.vindplaats.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Looking up terms by id, with "did you mean" suggestions for typos. */
public final class Terms {

    private Terms() {
    }

    /** The constant of {@code type} whose id is {@code id} (case-insensitive, '-' same as '_'). */
    public static <E extends Enum<E> & Term> Optional<E> byId(Class<E> type, String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = normalise(id);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.id().equals(wanted)).findFirst();
    }

    /** All ids of {@code type}, in handbook order. */
    public static <E extends Enum<E> & Term> List<String> ids(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Term::id).toList();
    }

    /** The candidate closest to {@code input} (edit distance ≤ 3, or a prefix), if any. */
    public static Optional<String> didYouMean(String input, Iterable<String> candidates) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        String wanted = normalise(input);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = candidate.startsWith(wanted) || wanted.startsWith(candidate) ? 1 : editDistance(wanted, candidate);
            if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, Math.min(3, wanted.length() / 3));
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    static String normalise(String id) {
        return id.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** Levenshtein distance; ids are short, so the simple two-row version is plenty. */
    public static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    static <E extends Enum<E>> Comparator<E> handbookOrder() {
        return Comparator.comparingInt(Enum::ordinal);
    }
}
