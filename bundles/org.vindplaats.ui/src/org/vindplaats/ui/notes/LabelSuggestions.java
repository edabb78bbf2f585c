package org.vindplaats.ui.notes;

import java.util.List;

import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;

/**
 * Label suggestions for a note being written, each with why. The suggest engine plugs in behind
 * this interface ({@link SuggestEngine}).
 */
public interface LabelSuggestions {

    /**
     * One suggested label.
     *
     * @param family which kind of label
     * @param value the label's id (a platform id, need id, affordance id, polarity or urgency id)
     * @param confidence 0..1
     * @param explanation why, in the user's language (e.g. the words that point to it)
     */
    record Suggestion(LabelFamily family, String value, double confidence, String explanation) {
    }

    List<Suggestion> suggest(TrendNote draft);
}
