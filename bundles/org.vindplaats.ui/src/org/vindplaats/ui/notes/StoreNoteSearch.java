package org.vindplaats.ui.notes;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.StoredNote;
import org.vindplaats.ui.notes.SearchResults.Hit;
import org.vindplaats.ui.notes.SearchResults.Range;

/**
 * Searches by reading every note file: no index needed, fine for the hundreds of notes a team
 * writes in a year. Every word must occur (as part of a word, so "foto" finds "foto's"),
 * accents and case do not matter, the title counts three times.
 */
public final class StoreNoteSearch implements NoteSearch {

    private static final int SNIPPET = 220;

    private final NoteStore store;
    private final QueryText syntax;

    public StoreNoteSearch(NoteStore store, Catalog catalog) {
        this.store = store;
        this.syntax = new QueryText(catalog);
    }

    @Override
    public String engine() {
        return "notes";
    }

    private record Candidate(TrendNote note, String title, String body, String all) {
    }

    @Override
    public SearchResults search(NoteQuery query, IProgressMonitor monitor) throws IOException {
        SubMonitor sub = SubMonitor.convert(monitor, (int) Math.max(1, store.count()));
        QueryText.Parsed parsed = syntax.parse(query.text());
        Map<String, Set<String>> filters = new LinkedHashMap<>(parsed.filters());
        query.filters().forEach((k, v) -> filters.merge(k, v, (a, b) -> {
            Set<String> both = new java.util.HashSet<>(a);
            both.retainAll(b);
            return both.isEmpty() ? Set.of("\u0000none") : both;
        }));
        List<Candidate> textMatches = new ArrayList<>();
        try (Stream<StoredNote> notes = store.stream(p -> {
            // Unreadable files are reported where notes are listed; a search just skips them.
        })) {
            for (StoredNote s : (Iterable<StoredNote>) notes::iterator) {
                if (sub.isCanceled()) {
                    throw new OperationCanceledException();
                }
                sub.worked(1);
                TrendNote n = s.note();
                if (!inDates(n, query.from(), query.to())) {
                    continue;
                }
                String title = QueryText.fold(n.title());
                String body = QueryText.fold(n.body());
                String all = title + "\n" + body + "\n" + QueryText.fold(n.source() == null ? "" : n.source()) + "\n"
                        + String.join(" ", n.platforms());
                if (parsed.terms().stream().allMatch(all::contains) && parsed.excluded().stream().noneMatch(all::contains)) {
                    textMatches.add(new Candidate(n, title, body, all));
                }
            }
        }
        List<Candidate> matches = textMatches.stream().filter(c -> matches(c.note(), filters, null)).toList();
        Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
        for (String field : NoteQuery.FACETS) {
            // Counts as if this field were not filtered, so a worker sees what else they could pick.
            Map<String, Integer> counts = new TreeMap<>();
            for (Candidate c : textMatches) {
                if (matches(c.note(), filters, field)) {
                    for (String v : values(c.note(), field)) {
                        counts.merge(v, 1, Integer::sum);
                    }
                }
            }
            facets.put(field, counts);
        }
        List<Hit> hits = new ArrayList<>();
        for (Candidate c : matches) {
            float score = 0;
            for (String t : parsed.terms()) {
                score += 3 * occurrences(c.title(), t) + occurrences(c.body(), t);
            }
            hits.add(snippet(c, score, parsed.terms()));
        }
        Comparator<Hit> newest = Comparator.comparing((Hit h) -> date(h.note()), Comparator.nullsFirst(Comparator.naturalOrder()));
        Comparator<Hit> order = switch (query.sort()) {
            case NEWEST -> newest.reversed();
            case OLDEST -> newest;
            case RELEVANCE -> Comparator.comparing(Hit::score).reversed().thenComparing(newest.reversed());
        };
        hits.sort(order.thenComparing(h -> h.note().id()));
        int total = hits.size();
        return new SearchResults(hits.subList(0, Math.min(total, query.limit())), total, facets, parsed.hints());
    }

    /** The date a note is filed under: when it was observed, else when it was written. */
    public static LocalDate date(TrendNote n) {
        if (n.observed() != null) {
            return n.observed();
        }
        return n.created() == null ? null : n.created().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static boolean inDates(TrendNote n, LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return true;
        }
        LocalDate d = date(n);
        return d != null && (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
    }

    private static boolean matches(TrendNote n, Map<String, Set<String>> filters, String except) {
        for (Map.Entry<String, Set<String>> f : filters.entrySet()) {
            if (f.getKey().equals(except)) {
                continue;
            }
            List<String> have = values(n, f.getKey());
            if (!have.containsAll(f.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** A note's values for a facet field, as ids. */
    public static List<String> values(TrendNote n, String field) {
        return switch (field) {
            case NoteQuery.PLATFORM -> n.platforms();
            case NoteQuery.NEED -> n.needs().stream().map(Need::id).toList();
            case NoteQuery.AFFORDANCE -> n.affordances().stream().map(Affordance::id).toList();
            case NoteQuery.POLARITY -> n.polarity() == null ? List.of() : List.of(n.polarity().id());
            case NoteQuery.URGENCY -> n.urgency() == null ? List.of() : List.of(n.urgency().id());
            case NoteQuery.MONTH -> date(n) == null ? List.of() : List.of(QueryText.month(date(n)));
            default -> List.of();
        };
    }

    private static int occurrences(String text, String term) {
        int count = 0;
        for (int i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length())) {
            count++;
        }
        return count;
    }

    /** A piece of the body around the first match, with every match in it as a range. */
    private static Hit snippet(Candidate c, float score, List<String> terms) {
        String body = c.note().body();
        int first = -1;
        for (String t : terms) {
            int i = c.body().indexOf(t);
            if (i >= 0 && (first < 0 || i < first)) {
                first = i;
            }
        }
        int start = first < 0 ? 0 : Math.max(0, first - SNIPPET / 3);
        // Start and end at word boundaries so the snippet does not begin mid-word.
        while (start > 0 && !Character.isWhitespace(body.charAt(start - 1))) {
            start--;
        }
        int end = Math.min(body.length(), start + SNIPPET);
        while (end < body.length() && !Character.isWhitespace(body.charAt(end))) {
            end++;
        }
        String prefix = start > 0 ? "\u2026 " : "";
        String suffix = end < body.length() ? " \u2026" : "";
        String snippet = prefix + body.substring(start, end).replace('\n', ' ') + suffix;
        String folded = c.body().substring(start, end);
        List<Range> ranges = new ArrayList<>();
        for (String t : terms) {
            for (int i = folded.indexOf(t); i >= 0; i = folded.indexOf(t, i + t.length())) {
                ranges.add(new Range(prefix.length() + i, prefix.length() + i + t.length()));
            }
        }
        ranges.sort(Comparator.comparingInt(Range::start));
        List<Range> merged = new ArrayList<>();
        for (Range r : ranges) {
            Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r.start() <= last.end()) {
                merged.set(merged.size() - 1, new Range(last.start(), Math.max(last.end(), r.end())));
            } else {
                merged.add(r);
            }
        }
        return new Hit(c.note(), score, snippet, merged);
    }
}
