package org.vindplaats.index;

import java.util.List;

import org.vindplaats.model.TrendNote;

/**
 * Recognises the phenomena a note is about although it may not name them (a grooming note that
 * never says "grooming"). The index stores them with the note, so a search for the phenomenon
 * finds it. Supplied by the suggester; must be thread-safe (a rebuild tags notes on every core).
 */
@FunctionalInterface
public interface PhenomenonTagger {

    /** Phenomenon ids for {@code note}, most likely first; empty when none is likely. */
    List<String> phenomena(TrendNote note);
}
