package org.vindplaats.index.internal;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.vindplaats.index.SearchResult.Range;

/**
 * Plain-text snippets with match ranges, made by Lucene's UnifiedHighlighter. The formatter
 * returns objects (text + ranges) instead of marked-up strings, so note text is never mixed with
 * markup here; callers decide how to show a match.
 */
public final class Snippets {

    /** Longest snippet, in characters; longer passages are cut around their first match. */
    static final int MAX = 280;
    private static final String GAP = " \u2026 ";

    public record Snippet(String text, List<Range> ranges) {
    }

    private Snippets() {
    }

    /** Per field, per doc (in the order of {@code docIds}): a {@link Snippet} or null. */
    public static Map<String, Object[]> highlight(IndexSearcher searcher, Analyzer analyzer, Query query,
            String[] fields, int[] docIds) throws IOException {
        Highlighter h = new Highlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new Formatter())
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.ROOT))
                .withMaxLength(100_000)
                .withHandleMultiTermQuery(true)
                .withHighlightPhrasesStrictly(true));
        int[] max = new int[fields.length];
        java.util.Arrays.fill(max, 2);
        return h.objects(fields, query, docIds, max);
    }

    /** A snippet from the start of the text, for notes that matched on something else. */
    public static Snippet lead(String body) {
        StringBuilder sb = new StringBuilder();
        appendCollapsed(sb, body, 0, body.length(), null);
        String text = sb.toString().strip();
        if (text.length() > MAX) {
            int cut = text.lastIndexOf(' ', MAX);
            text = text.substring(0, cut > MAX / 2 ? cut : MAX) + "\u2026";
        }
        return new Snippet(text, List.of());
    }

    private static final class Highlighter extends UnifiedHighlighter {
        Highlighter(Builder b) {
            super(b);
        }

        Map<String, Object[]> objects(String[] fields, Query q, int[] docIds, int[] max) throws IOException {
            return highlightFieldsAsObjects(fields, q, docIds, max);
        }
    }

    private static final class Formatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            StringBuilder sb = new StringBuilder();
            List<int[]> ranges = new ArrayList<>();
            for (Passage p : passages) {
                if (sb.length() > 0) {
                    while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
                        sb.setLength(sb.length() - 1);
                    }
                    sb.append(GAP);
                }
                int start = p.getStartOffset();
                int end = Math.min(p.getEndOffset(), content.length());
                int[] map = new int[end - start + 1];
                appendCollapsed(sb, content, start, end, map);
                for (int i = 0; i < p.getNumMatches(); i++) {
                    int ms = p.getMatchStarts()[i];
                    int me = p.getMatchEnds()[i];
                    if (ms < start || me > end || me <= ms) {
                        continue;
                    }
                    ranges.add(new int[] { map[ms - start], map[me - start] });
                }
            }
            int end = sb.length();
            while (end > 0 && sb.charAt(end - 1) == ' ') {
                end--;
            }
            return cut(sb.substring(0, end), merge(ranges));
        }
    }

    /**
     * Appends {@code content[start, end)} with every run of white space as one space (note
     * bodies have line breaks); {@code map[i]} receives the output position of {@code start + i}.
     */
    static void appendCollapsed(StringBuilder sb, String content, int start, int end, int[] map) {
        boolean space = sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ';
        for (int i = start; i < end; i++) {
            char c = content.charAt(i);
            if (map != null) {
                map[i - start] = sb.length();
            }
            if (Character.isWhitespace(c)) {
                if (!space && sb.length() > 0) {
                    sb.append(' ');
                    space = true;
                }
            } else {
                sb.append(c);
                space = false;
            }
        }
        if (map != null) {
            map[end - start] = sb.length();
        }
    }

    private static List<int[]> merge(List<int[]> ranges) {
        ranges.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        List<int[]> out = new ArrayList<>();
        for (int[] r : ranges) {
            if (!out.isEmpty() && r[0] <= out.get(out.size() - 1)[1]) {
                int[] last = out.get(out.size() - 1);
                last[1] = Math.max(last[1], r[1]);
            } else {
                out.add(new int[] { r[0], r[1] });
            }
        }
        return out;
    }

    /** Keeps at most {@link #MAX} characters around the first match, at word boundaries. */
    private static Snippet cut(String text, List<int[]> ranges) {
        int from = 0;
        int to = text.length();
        if (to > MAX) {
            int first = ranges.isEmpty() ? 0 : ranges.get(0)[0];
            from = Math.max(0, first - MAX / 3);
            if (from > 0) {
                int sp = text.indexOf(' ', from);
                from = sp >= 0 && sp < first ? sp + 1 : from;
            }
            to = Math.min(text.length(), from + MAX);
            if (to < text.length()) {
                int sp = text.lastIndexOf(' ', to);
                to = sp > from + MAX / 2 ? sp : to;
            }
        }
        String prefix = from > 0 ? "\u2026" : "";
        String suffix = to < text.length() ? "\u2026" : "";
        String body = text.substring(from, to);
        // Leading/trailing spaces would shift the ranges; there are none after collapsing, except at a cut.
        List<Range> out = new ArrayList<>();
        for (int[] r : ranges) {
            int s = Math.max(r[0], from);
            int e = Math.min(r[1], to);
            if (e > s) {
                out.add(new Range(s - from + prefix.length(), e - from + prefix.length()));
            }
        }
        return new Snippet(prefix + body + suffix, out);
    }
}
