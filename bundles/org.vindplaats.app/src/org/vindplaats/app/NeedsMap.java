package org.vindplaats.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.Terms;
import org.vindplaats.model.Thesaurus;
import org.vindplaats.model.TrendNote;
import org.vindplaats.suggest.Suggestion;

/**
 * The numbers behind the needs map, for the workbench and the command line alike: how many notes
 * touch each developmental need per platform, per affordance or per phenomenon, and which
 * phenomena rise over the last weeks. Plain counting over notes the caller found (with the
 * phenomena the index gave each note), so every front end counts by one rule.
 *
 * <h2>The counting rule</h2> A note counts once in every (row, need) cell of its rows and its
 * needs. Its needs are its labelled needs; when the caller passes a suggestion for a note whose
 * needs nobody confirmed, the suggested needs instead, counted apart ({@link Row#suggested}) so
 * they never look confirmed. Its rows are its platforms (or the suggested ones when it has none),
 * its affordances (likewise), or its phenomena: those it is indexed with and every broader one,
 * because {@code fenomeen:<id>} in a search finds the notes of the narrower phenomena too, so a
 * cell's count is the number of notes a click on it lists.
 *
 * <h2>The rising rule</h2> See {@link #rising(int[])}.
 */
public final class NeedsMap {

    /** What the rows of the map are. */
    public enum Rows {
        PLATFORMS, AFFORDANCES, PHENOMENA
    }

    /** How many weeks the trend looks back by default. */
    public static final int WEEKS = 8;
    /** A phenomenon rises only with at least this many notes in the recent half of the weeks. */
    public static final int MIN_RECENT = 3;

    /**
     * One note as the map counts it.
     *
     * @param note       the note
     * @param phenomena  the phenomena the note is indexed with (named in it or recognised by the tagger)
     * @param suggestion suggested labels for a note whose needs nobody confirmed; null to count only its own labels
     */
    public record Entry(TrendNote note, Collection<String> phenomena, Suggestion suggestion) {
        public Entry {
            phenomena = List.copyOf(phenomena == null ? List.of() : phenomena);
        }

        public Entry(TrendNote note, Collection<String> phenomena) {
            this(note, phenomena, null);
        }
    }

    /** One row: per need (by {@link Need#ordinal()}) the notes with own labels and those with suggested needs. */
    public record Row(String id, int[] counts, int[] suggested) {
        public int total() {
            return Arrays.stream(counts).sum();
        }

        public int count(Need need) {
            return counts[need.ordinal()];
        }
    }

    /**
     * The map.
     *
     * @param rows           the rows in the order to show them
     * @param counted        notes with a row and a need of their own
     * @param suggestedNotes notes counted with suggested needs
     */
    public record Counts(List<Row> rows, int counted, int suggestedNotes) {
        public Counts {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One phenomenon's notes per week over the last weeks.
     *
     * @param phenomenon the phenomenon id
     * @param firstDay   the first day of the oldest week
     * @param weeks      notes per week, oldest first; the last week ends today
     * @param rising     whether it rises by {@link NeedsMap#rising(int[])}
     */
    public record Trend(String phenomenon, LocalDate firstDay, int[] weeks, boolean rising) {
        public int total() {
            return Arrays.stream(weeks).sum();
        }

        /** Notes in the recent half of the weeks. */
        public int recent() {
            return NeedsMap.recent(weeks);
        }

        /** Notes in the half before it. */
        public int before() {
            return NeedsMap.before(weeks);
        }

        /** The weeks as a line of block characters, e.g. "▁▁▂▁▃▅▆█": the lowest block is an empty week, the highest the busiest. */
        public String sparkline() {
            String blocks = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
            int max = Arrays.stream(weeks).max().orElse(0);
            StringBuilder b = new StringBuilder();
            for (int w : weeks) {
                int level = w <= 0 || max == 0 ? 0 : Math.max(1, (int) Math.round(w * 7.0 / max));
                b.append(blocks.charAt(level));
            }
            return b.toString();
        }
    }

    private final Thesaurus thesaurus;

    /** @param thesaurus the phenomena's broader/narrower relations (empty: phenomena count as indexed) */
    public NeedsMap(Thesaurus thesaurus) {
        this.thesaurus = thesaurus == null ? Thesaurus.EMPTY : thesaurus;
    }

    /**
     * Counts the map.
     *
     * @param names a row id's name for people, to order rows with as many notes alike
     */
    public Counts count(List<Entry> notes, Rows rows, Function<String, String> names) {
        int size = Need.values().length;
        Map<String, int[]> own = new LinkedHashMap<>();
        Map<String, int[]> extra = new LinkedHashMap<>();
        if (rows == Rows.AFFORDANCES) {
            for (Affordance a : Affordance.values()) {
                own.put(a.id(), new int[size]);
            }
        }
        int counted = 0;
        int suggestedNotes = 0;
        for (Entry e : notes) {
            TrendNote n = e.note();
            Suggestion sg = e.suggestion();
            boolean ownNeeds = n.isConfirmed(TrendNote.LabelFamily.NEEDS) || sg == null;
            List<Need> needs = ownNeeds ? List.copyOf(n.needs())
                    : sg.chosen(TrendNote.LabelFamily.NEEDS).stream().flatMap(id -> Terms.byId(Need.class, id).stream()).toList();
            Collection<String> keys = keys(e, rows);
            if (!needs.isEmpty() && !keys.isEmpty()) {
                if (ownNeeds) {
                    counted++;
                } else {
                    suggestedNotes++;
                }
            }
            for (String k : keys) {
                int[] row = own.computeIfAbsent(k, x -> new int[size]);
                int[] xrow = extra.computeIfAbsent(k, x -> new int[size]);
                for (Need need : needs) {
                    (ownNeeds ? row : xrow)[need.ordinal()]++;
                }
            }
        }
        List<Row> out = new ArrayList<>();
        own.forEach((id, c) -> out.add(new Row(id, c, extra.getOrDefault(id, new int[size]))));
        if (rows != Rows.AFFORDANCES) {
            // Busiest first: that is where the team's attention goes.
            out.sort(Comparator.comparingInt((Row r) -> -r.total()).thenComparing(r -> names.apply(r.id()))
                    .thenComparing(Row::id));
        }
        return new Counts(out, counted, suggestedNotes);
    }

    private Collection<String> keys(Entry e, Rows rows) {
        TrendNote n = e.note();
        Suggestion sg = e.suggestion();
        return switch (rows) {
        case PLATFORMS -> n.platforms().isEmpty() && sg != null ? sg.chosen(TrendNote.LabelFamily.PLATFORMS) : n.platforms();
        case AFFORDANCES -> n.affordances().isEmpty() && sg != null ? sg.chosen(TrendNote.LabelFamily.AFFORDANCES)
                : n.affordances().stream().map(Affordance::id).toList();
        case PHENOMENA -> phenomena(e);
        };
    }

    /** The phenomena a note counts under: those it is indexed with and every broader one. */
    public Set<String> phenomena(Entry e) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : e.phenomena()) {
            out.add(p);
            out.addAll(thesaurus.ancestors(p));
        }
        return out;
    }

