package org.vindplaats.index;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.vindplaats.model.TrendNote;

/**
 * Recognises the phenomena a note is about although it may not name them (a grooming note that
 * never says "grooming"). The index stores them with the note, so a search for the phenomenon
 * finds it. Supplied by the suggester; must be thread-safe (a rebuild tags notes on every core).
 */
@FunctionalInterface
public interface PhenomenonTagger {

    /**
     * What the tagger says about one note.
     *
     * @param phenomena the phenomenon ids to index the note with, most likely first
     * @param likely    phenomena the note may be about without being tagged with them, with the
     *                  model's share of the evidence (0..1): a search for one of them may find the
     *                  note when its words also resemble the phenomenon's examples, never on the
     *                  share alone
     * @param first     the phenomena the model ranks first for the note, tagged or not, most
     *                  likely first (see {@link #ranks()})
     */
    record Tags(List<String> phenomena, Map<String, Double> likely, List<String> first) {
        public Tags {
            phenomena = List.copyOf(phenomena);
            likely = Map.copyOf(likely);
            first = List.copyOf(first);
        }

        /** Tags from a tagger that does not rank (see {@link PhenomenonTagger#ranks()}). */
        public Tags(List<String> phenomena, Map<String, Double> likely) {
            this(phenomena, likely, List.of());
        }
    }

    /** Phenomenon ids for {@code note}, most likely first; empty when none is likely. */
    List<String> phenomena(TrendNote note);

    /**
     * The tags and the likely phenomena of {@code note} in one pass of the model. A tagger that
     * does not override this says nothing about likely phenomena; the index then lets a note
     * resemble a phenomenon by its words alone.
     */
    default Tags tag(TrendNote note) {
        return new Tags(phenomena(note), Map.of());
    }

    /** Whether {@link #tag} gives likely phenomena (decides how resemblance is searched). */
    default boolean knowsLikely() {
        return false;
    }

    /**
     * Whether {@link #tag} says which phenomena the model ranks first for a note ({@link Tags#first}).
     * Then a note's words alone make it one of a phenomenon's closest notes only when the model
     * also ranks that phenomenon first for it; otherwise the words decide alone.
     */
    default boolean ranks() {
        return false;
    }

    /**
     * A tagger that gives likely phenomena and the ones its model ranks first too: {@code tag}
     * says all three for a note in one pass.
     */
    static PhenomenonTagger ranking(Function<TrendNote, Tags> tag) {
        return new ModelTagger(tag, true);
    }

    /** A tagger that gives likely phenomena too: {@code tag} says both for a note in one pass. */
    static PhenomenonTagger withLikely(Function<TrendNote, Tags> tag) {
        return new ModelTagger(tag, false);
    }
}
