package org.vindplaats.notes.pii;

import java.text.Normalizer;

/**
 * The text the detector's rules read: NFKC (full-width digits and {@code ＠} become ASCII, ligatures
 * and compatibility forms fold), invisible characters removed (zero-width space/joiners, word
 * joiner, BOM, soft hyphen), Unicode dashes and minus read as {@code -}. People type
 * {@code 0４７０ 12​34 56} to slip past a filter; the rules should not have to know that.
 * <p>
 * Every character of the normalised text remembers the span of the original it came from, so a
 * match found in the normalised text is reported, and scrubbed, on the original characters.
 */
final class PiiNormalizer {

    private final String original;
    private final String text;
    /** For each char of {@link #text}: start and end offset of its source in {@link #original}. */
    private final int[] from;
    private final int[] to;

    private PiiNormalizer(String original, String text, int[] from, int[] to) {
        this.original = original;
        this.text = text;
        this.from = from;
        this.to = to;
    }

    static PiiNormalizer of(String original) {
        if (isPlain(original)) {
            return new PiiNormalizer(original, original, null, null);
        }
        StringBuilder b = new StringBuilder(original.length());
        int[] from = new int[original.length() * 2 + 8];
        int[] to = new int[from.length];
        int i = 0;
        while (i < original.length()) {
            int cp = original.codePointAt(i);
            int end = i + Character.charCount(cp);
            // A base character with its combining marks normalises as one unit ("e" + U+0301 -> "é").
            while (end < original.length() && isMark(original.codePointAt(end))) {
                end += Character.charCount(original.codePointAt(end));
            }
            String unit = original.substring(i, end);
            String out;
            if (isInvisible(cp) && end == i + Character.charCount(cp)) {
                out = "";
            } else if (cp >= 0x2010 && cp <= 0x2015 || cp == 0x2212 || cp == 0xFE63 || cp == 0xFF0D) {
                out = "-";
            } else {
                out = Normalizer.normalize(unit, Normalizer.Form.NFKC);
            }
            for (int k = 0; k < out.length(); k++) {
                if (b.length() == from.length) {
                    from = java.util.Arrays.copyOf(from, from.length * 2);
                    to = java.util.Arrays.copyOf(to, to.length * 2);
                }
                from[b.length()] = i;
                to[b.length()] = end;
                b.append(out.charAt(k));
            }
            i = end;
        }
        return new PiiNormalizer(original, b.toString(), from, to);
    }

    /** ASCII text needs no work (most notes): the normalised text is the original itself. */
    private static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    private static boolean isInvisible(int cp) {
        return cp >= 0x200B && cp <= 0x200F || cp >= 0x2060 && cp <= 0x2064 || cp == 0xFEFF || cp == 0x00AD
                || cp == 0x180E || cp == 0x034F;
    }

    /** The normalised text. */
    String text() {
        return text;
    }

    /** Start offset in the original of the normalised offset {@code start}. */
    int originalStart(int start) {
        return from == null ? start : from[start];
    }

    /** End offset in the original of a span ending (exclusively) at normalised offset {@code end}. */
    int originalEnd(int end) {
        return to == null ? end : to[end - 1];
    }

    /** A match in the normalised text as a match on the original text. */
    PiiMatch toOriginal(PiiMatch m) {
        if (from == null) {
            return m;
        }
        int s = originalStart(m.start());
        int e = originalEnd(m.end());
        return new PiiMatch(original.substring(s, e), s, e, m.kind());
    }
}
