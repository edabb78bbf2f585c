package org.vindplaats.ui.notes;

import java.util.Optional;

/** The one place that connects the workbench to the suggest engine, when it is installed. */
public final class NoteSuggestions {

    private NoteSuggestions() {
    }

    /** The suggester, or empty while no suggest engine is available. */
    public static Optional<LabelSuggestions> create() {
        return Optional.empty();
    }
}
