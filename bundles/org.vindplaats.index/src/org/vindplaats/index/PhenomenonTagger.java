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
     */
    record Tags(List<String> phenomena, Map<String, Double> likely) {
        public Tags {
            phenomena = List.copyOf(phenomena);
            likely = Map.copyOf(likely);
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

    /** A tagger that gives likely phenomena too: {@code tag} says both for a note in one pass. */
    static PhenomenonTagger withLikely(Function<TrendNote, Tags> tag) {
        return new PhenomenonTagger() {
            @Override
            public List<String> phenomena(TrendNote note) {
                return tag.apply(note).phenomena();
            }

            @Override
            public Tags tag(TrendNote note) {
                return tag.apply(note);
            }

            @Override
            public boolean knowsLikely() {
                return true;
            }
        };
    }
}
