package org.vindplaats.notes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.model.Urgency;

/**
 * Builds or changes a {@link TrendNote} (a record, so immutable) one field at a time:
 * {@code NoteBuilder.from(note).title("...").confirm(LabelFamily.NEEDS).build()}.
 */
public final class NoteBuilder {

    private String id;
    private String title = "";
    private String body = "";
    private List<String> platforms = new ArrayList<>();
    private LocalDate observed;
    private String language;
    private String source;
    private String author;
    private Polarity polarity;
    private Urgency urgency;
    private Set<Need> needs = EnumSet.noneOf(Need.class);
    private Set<Affordance> affordances = EnumSet.noneOf(Affordance.class);
    private List<String> phenomena = new ArrayList<>();
    private Instant created;
    private Instant updated;
    private LocalDate expires;
    private Set<LabelFamily> confirmed = EnumSet.noneOf(LabelFamily.class);
    private boolean piiKept;

    private NoteBuilder(String id) {
        this.id = id;
    }

    public static NoteBuilder create(String id) {
        return new NoteBuilder(id);
    }

    public static NoteBuilder from(TrendNote note) {
        NoteBuilder b = new NoteBuilder(note.id());
        b.title = note.title();
        b.body = note.body();
        b.platforms = new ArrayList<>(note.platforms());
        b.observed = note.observed();
        b.language = note.language();
        b.source = note.source();
        b.author = note.author();
        b.polarity = note.polarity();
        b.urgency = note.urgency();
        b.needs = copy(Need.class, note.needs());
        b.affordances = copy(Affordance.class, note.affordances());
        b.phenomena = new ArrayList<>(note.phenomena());
        b.created = note.created();
        b.updated = note.updated();
        b.expires = note.expires();
        b.confirmed = copy(LabelFamily.class, note.confirmed());
        b.piiKept = note.piiKept();
        return b;
    }

    private static <E extends Enum<E>> Set<E> copy(Class<E> type, Collection<E> values) {
        Set<E> set = EnumSet.noneOf(type);
        set.addAll(values);
        return set;
    }

    public NoteBuilder id(String value) {
        id = value;
        return this;
    }

    public NoteBuilder title(String value) {
        title = value;
        return this;
    }

    public NoteBuilder body(String value) {
        body = value;
        return this;
    }

    public NoteBuilder platforms(Collection<String> value) {
        platforms = new ArrayList<>(value == null ? List.of() : value);
        return this;
    }

    public NoteBuilder observed(LocalDate value) {
        observed = value;
        return this;
    }

    public NoteBuilder language(String value) {
        language = value;
        return this;
    }

    public NoteBuilder source(String value) {
        source = value;
        return this;
    }

    public NoteBuilder author(String value) {
        author = value;
        return this;
    }

    public NoteBuilder polarity(Polarity value) {
        polarity = value;
        return this;
    }

    public NoteBuilder urgency(Urgency value) {
        urgency = value;
        return this;
    }

    public NoteBuilder needs(Collection<Need> value) {
        needs = EnumSet.noneOf(Need.class);
        if (value != null) {
            needs.addAll(value);
        }
        return this;
    }

    public NoteBuilder affordances(Collection<Affordance> value) {
        affordances = EnumSet.noneOf(Affordance.class);
        if (value != null) {
            affordances.addAll(value);
        }
        return this;
    }

    /** The thesaurus ids of the note's phenomena (lower case, without repeats). */
    public NoteBuilder phenomena(Collection<String> value) {
        phenomena = new ArrayList<>();
        if (value != null) {
            value.stream().filter(p -> p != null && !p.isBlank()).map(p -> p.strip().toLowerCase(java.util.Locale.ROOT))
                    .distinct().forEach(phenomena::add);
        }
        return this;
    }

    public NoteBuilder created(Instant value) {
        created = value;
        return this;
    }

    public NoteBuilder updated(Instant value) {
        updated = value;
        return this;
    }

    public NoteBuilder expires(LocalDate value) {
        expires = value;
        return this;
    }

    /** Replaces the set of worker-confirmed label families. */
    public NoteBuilder confirmed(Collection<LabelFamily> value) {
        confirmed = EnumSet.noneOf(LabelFamily.class);
        if (value != null) {
            confirmed.addAll(value);
        }
        return this;
    }

    /** Marks one label family as confirmed by a worker. */
    public NoteBuilder confirm(LabelFamily family) {
        confirmed.add(family);
        return this;
    }

    /**
     * Marks every label family the note has a label in as confirmed by a worker: what a worker
     * writes into a note themselves (the Note editor's form) is their label, not a suggestion.
     * Families without a label keep their state (a worker may have confirmed "none of these").
     */
    public NoteBuilder confirmGivenLabels() {
        TrendNote now = build();
        for (LabelFamily f : LabelFamily.values()) {
            if (now.hasLabel(f)) {
                confirmed.add(f);
            }
        }
        return this;
    }

    /** Marks one label family as a suggestion again. */
    public NoteBuilder unconfirm(LabelFamily family) {
        confirmed.remove(family);
        return this;
    }

    public NoteBuilder piiKept(boolean value) {
        piiKept = value;
        return this;
    }

    public TrendNote build() {
        return new TrendNote(id, title, body, platforms, observed, language, source, author, polarity, urgency, needs,
                affordances, created, updated, expires, confirmed, piiKept, phenomena);
    }
}
