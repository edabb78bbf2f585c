package org.vindplaats.model;

import java.util.Locale;

/** How sure a plugin author is of a fact; shown next to it so workers know what to double-check. */
public enum Confidence {
    HIGH, MEDIUM, LOW;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public LocalizedText label() {
        return Vocabulary.text("confidence." + id());
    }
}
