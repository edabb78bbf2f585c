package org.vindplaats.notes.pii;

import java.util.Objects;

/**
 * One piece of personal data in a text: the exact substring, its character offsets
 * ({@code text.substring(start, end)}) and its kind.
 */
public record PiiMatch(String text, int start, int end, PiiKind kind) {
    public PiiMatch {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end < start || end - start != text.length()) {
            throw new IllegalArgumentException("Bad match offsets " + start + ".." + end + " for \"" + text + "\"");
        }
    }

    boolean overlaps(PiiMatch other) {
        return start < other.end && other.start < end;
    }
}
