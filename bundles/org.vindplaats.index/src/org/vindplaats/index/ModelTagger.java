package org.vindplaats.index;

import java.util.List;
import java.util.function.Function;

import org.vindplaats.model.TrendNote;

/** A tagger backed by a model that says a note's tags and likely phenomena in one pass (see {@link PhenomenonTagger}). */
record ModelTagger(Function<TrendNote, Tags> tagging, boolean ranks) implements PhenomenonTagger {

    @Override
    public List<String> phenomena(TrendNote note) {
        return tagging.apply(note).phenomena();
    }

    @Override
    public Tags tag(TrendNote note) {
        return tagging.apply(note);
    }

    @Override
    public boolean knowsLikely() {
        return true;
    }
}