    /** The first day of the oldest of the last {@code weeks} weeks; the newest week ends {@code today}. */
    public static LocalDate firstDay(LocalDate today, int weeks) {
        return today.minusDays(7L * weeks - 1);
    }

    /**
     * Per phenomenon the notes observed in each of the last {@code weeks} seven-day weeks (the last
     * one ends {@code today}; notes without an observed date or observed later are left out),
     * counted by the rows' rule (broader phenomena include their narrower ones). Only phenomena
     * with notes in those weeks; rising ones first, then the most recent notes.
     *
     * @param platform only notes with this platform among their own platforms; null for all
     */
    public List<Trend> trends(List<Entry> notes, String platform, LocalDate today, int weeks) {
        if (weeks < 1) {
            throw new IllegalArgumentException("weeks < 1: " + weeks);
        }
        LocalDate first = firstDay(today, weeks);
        String wanted = platform == null ? null : platform.strip().toLowerCase(Locale.ROOT);
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Entry e : notes) {
            LocalDate observed = e.note().observed();
            if (observed == null || observed.isBefore(first) || observed.isAfter(today)) {
                continue;
            }
            if (wanted != null && e.note().platforms().stream().noneMatch(p -> p.strip().toLowerCase(Locale.ROOT).equals(wanted))) {
                continue;
            }
            int week = (int) ((observed.toEpochDay() - first.toEpochDay()) / 7);
            for (String p : phenomena(e)) {
                counts.computeIfAbsent(p, x -> new int[weeks])[week]++;
            }
        }
        List<Trend> out = new ArrayList<>();
        counts.forEach((id, w) -> out.add(new Trend(id, first, w, rising(w))));
        out.sort(Comparator.comparing((Trend t) -> !t.rising()).thenComparing(t -> -t.recent())
                .thenComparing(t -> -t.total()).thenComparing(Trend::phenomenon));
        return out;
    }

    /**
     * Whether notes per week rise: the recent half of the weeks holds at least {@value #MIN_RECENT}
     * notes and more than one and a half times as many as the half before it (with an odd number
     * of weeks the oldest one is left out of the comparison). So 1 → 2 notes is not rising, 0 → 3
     * and 2 → 4 are, 2 → 3 is not.
     */
    public static boolean rising(int[] weeks) {
        int recent = recent(weeks);
        int before = before(weeks);
        return recent >= MIN_RECENT && 2 * recent > 3 * before;
    }

    static int recent(int[] weeks) {
        int half = weeks.length / 2;
        return Arrays.stream(weeks, weeks.length - half, weeks.length).sum();
    }

    static int before(int[] weeks) {
        int half = weeks.length / 2;
        return Arrays.stream(weeks, weeks.length - 2 * half, weeks.length - half).sum();
    }
}
