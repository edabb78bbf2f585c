package org.vindplaats.app;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.Terms;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.model.Urgency;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.Problem;
import org.vindplaats.notes.SaveResult;
import org.vindplaats.notes.StoredNote;
import org.vindplaats.suggest.LabelSuggester;
import org.vindplaats.suggest.Suggestion;

/**
 * The signal inbox: notes whose needs or urgency no worker confirmed yet (imported notes, notes
 * from a knowledge centre), with what Vindplaats suggests for them, most urgent and newest first.
 * A worker confirms them one by one or in bulk; confirming keeps every label a worker already
 * set and takes the suggestion for the rest. Both the command line ({@code notes inbox},
 * {@code notes confirm}) and the workbench's inbox part use this.
 */
public final class SignalInbox {

    /** The families a note must have confirmed to leave the inbox: what the needs map and the team's priorities rest on. */
    public static final Set<LabelFamily> REQUIRED = EnumSet.of(LabelFamily.NEEDS, LabelFamily.URGENCY);

    /** A note waiting for a worker, with the suggestion for it. */
    public record Item(StoredNote stored, Suggestion suggestion) {
        /** The urgency a worker set, else the suggested one (null: none). */
        public Urgency urgency() {
            TrendNote n = stored.note();
            if (n.isConfirmed(LabelFamily.URGENCY) && n.urgency() != null) {
                return n.urgency();
            }
            return urgencyOf(suggestion.single(LabelFamily.URGENCY));
        }

        /** The needs a worker set, else the suggested ones. */
        public List<Need> needs() {
            TrendNote n = stored.note();
            if (n.isConfirmed(LabelFamily.NEEDS)) {
                return List.copyOf(n.needs());
            }
            return suggestion.chosen(LabelFamily.NEEDS).stream().flatMap(id -> Terms.byId(Need.class, id).stream()).toList();
        }
    }

    private SignalInbox() {
    }

    /** True when a worker has not yet confirmed this note's needs or urgency. */
    public static boolean isPending(TrendNote note) {
        return !note.confirmed().containsAll(REQUIRED);
    }

    /**
     * The notes waiting in {@code store} (expired ones left out), each with its suggestion, sorted:
     * immediate first, then concern, then the rest; within that the newest observation first.
     */
    public static List<Item> pending(NoteStore store, LabelSuggester suggester, LocalDate today,
            Consumer<Problem> problems, IProgressMonitor monitor) throws IOException {
        List<StoredNote> all;
        try (var notes = store.stream(problems)) {
            all = notes.toList();
        }
        return pending(all, suggester, today, monitor);
    }

    /** The same, for notes already read (a caller that also trained the suggester on them reads them once). */
    public static List<Item> pending(List<StoredNote> all, LabelSuggester suggester, LocalDate today,
            IProgressMonitor monitor) {
        List<StoredNote> waiting = all.stream().filter(s -> isPending(s.note()) && !s.note().isExpired(today)).toList();
        List<Suggestion> suggestions = suggester.suggestAll(waiting.stream().map(StoredNote::note).toList(), monitor);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < waiting.size(); i++) {
            items.add(new Item(waiting.get(i), suggestions.get(i)));
        }
        items.sort(Comparator.comparingInt((Item it) -> rank(it.urgency()))
                .thenComparing((Item it) -> it.stored().note().observed(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(it -> it.stored().id()));
        return items;
    }

    static Urgency urgencyOf(String id) {
        return java.util.Arrays.stream(Urgency.values()).filter(u -> u.id().equals(id)).findFirst().orElse(null);
    }

    private static int rank(Urgency u) {
        return u == null ? 3 : switch (u) {
        case IMMEDIATE -> 0;
        case CONCERN -> 1;
        case INFO -> 2;
        };
    }

    /**
     * The note as a worker confirms it: labels a worker already confirmed stay; every other
     * family takes the suggestion; all families with a value count as confirmed from now on.
     */
    public static TrendNote confirmed(Item item) {
        TrendNote n = item.stored().note();
        Suggestion s = item.suggestion();
        NoteBuilder b = NoteBuilder.from(n);
        Set<LabelFamily> confirmed = EnumSet.noneOf(LabelFamily.class);
        confirmed.addAll(n.confirmed());
        if (!n.isConfirmed(LabelFamily.PLATFORMS) && n.platforms().isEmpty()) {
            b.platforms(s.chosen(LabelFamily.PLATFORMS));
        }
        if (!n.isConfirmed(LabelFamily.NEEDS)) {
            b.needs(item.needs());
        }
        if (!n.isConfirmed(LabelFamily.AFFORDANCES)) {
            b.affordances(s.chosen(LabelFamily.AFFORDANCES).stream().flatMap(id -> Terms.byId(Affordance.class, id).stream())
                    .toList());
        }
        if (!n.isConfirmed(LabelFamily.POLARITY)) {
            String p = s.single(LabelFamily.POLARITY);
            b.polarity(java.util.Arrays.stream(Polarity.values()).filter(x -> x.id().equals(p)).findFirst().orElse(n.polarity()));
        }
        if (!n.isConfirmed(LabelFamily.URGENCY)) {
            b.urgency(item.urgency());
        }
        TrendNote draft = b.build();
        for (LabelFamily f : LabelFamily.values()) {
            if (draft.hasLabel(f)) {
                confirmed.add(f);
            }
        }
        return NoteBuilder.from(draft).confirmed(confirmed).build();
    }

    /**
     * The note with these phenomena (thesaurus ids) as the worker's word: all of its phenomena,
     * none meaning "none of these". Search, the needs map and the hub then use exactly these, and
     * the next phenomenon suggestions learn from the note (NoteSuggestions#phenomena(NoteStore)).
     */
    public static TrendNote withConfirmedPhenomena(TrendNote note, List<String> phenomena) {
        return NoteBuilder.from(note).phenomena(phenomena).confirm(LabelFamily.PHENOMENA).build();
    }

    /**
     * Confirms these items in {@code store}, each against the revision it was read at: a note a
     * colleague changed meanwhile is not overwritten (its conflict is reported, the others are saved).
     *
     * @param saved told the id of each note saved (confirmed now), also of those saved before a cancel
     */
    public static void confirm(NoteStore store, List<Item> items, Consumer<String> saved, Consumer<String> conflicts,
            IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, items.size());
        for (Item it : items) {
            progress.checkCanceled();
            try {
                SaveResult r = store.update(it.stored(), confirmed(it));
                if (r != null) {
                    saved.accept(it.stored().id());
                }
            } catch (org.vindplaats.notes.NoteStoreException e) {
                conflicts.accept(it.stored().id() + ": " + e.getMessage());
            }
            progress.worked(1);
        }
    }
}
